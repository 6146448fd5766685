package org.unionhub.organisation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.organisation.Enterprise;

/** SQL for enterprises; scope comes from the node an enterprise is registered under. */
@Repository
public class EnterpriseRepository {

    private static final String SELECT = """
            SELECT e.*, o.name AS org_name, un.name AS union_name
              FROM enterprise e
              JOIN org_unit o ON o.id = e.org_id
              LEFT JOIN org_unit un ON un.id = e.union_id
            """;

    private final JdbcClient jdbc;

    public EnterpriseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Enterprise> findInScope(long scopeRootId, long id) {
        return jdbc.sql(SELECT + """
                          JOIN org_unit s ON s.id = :scope
                         WHERE e.id = :id AND o.path LIKE s.path || '%'
                        """)
                .param("scope", scopeRootId)
                .param("id", id)
                .query(EnterpriseRepository::map)
                .optional();
    }

    public Optional<Enterprise> findByCreditCode(String creditCode) {
        return jdbc.sql(SELECT + " WHERE e.credit_code = :code")
                .param("code", creditCode)
                .query(EnterpriseRepository::map)
                .optional();
    }

    public List<Enterprise> search(long scopeRootId, Long underOrgId, String text, int limit) {
        return jdbc.sql(SELECT + """
                          JOIN org_unit s ON s.id = :scope
                         WHERE o.path ~>=~ s.path AND o.path ~<~ (left(s.path, -1) || '0')
                           AND (CAST(:under AS BIGINT) IS NULL OR e.org_id = :under)
                           AND (CAST(:text AS TEXT) IS NULL OR e.name LIKE '%' || :text || '%'
                                OR e.credit_code = upper(:text))
                         ORDER BY e.name LIMIT :limit
                        """)
                .param("scope", scopeRootId)
                .param("under", underOrgId)
                .param("text", text)
                .param("limit", limit)
                .query(EnterpriseRepository::map)
                .list();
    }

    public boolean creditCodeTaken(String creditCode, Long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM enterprise WHERE credit_code = :code AND id IS DISTINCT FROM :id)")
                .param("code", creditCode)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    public long insert(Enterprise e) {
        return jdbc.sql("""
                        INSERT INTO enterprise (name, credit_code, credit_code_check_failed, org_id, division_code,
                               address, industry, employee_count, new_economy, new_social_organisation, gig_platform,
                               union_id, union_founded_on)
                        VALUES (:name, :credit, :checkFailed, :org, :division, :address, :industry, :employees,
                                :newEconomy, :newSocial, :gig, :union, :foundedOn)
                        RETURNING id
                        """)
                .paramSource(params(e))
                .query(Long.class)
                .single();
    }

    public void update(Enterprise e) {
        jdbc.sql("""
                        UPDATE enterprise SET name = :name, credit_code = :credit, credit_code_check_failed = :checkFailed,
                               org_id = :org, division_code = :division, address = :address, industry = :industry,
                               employee_count = :employees, new_economy = :newEconomy,
                               new_social_organisation = :newSocial, gig_platform = :gig, union_id = :union,
                               union_founded_on = :foundedOn, version = version + 1
                         WHERE id = :id
                        """)
                .paramSource(params(e))
                .update();
    }

    public void close(long id, LocalDate closedOn) {
        jdbc.sql("UPDATE enterprise SET closed_on = :on, version = version + 1 WHERE id = :id")
                .param("id", id).param("on", closedOn).update();
    }

    private static java.util.Map<String, Object> params(Enterprise e) {
        var map = new java.util.HashMap<String, Object>();
        map.put("id", e.id());
        map.put("name", e.name());
        map.put("credit", e.creditCode());
        map.put("checkFailed", e.creditCodeCheckFailed());
        map.put("org", e.orgId());
        map.put("division", e.divisionCode());
        map.put("address", e.address());
        map.put("industry", e.industry());
        map.put("employees", e.employeeCount());
        map.put("newEconomy", e.newEconomy());
        map.put("newSocial", e.newSocialOrganisation());
        map.put("gig", e.gigPlatform());
        map.put("union", e.unionId());
        map.put("foundedOn", e.unionFoundedOn());
        return map;
    }

    private static Enterprise map(ResultSet rs, int row) throws SQLException {
        return new Enterprise(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("credit_code"),
                rs.getBoolean("credit_code_check_failed"),
                rs.getLong("org_id"),
                rs.getString("org_name"),
                rs.getString("division_code"),
                rs.getString("address"),
                rs.getString("industry"),
                rs.getObject("employee_count", Integer.class),
                rs.getBoolean("new_economy"),
                rs.getBoolean("new_social_organisation"),
                rs.getBoolean("gig_platform"),
                rs.getObject("union_id", Long.class),
                rs.getString("union_name"),
                rs.getObject("union_founded_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class));
    }
}

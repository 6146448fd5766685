package org.unionhub.organisation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.organisation.Enterprise;
import org.unionhub.organisation.UnionPeriod;

/**
 * SQL for enterprises; scope comes from the node an enterprise is registered under. The enterprise's current union
 * ({@code union_id}, {@code union_founded_on}) and its open period in {@code enterprise_union_period} are only ever
 * written together, here. A period ends on its {@code until_date} or, sooner, when its union node closes.
 */
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

    /** The enterprise as it is now, its row locked until the transaction ends: foundings and edits queue up here. */
    public Enterprise lock(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = :id FOR UPDATE OF e")
                .param("id", id)
                .query(EnterpriseRepository::map)
                .single();
    }

    /** Links a newly founded union to its enterprise and opens its period, ending the period of a closed one. */
    public void linkFoundedUnion(long enterpriseId, long unionId, LocalDate foundedOn) {
        closeOpenPeriod(enterpriseId);
        jdbc.sql("""
                        UPDATE enterprise SET union_id = :union, union_founded_on = :on, version = version + 1
                         WHERE id = :id
                        """)
                .param("id", enterpriseId)
                .param("union", unionId)
                .param("on", foundedOn)
                .update();
        openPeriod(enterpriseId, unionId, foundedOn, "FOUNDED");
    }

    /** The union the enterprise had on {@code date}: a period covering that day whose union had not closed by then. */
    public Optional<Long> unionOn(long enterpriseId, LocalDate date) {
        return jdbc.sql("""
                        SELECT p.union_id FROM enterprise_union_period p JOIN org_unit u ON u.id = p.union_id
                         WHERE p.enterprise_id = :id AND p.from_date <= :on
                           AND (p.until_date IS NULL OR p.until_date > :on)
                           AND (u.closed_on IS NULL OR u.closed_on > :on)
                        """)
                .param("id", enterpriseId)
                .param("on", date)
                .query(Long.class)
                .optional();
    }

    /** Every period of the enterprise, newest first, each ending on its own end or its union's closing. */
    public List<UnionPeriod> unionPeriods(long enterpriseId) {
        return jdbc.sql("""
                        SELECT p.union_id, u.name, p.from_date, LEAST(p.until_date, u.closed_on) AS until, p.source
                          FROM enterprise_union_period p JOIN org_unit u ON u.id = p.union_id
                         WHERE p.enterprise_id = :id ORDER BY p.from_date DESC, p.id DESC
                        """)
                .param("id", enterpriseId)
                .query((rs, n) -> new UnionPeriod(rs.getLong("union_id"), rs.getString("name"),
                        rs.getObject("from_date", LocalDate.class), rs.getObject("until", LocalDate.class),
                        rs.getString("source")))
                .list();
    }

    /** The day the enterprise's latest ended union period ended, if one has ended. */
    public Optional<LocalDate> lastUnionPeriodEnd(long enterpriseId) {
        return unionPeriods(enterpriseId).stream()
                .map(UnionPeriod::until)
                .filter(Objects::nonNull)
                .max(LocalDate::compareTo);
    }

    private void openPeriod(long enterpriseId, long unionId, LocalDate from, String source) {
        jdbc.sql("""
                        INSERT INTO enterprise_union_period (enterprise_id, union_id, from_date, source)
                        VALUES (:id, :union, :from, :source)
                        """)
                .param("id", enterpriseId)
                .param("union", unionId)
                .param("from", from)
                .param("source", source)
                .update();
    }

    /**
     * Takes the enterprise's open period off: ended on its union's closing day when that union has closed (the
     * history keeps it), dropped otherwise (the link was a mistake being corrected).
     */
    private void closeOpenPeriod(long enterpriseId) {
        jdbc.sql("""
                        UPDATE enterprise_union_period p SET until_date = u.closed_on
                          FROM org_unit u
                         WHERE u.id = p.union_id AND p.enterprise_id = :id AND p.until_date IS NULL
                           AND u.closed_on > p.from_date
                        """)
                .param("id", enterpriseId)
                .update();
        jdbc.sql("DELETE FROM enterprise_union_period WHERE enterprise_id = :id AND until_date IS NULL")
                .param("id", enterpriseId)
                .update();
    }

    /** Inserts an enterprise and, when it already has a union, opens that union's period. */
    public long insert(Enterprise e) {
        long id = jdbc.sql("""
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
        if (e.unionId() != null) {
            openPeriod(id, e.unionId(), e.unionFoundedOn(), "REGISTERED");
        }
        return id;
    }

    /**
     * Changes an enterprise. A changed union link is a correction: the open period is taken off (kept, ended, if its
     * union has closed) and the new link, if any, opens a period.
     */
    public void update(Enterprise e) {
        Enterprise before = lock(e.id());
        if (!Objects.equals(before.unionId(), e.unionId())
                || !Objects.equals(before.unionFoundedOn(), e.unionFoundedOn())) {
            closeOpenPeriod(e.id());
            if (e.unionId() != null) {
                openPeriod(e.id(), e.unionId(), e.unionFoundedOn(), "REGISTERED");
            }
        }
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

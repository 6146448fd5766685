package org.unionhub.organisation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.organisation.Founding;

/** SQL for the founding records of grassroots unions ({@code union_founding}). */
@Repository
public class UnionFoundingRepository {

    private static final String SELECT = """
            SELECT f.*, u.name AS union_name, u.credit_code, u.parent_id, p.name AS parent_name
              FROM union_founding f
              JOIN org_unit u ON u.id = f.union_id
              JOIN org_unit p ON p.id = u.parent_id
            """;

    private final JdbcClient jdbc;

    public UnionFoundingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long unionId, long enterpriseId, String chair, LocalDate foundedOn, Integer employeeCount,
            boolean workersHomeFlagged, Long sessionId, String foundedBy, Instant foundedAt) {
        jdbc.sql("""
                        INSERT INTO union_founding (union_id, enterprise_id, chair, founded_on, employee_count,
                               workers_home_flagged, session_id, founded_by, founded_at)
                        VALUES (:union, :enterprise, :chair, :on, :employees, :flagged, :session, :by, :at)
                        """)
                .param("union", unionId)
                .param("enterprise", enterpriseId)
                .param("chair", chair)
                .param("on", foundedOn)
                .param("employees", employeeCount)
                .param("flagged", workersHomeFlagged)
                .param("session", sessionId)
                .param("by", foundedBy)
                .param("at", OffsetDateTime.ofInstant(foundedAt, ZoneOffset.UTC))
                .update();
    }

    public Optional<Founding> findByUnion(long unionId) {
        return jdbc.sql(SELECT + " WHERE f.union_id = :union")
                .param("union", unionId)
                .query(UnionFoundingRepository::map)
                .optional();
    }

    /** The enterprise's most recent founding, if its union was ever founded through the platform. */
    public Optional<Founding> latestOf(long enterpriseId) {
        return jdbc.sql(SELECT + " WHERE f.enterprise_id = :enterprise ORDER BY f.founded_on DESC, f.id DESC LIMIT 1")
                .param("enterprise", enterpriseId)
                .query(UnionFoundingRepository::map)
                .optional();
    }

    private static Founding map(ResultSet rs, int row) throws SQLException {
        return new Founding(
                rs.getLong("union_id"),
                rs.getString("union_name"),
                rs.getString("credit_code"),
                rs.getLong("parent_id"),
                rs.getString("parent_name"),
                rs.getLong("enterprise_id"),
                rs.getString("chair"),
                rs.getObject("founded_on", LocalDate.class),
                rs.getObject("employee_count", Integer.class),
                rs.getBoolean("workers_home_flagged"),
                rs.getObject("session_id", Long.class),
                rs.getString("founded_by"),
                rs.getObject("founded_at", OffsetDateTime.class).toInstant());
    }
}

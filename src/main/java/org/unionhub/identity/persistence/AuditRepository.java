package org.unionhub.identity.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {

    /** One audited event. */
    public record AuditRow(long id, Instant at, String actor, String action, String target, String detail,
            String remoteIp) {
    }

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String actor, String action, String target, String detail, String remoteIp, String orgPath) {
        jdbc.sql("""
                        INSERT INTO audit_event (actor, action, target, detail, remote_ip, org_path)
                        VALUES (:actor, :action, :target, :detail, :ip, :path)
                        """)
                .param("actor", actor)
                .param("action", action)
                .param("target", target)
                .param("detail", detail)
                .param("ip", remoteIp)
                .param("path", orgPath)
                .update();
    }

    /**
     * The newest events whose actor was inside the subtree; events with no known actor node (a failed sign-in with an
     * unknown name) only for the whole city's scope.
     */
    public List<AuditRow> findRecent(String scopePath, boolean wholeCity, String action, int limit) {
        return jdbc.sql("""
                        SELECT * FROM audit_event
                         WHERE ((org_path ~>=~ :p AND org_path ~<~ (left(:p, -1) || '0')) OR (org_path IS NULL AND :city))
                           AND (CAST(:action AS TEXT) IS NULL OR action = :action)
                         ORDER BY at DESC, id DESC LIMIT :limit
                        """)
                .param("p", scopePath)
                .param("city", wholeCity)
                .param("action", action)
                .param("limit", limit)
                .query((rs, n) -> new AuditRow(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail"),
                        rs.getString("remote_ip")))
                .list();
    }
}

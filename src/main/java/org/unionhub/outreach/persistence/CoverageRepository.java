package org.unionhub.outreach.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.outreach.DeclineReason;
import org.unionhub.outreach.PipelineState;

/** SQL for the enterprises enterprise sessions covered ({@code enterprise_session_coverage}) and the items offered. */
@Repository
public class CoverageRepository {

    private static final String SELECT = """
            SELECT c.*, s.title AS session_title, s.held_on,
                   COALESCE((SELECT array_agg(o.item_id ORDER BY o.item_id) FROM enterprise_session_offer o
                              WHERE o.coverage_id = c.id), '{}') AS item_ids
              FROM enterprise_session_coverage c JOIN outreach_session s ON s.id = c.session_id
            """;

    private final JdbcClient jdbc;

    public CoverageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored coverage record with the ids of the items offered. */
    public record CoverageRow(long id, long sessionId, String sessionTitle, LocalDate heldOn, long enterpriseId,
            String enterpriseName, String personMet, String personTitle, List<Long> itemIds, PipelineState outcome,
            DeclineReason declineReason, String note, boolean advanced, String recordedBy, Instant recordedAt) {
    }

    /** The coverage to store: what staff recorded and whether it moved the pipeline on. */
    public record NewCoverage(long sessionId, long enterpriseId, String enterpriseName, String personMet,
            String personTitle, PipelineState outcome, DeclineReason declineReason, String note, boolean advanced,
            String recordedBy) {
    }

    public Optional<CoverageRow> find(long sessionId, long enterpriseId) {
        return jdbc.sql(SELECT + " WHERE c.session_id = :session AND c.enterprise_id = :enterprise")
                .param("session", sessionId)
                .param("enterprise", enterpriseId)
                .query(CoverageRepository::map)
                .optional();
    }

    /**
     * Stores the coverage of an enterprise by a session, or corrects the one stored (keeping {@code advanced} once
     * true); answers whether it is new. The items offered are replaced.
     */
    public boolean upsert(NewCoverage coverage, List<Long> itemIds) {
        boolean created = jdbc.sql("""
                        INSERT INTO enterprise_session_coverage (session_id, enterprise_id, enterprise_name, person_met,
                               person_title, outcome, decline_reason, note, advanced, recorded_by)
                        VALUES (:session, :enterprise, :name, :person, :title, :outcome, :reason, :note, :advanced, :by)
                        ON CONFLICT (session_id, enterprise_id) DO UPDATE
                           SET enterprise_name = EXCLUDED.enterprise_name, person_met = EXCLUDED.person_met,
                               person_title = EXCLUDED.person_title, outcome = EXCLUDED.outcome,
                               decline_reason = EXCLUDED.decline_reason, note = EXCLUDED.note,
                               advanced = enterprise_session_coverage.advanced OR EXCLUDED.advanced,
                               updated_at = now()
                        RETURNING (xmax = 0) AS created
                        """)
                .param("session", coverage.sessionId())
                .param("enterprise", coverage.enterpriseId())
                .param("name", coverage.enterpriseName())
                .param("person", coverage.personMet())
                .param("title", coverage.personTitle())
                .param("outcome", coverage.outcome().name())
                .param("reason", coverage.declineReason() == null ? null : coverage.declineReason().name())
                .param("note", coverage.note())
                .param("advanced", coverage.advanced())
                .param("by", coverage.recordedBy())
                .query(Boolean.class)
                .single();
        long id = find(coverage.sessionId(), coverage.enterpriseId()).orElseThrow().id();
        jdbc.sql("DELETE FROM enterprise_session_offer WHERE coverage_id = :id").param("id", id).update();
        for (long itemId : itemIds) {
            jdbc.sql("INSERT INTO enterprise_session_offer (coverage_id, item_id) VALUES (:id, :item)")
                    .param("id", id)
                    .param("item", itemId)
                    .update();
        }
        return created;
    }

    /** The enterprises a session covered, in the order they were recorded. */
    public List<CoverageRow> ofSession(long sessionId) {
        return jdbc.sql(SELECT + " WHERE c.session_id = :session ORDER BY c.recorded_at, c.id")
                .param("session", sessionId)
                .query(CoverageRepository::map)
                .list();
    }

    /** The sessions that covered an enterprise, latest first (cancelled sessions left out). */
    public List<CoverageRow> ofEnterprise(long enterpriseId) {
        return jdbc.sql(SELECT + """
                         WHERE c.enterprise_id = :enterprise AND s.status <> 'CANCELLED'
                         ORDER BY s.held_on DESC, c.id DESC
                        """)
                .param("enterprise", enterpriseId)
                .query(CoverageRepository::map)
                .list();
    }

    private static CoverageRow map(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("decline_reason");
        return new CoverageRow(
                rs.getLong("id"),
                rs.getLong("session_id"),
                rs.getString("session_title"),
                rs.getObject("held_on", LocalDate.class),
                rs.getLong("enterprise_id"),
                rs.getString("enterprise_name"),
                rs.getString("person_met"),
                rs.getString("person_title"),
                List.of((Long[]) rs.getArray("item_ids").getArray()),
                PipelineState.valueOf(rs.getString("outcome")),
                reason == null ? null : DeclineReason.valueOf(reason),
                rs.getString("note"),
                rs.getBoolean("advanced"),
                rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }
}

package org.unionhub.outreach.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.outreach.ConsultationTopic;
import org.unionhub.outreach.SessionKind;
import org.unionhub.outreach.SessionStatus;

/** SQL for sessions, their counters and what arrived through them. Scope is by the organiser's copied path. */
@Repository
public class SessionRepository {

    /** A session row as stored. */
    public record SessionRow(long id, String code, SessionKind kind, long orgId, String orgPath, Long campaignId,
            String title, String place, BigDecimal lat, BigDecimal lng, OffsetDateTime startsAt,
            OffsetDateTime endsAt, LocalDate heldOn, List<String> staffOnDuty, List<String> partners,
            SessionStatus status, int workersReached, String createdBy) {
    }

    /** The fields written when a session is planned. */
    public record NewSession(String code, SessionKind kind, long orgId, String orgPath, Long campaignId, String title,
            String place, BigDecimal lat, BigDecimal lng, OffsetDateTime startsAt, OffsetDateTime endsAt,
            LocalDate heldOn, List<String> staffOnDuty, List<String> partners, String createdBy,
            String idempotencyKey) {
    }

    private static final String COLUMNS = """
            id, code, kind, org_id, org_path, campaign_id, title, place, lat, lng, starts_at, ends_at, held_on,
            staff_on_duty, partners, status, workers_reached, created_by
            """;

    private final JdbcClient jdbc;

    public SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the code or the creator's idempotency key is taken; empty then. */
    public Optional<Long> insert(NewSession s) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", s.code());
        p.put("kind", s.kind().name());
        p.put("org", s.orgId());
        p.put("path", s.orgPath());
        p.put("campaign", s.campaignId());
        p.put("title", s.title());
        p.put("place", s.place());
        p.put("lat", s.lat());
        p.put("lng", s.lng());
        p.put("starts", s.startsAt());
        p.put("ends", s.endsAt());
        p.put("heldOn", s.heldOn());
        p.put("staff", s.staffOnDuty().toArray(String[]::new));
        p.put("partners", s.partners().toArray(String[]::new));
        p.put("by", s.createdBy());
        p.put("key", s.idempotencyKey());
        return jdbc.sql("""
                        INSERT INTO outreach_session (code, kind, org_id, org_path, campaign_id, title, place, lat, lng,
                               starts_at, ends_at, held_on, staff_on_duty, partners, created_by, idempotency_key)
                        VALUES (:code, :kind, :org, :path, :campaign, :title, :place, :lat, :lng, :starts, :ends,
                                :heldOn, :staff, :partners, :by, :key)
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """)
                .params(p)
                .query(Long.class)
                .optional();
    }

    public Optional<Long> findByKey(String createdBy, String idempotencyKey) {
        return jdbc.sql("SELECT id FROM outreach_session WHERE created_by = :by AND idempotency_key = :key")
                .param("by", createdBy).param("key", idempotencyKey).query(Long.class).optional();
    }

    public Optional<SessionRow> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outreach_session WHERE id = :id")
                .param("id", id).query(SessionRepository::map).optional();
    }

    public Optional<SessionRow> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outreach_session WHERE code = :code")
                .param("code", code).query(SessionRepository::map).optional();
    }

    public Optional<SessionRow> findInScope(String scopePath, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outreach_session WHERE id = :id AND " + IN_SCOPE)
                .param("id", id).param("scope", scopePath).query(SessionRepository::map).optional();
    }

    /**
     * Locks a session for a counter tap: taps on one session take turns (a stall counts a few a second), and a close
     * waits for the tap in flight, so no tap lands on a closed session.
     */
    public Optional<SessionRow> lockInScope(String scopePath, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outreach_session WHERE id = :id AND " + IN_SCOPE
                        + " FOR NO KEY UPDATE")
                .param("id", id).param("scope", scopePath).query(SessionRepository::map).optional();
    }

    private static final String IN_SCOPE =
            "org_path ~>=~ :scope AND org_path ~<~ (left(:scope, -1) || '0')";

    /** Sessions in a subtree, newest first, filtered by status, kind and campaign where given. */
    public List<SessionRow> search(String scopePath, SessionStatus status, SessionKind kind, Long campaignId,
            int limit) {
        Map<String, Object> p = new HashMap<>();
        p.put("scope", scopePath);
        p.put("status", status == null ? null : status.name());
        p.put("kind", kind == null ? null : kind.name());
        p.put("campaign", campaignId);
        p.put("limit", limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM outreach_session WHERE " + IN_SCOPE + """
                         AND (CAST(:status AS TEXT) IS NULL OR status = :status)
                         AND (CAST(:kind AS TEXT) IS NULL OR kind = :kind)
                         AND (CAST(:campaign AS BIGINT) IS NULL OR campaign_id = :campaign)
                        ORDER BY starts_at DESC, id DESC LIMIT :limit
                        """)
                .params(p).query(SessionRepository::map).list();
    }

    /** Moves a session on from {@code from}; false when someone else moved it first. */
    public boolean changeStatus(long id, SessionStatus from, SessionStatus to, String by, Instant at) {
        String stamp = switch (to) {
            case OPEN -> "opened_at = :at";
            case CLOSED -> "closed_at = :at, closed_by = :by";
            case CANCELLED -> "cancelled_at = :at, cancelled_by = :by";
            case PLANNED -> throw new IllegalArgumentException("A session never goes back to planned");
        };
        return jdbc.sql("UPDATE outreach_session SET status = :to, " + stamp + " WHERE id = :id AND status = :from")
                .param("to", to.name())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .param("id", id)
                .param("from", from.name())
                .update() == 1;
    }

    // ---- counters ------------------------------------------------------------------------------------------------

    /** Records a tap; false when a tap with this id was recorded before (a retry). */
    public boolean recordTap(long sessionId, String tapId, String measure, int delta, String by) {
        return jdbc.sql("""
                        INSERT INTO outreach_tap (session_id, tap_id, measure, delta, tapped_by)
                        VALUES (:s, :tap, :measure, :delta, :by)
                        ON CONFLICT DO NOTHING
                        """)
                .param("s", sessionId).param("tap", tapId).param("measure", measure).param("delta", delta)
                .param("by", by)
                .update() == 1;
    }

    /** Adds to the workers reached; false when that would take the count below zero. */
    public boolean addReached(long sessionId, int delta) {
        return jdbc.sql("""
                        UPDATE outreach_session SET workers_reached = workers_reached + :d
                         WHERE id = :id AND workers_reached + :d >= 0
                        """)
                .param("id", sessionId).param("d", delta).update() == 1;
    }

    /** Adds to a topic's consultations; false when that would take the count below zero. */
    public boolean addConsultations(long sessionId, String topic, int delta) {
        if (delta > 0) {
            jdbc.sql("""
                            INSERT INTO outreach_consultation (session_id, topic, count) VALUES (:s, :t, :d)
                            ON CONFLICT (session_id, topic) DO UPDATE SET count = outreach_consultation.count + :d
                            """)
                    .param("s", sessionId).param("t", topic).param("d", delta).update();
            return true;
        }
        return jdbc.sql("""
                        UPDATE outreach_consultation SET count = count + :d
                         WHERE session_id = :s AND topic = :t AND count + :d >= 0
                        """)
                .param("s", sessionId).param("t", topic).param("d", delta).update() == 1;
    }

    /** Every topic's consultations at a session, in the code table's order (zero where none were counted). */
    public Map<String, Integer> consultations(long sessionId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT t.code, coalesce(c.count, 0) AS count
                          FROM consultation_topic t
                          LEFT JOIN outreach_consultation c ON c.topic = t.code AND c.session_id = :s
                         ORDER BY t.sort
                        """)
                .param("s", sessionId)
                .query(rs -> {
                    counts.put(rs.getString("code"), rs.getInt("count"));
                });
        return counts;
    }

    public List<ConsultationTopic> topics() {
        return jdbc.sql("SELECT code, name_zh, name_en FROM consultation_topic ORDER BY sort")
                .query(ConsultationTopic.class).list();
    }

    public boolean isTopic(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM consultation_topic WHERE code = :c)").param("c", code)
                .query(Boolean.class).single();
    }

    // ---- what arrived through a session --------------------------------------------------------------------------

    /** Attributes an application to the session with this code, once; nothing when no session has the code. */
    public void recordApplication(String sessionCode, String applicationNo, LocalDate on) {
        jdbc.sql("""
                        INSERT INTO outreach_session_application (application_no, session_id, submitted_on)
                        SELECT :no, id, :on FROM outreach_session WHERE code = :code
                        ON CONFLICT DO NOTHING
                        """)
                .param("no", applicationNo).param("on", on).param("code", sessionCode).update();
    }

    /** Attributes a new member to the session with this code, once; nothing when no session has the code. */
    public void recordJoin(String sessionCode, String memberNo, LocalDate on) {
        jdbc.sql("""
                        INSERT INTO outreach_session_join (member_no, session_id, joined_on)
                        SELECT :no, id, :on FROM outreach_session WHERE code = :code
                        ON CONFLICT DO NOTHING
                        """)
                .param("no", memberNo).param("on", on).param("code", sessionCode).update();
    }

    public long applications(long sessionId) {
        return jdbc.sql("SELECT count(*) FROM outreach_session_application WHERE session_id = :s")
                .param("s", sessionId).query(Long.class).single();
    }

    public long joins(long sessionId) {
        return jdbc.sql("SELECT count(*) FROM outreach_session_join WHERE session_id = :s")
                .param("s", sessionId).query(Long.class).single();
    }

    /** Keeps the sessions' copies of their organiser's path current when a subtree moves. */
    public int rebasePaths(String oldPrefix, String newPrefix) {
        return jdbc.sql("""
                        UPDATE outreach_session SET org_path = :newPrefix || substr(org_path, length(:oldPrefix) + 1)
                         WHERE org_path ~>=~ :oldPrefix AND org_path ~<~ (left(:oldPrefix, -1) || '0')
                        """)
                .param("oldPrefix", oldPrefix).param("newPrefix", newPrefix).update();
    }

    private static SessionRow map(ResultSet rs, int n) throws SQLException {
        return new SessionRow(rs.getLong("id"), rs.getString("code"), SessionKind.valueOf(rs.getString("kind")),
                rs.getLong("org_id"), rs.getString("org_path"), rs.getObject("campaign_id", Long.class),
                rs.getString("title"), rs.getString("place"), rs.getBigDecimal("lat"), rs.getBigDecimal("lng"),
                rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class),
                rs.getObject("held_on", LocalDate.class), strings(rs.getArray("staff_on_duty")),
                strings(rs.getArray("partners")), SessionStatus.valueOf(rs.getString("status")),
                rs.getInt("workers_reached"), rs.getString("created_by"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

package org.unionhub.reporting.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.reporting.domain.Tally;
import org.unionhub.reporting.domain.TreePaths;

/**
 * The write side of the funnel's read models. Every event handler runs in one transaction and first takes the locks
 * that order it against the handlers it could race with: a shared lock for every event and an exclusive one for a
 * subtree move (so no figure lands on a path a running move has already rewritten), then the session's code and the
 * session's id, always in that order and all of them before it writes anything; rows of {@code funnel_day} are then
 * written day by day in ascending order, each day from the root down. So handlers may wait for each other, but never
 * in a cycle.
 */
@Repository
public class FunnelStore {

    private static final int LOCK_TREE = 7000;
    private static final int LOCK_SESSION_CODE = 7001;
    private static final int LOCK_SESSION_ID = 7002;
    /** Ends an {@code INSERT INTO funnel_day AS f}: a day's row already there gets the figures added to it. */
    private static final String ADD_TO_EXISTING_DAY = """
            ON CONFLICT (org_path, day) DO UPDATE SET
                worker_sessions = f.worker_sessions + EXCLUDED.worker_sessions,
                workers_reached = f.workers_reached + EXCLUDED.workers_reached,
                consultations = f.consultations + EXCLUDED.consultations,
                applications = f.applications + EXCLUDED.applications,
                members_joined = f.members_joined + EXCLUDED.members_joined,
                member_records = f.member_records + EXCLUDED.member_records,
                enterprise_sessions = f.enterprise_sessions + EXCLUDED.enterprise_sessions,
                unions_founded = f.unions_founded + EXCLUDED.unions_founded
            """;
    private static final String SESSION_SELECT = """
            SELECT session_id, code, kind, org_id, org_path, campaign_id, held_on, cancelled FROM funnel_session
            """;

    /** A session as SessionPlanned announced it; {@code orgPath} follows subtree moves. */
    public record SessionRow(long sessionId, String code, boolean worker, long orgId, String orgPath,
            Long campaignId, LocalDate heldOn, boolean cancelled) {
    }

    /** One day of a session's own tallies. */
    public record SessionDay(LocalDate day, Tally tally) {
    }

    private final JdbcClient jdbc;

    FunnelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- locks (held until the transaction ends) ---------------------------------------------------------------

    public void lockForEvent() {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock_shared(:k, 0)").param("k", LOCK_TREE).query().listOfRows();
    }

    public void lockForMove() {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(:k, 0)").param("k", LOCK_TREE).query().listOfRows();
    }

    public void lockSessionCode(String code) {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(:k, hashtext(:code))")
                .param("k", LOCK_SESSION_CODE).param("code", code).query().listOfRows();
    }

    public void lockSession(long sessionId) {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(:k, hashtext(CAST(:id AS text)))")
                .param("k", LOCK_SESSION_ID).param("id", sessionId).query().listOfRows();
    }

    // ---- daily figures of each subtree -------------------------------------------------------------------------

    /** Adds a tally to the day's row of the node at {@code path} and of each of its ancestors. */
    public void add(String path, LocalDate day, Tally tally) {
        if (tally.isNone()) {
            return;
        }
        addToEach(TreePaths.selfAndAncestors(path), day, tally);
    }

    private void addToEach(List<String> paths, LocalDate day, Tally t) {
        jdbc.sql("""
                        INSERT INTO funnel_day AS f (org_path, day, worker_sessions, workers_reached, consultations,
                                                     applications, members_joined, member_records,
                                                     enterprise_sessions, unions_founded)
                        SELECT p, :day, :ws, :wr, :c, :a, :mj, :mr, :es, :uf
                          FROM unnest(CAST(:paths AS text[])) AS p
                         ORDER BY p
                        """ + ADD_TO_EXISTING_DAY)
                .param("paths", paths.toArray(String[]::new)).param("day", day)
                .param("ws", t.workerSessions()).param("wr", t.workersReached()).param("c", t.consultations())
                .param("a", t.applications()).param("mj", t.membersJoined()).param("mr", t.memberRecords())
                .param("es", t.enterpriseSessions()).param("uf", t.unionsFounded())
                .update();
    }

    /**
     * Moves the figures of the subtree at {@code oldPath} to {@code newPath}: they leave the ancestors it left and
     * join those it joined (day by day, from the subtree root's own rows), then every row of the subtree is re-keyed
     * to its new path, merging with any row an event already wrote there. Sessions and coverings follow too.
     */
    public void moveSubtree(String oldPath, String newPath) {
        shiftToAncestors(oldPath, TreePaths.ancestorsLeft(oldPath, newPath), -1);
        shiftToAncestors(oldPath, TreePaths.ancestorsJoined(oldPath, newPath), 1);
        jdbc.sql("""
                        WITH moved AS (
                            DELETE FROM funnel_day
                             WHERE org_path ~>=~ :old AND org_path ~<~ (left(:old, -1) || '0')
                            RETURNING *)
                        INSERT INTO funnel_day AS f
                        SELECT :new || substr(org_path, length(:old) + 1), day, worker_sessions, workers_reached,
                               consultations, applications, members_joined, member_records, enterprise_sessions,
                               unions_founded
                          FROM moved
                        """ + ADD_TO_EXISTING_DAY)
                .param("old", oldPath).param("new", newPath).update();
        for (String table : List.of("funnel_session", "funnel_enterprise_covered")) {
            jdbc.sql("UPDATE " + table + """
                             SET org_path = :new || substr(org_path, length(:old) + 1)
                           WHERE org_path ~>=~ :old AND org_path ~<~ (left(:old, -1) || '0')
                          """)
                    .param("old", oldPath).param("new", newPath).update();
        }
    }

    private void shiftToAncestors(String subtreePath, List<String> ancestors, int sign) {
        if (ancestors.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO funnel_day AS f
                        SELECT a.path, m.day, :sign * m.worker_sessions, :sign * m.workers_reached,
                               :sign * m.consultations, :sign * m.applications, :sign * m.members_joined,
                               :sign * m.member_records, :sign * m.enterprise_sessions, :sign * m.unions_founded
                          FROM funnel_day m CROSS JOIN unnest(CAST(:ancestors AS text[])) AS a(path)
                         WHERE m.org_path = :subtree
                         ORDER BY a.path, m.day
                        """ + ADD_TO_EXISTING_DAY)
                .param("sign", sign).param("ancestors", ancestors.toArray(String[]::new))
                .param("subtree", subtreePath).update();
    }

    // ---- sessions ----------------------------------------------------------------------------------------------

    /** Records a planned session; false when it was already recorded (a redelivery). */
    public boolean insertSession(SessionRow s) {
        return jdbc.sql("""
                        INSERT INTO funnel_session (session_id, code, kind, org_id, org_path, campaign_id, held_on)
                        VALUES (:id, :code, :kind, :orgId, :path, :campaign, :heldOn)
                        ON CONFLICT (session_id) DO NOTHING
                        """)
                .param("id", s.sessionId()).param("code", s.code()).param("kind", s.worker() ? "WORKER" : "ENTERPRISE")
                .param("orgId", s.orgId()).param("path", s.orgPath()).param("campaign", s.campaignId())
                .param("heldOn", s.heldOn())
                .update() == 1;
    }

    public Optional<SessionRow> session(long sessionId) {
        return jdbc.sql(SESSION_SELECT + " WHERE session_id = :id").param("id", sessionId)
                .query(FunnelStore::sessionRow).optional();
    }

    public Optional<SessionRow> sessionByCode(String code) {
        return jdbc.sql(SESSION_SELECT + " WHERE code = :code").param("code", code)
                .query(FunnelStore::sessionRow).optional();
    }

    /** Marks a session cancelled; false when it already was. */
    public boolean cancelSession(long sessionId) {
        return jdbc.sql("UPDATE funnel_session SET cancelled = TRUE WHERE session_id = :id AND NOT cancelled")
                .param("id", sessionId).update() == 1;
    }

    /** Adds to a session's own tally of the day (kept whether or not the session is known yet). */
    public void addToSessionDay(long sessionId, LocalDate day, Tally t) {
        jdbc.sql("""
                        INSERT INTO funnel_session_day AS d (session_id, day, workers_reached, consultations,
                                                             applications, members_joined)
                        VALUES (:id, :day, :wr, :c, :a, :mj)
                        ON CONFLICT (session_id, day) DO UPDATE SET
                            workers_reached = d.workers_reached + EXCLUDED.workers_reached,
                            consultations = d.consultations + EXCLUDED.consultations,
                            applications = d.applications + EXCLUDED.applications,
                            members_joined = d.members_joined + EXCLUDED.members_joined
                        """)
                .param("id", sessionId).param("day", day).param("wr", t.workersReached())
                .param("c", t.consultations()).param("a", t.applications()).param("mj", t.membersJoined())
                .update();
    }

    public List<SessionDay> sessionDays(long sessionId) {
        return jdbc.sql("""
                        SELECT day, workers_reached, consultations, applications, members_joined
                          FROM funnel_session_day WHERE session_id = :id ORDER BY day
                        """)
                .param("id", sessionId)
                .query((rs, n) -> new SessionDay(rs.getDate("day").toLocalDate(), new Tally(0,
                        rs.getInt("workers_reached"), rs.getInt("consultations"), rs.getInt("applications"),
                        rs.getInt("members_joined"), 0, 0, 0)))
                .list();
    }

    // ---- on-site applications and members ----------------------------------------------------------------------

    /** Records an on-site application once; false for a redelivery. */
    public boolean insertApplication(String applicationNo, String sessionCode, LocalDate submittedOn) {
        return jdbc.sql("""
                        INSERT INTO funnel_application (application_no, session_code, submitted_on)
                        VALUES (:no, :code, :on) ON CONFLICT (application_no) DO NOTHING
                        """)
                .param("no", applicationNo).param("code", sessionCode).param("on", submittedOn).update() == 1;
    }

    /** Records a member once; false for a redelivery. */
    public boolean insertMember(String memberNo, String sessionCode, LocalDate joinedOn) {
        return jdbc.sql("""
                        INSERT INTO funnel_member (member_no, session_code, joined_on)
                        VALUES (:no, :code, :on) ON CONFLICT (member_no) DO NOTHING
                        """)
                .param("no", memberNo).param("code", sessionCode).param("on", joinedOn).update() == 1;
    }

    public void attributeApplication(String applicationNo, long sessionId) {
        jdbc.sql("UPDATE funnel_application SET session_id = :id WHERE application_no = :no")
                .param("id", sessionId).param("no", applicationNo).update();
    }

    public void attributeMember(String memberNo, long sessionId) {
        jdbc.sql("UPDATE funnel_member SET session_id = :id WHERE member_no = :no")
                .param("id", sessionId).param("no", memberNo).update();
    }

    /** Attributes the applications that were waiting for this session's code; returns their days. */
    public List<LocalDate> claimWaitingApplications(String code, long sessionId) {
        return jdbc.sql("""
                        UPDATE funnel_application SET session_id = :id
                         WHERE session_code = :code AND session_id IS NULL
                        RETURNING submitted_on
                        """)
                .param("id", sessionId).param("code", code).query(LocalDate.class).list();
    }

    /** Attributes the members whose session code was waiting for this session; returns their days. */
    public List<LocalDate> claimWaitingMembers(String code, long sessionId) {
        return jdbc.sql("""
                        UPDATE funnel_member SET session_id = :id
                         WHERE session_code = :code AND session_id IS NULL
                        RETURNING joined_on
                        """)
                .param("id", sessionId).param("code", code).query(LocalDate.class).list();
    }

    // ---- enterprises covered -----------------------------------------------------------------------------------

    /** Records that a session covered an enterprise, once; {@code orgPath} null while it must not count. */
    public void insertCovering(long sessionId, long enterpriseId, LocalDate day, String orgPath) {
        jdbc.sql("""
                        INSERT INTO funnel_enterprise_covered (session_id, enterprise_id, day, org_path)
                        VALUES (:id, :enterprise, :day, :path) ON CONFLICT (session_id, enterprise_id) DO NOTHING
                        """)
                .param("id", sessionId).param("enterprise", enterpriseId).param("day", day).param("path", orgPath)
                .update();
    }

    /** Lets a session's coverings count at {@code orgPath}, or not at all when it is null. */
    public void placeCoverings(long sessionId, String orgPath) {
        jdbc.sql("UPDATE funnel_enterprise_covered SET org_path = :path WHERE session_id = :id")
                .param("id", sessionId).param("path", orgPath).update();
    }

    // ---- other keyed events ------------------------------------------------------------------------------------

    /** Remembers that the event with this key was applied; false when it already had been. */
    public boolean markApplied(String eventKey) {
        return jdbc.sql("INSERT INTO funnel_applied_event (event_key) VALUES (:k) ON CONFLICT DO NOTHING")
                .param("k", eventKey).update() == 1;
    }

    private static SessionRow sessionRow(ResultSet rs, int n) throws SQLException {
        return new SessionRow(rs.getLong("session_id"), rs.getString("code"), "WORKER".equals(rs.getString("kind")),
                rs.getLong("org_id"), rs.getString("org_path"), rs.getObject("campaign_id", Long.class),
                rs.getDate("held_on").toLocalDate(), rs.getBoolean("cancelled"));
    }
}

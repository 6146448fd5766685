package org.unionhub.outreach.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.outreach.DeclineReason;
import org.unionhub.outreach.PipelineState;
import org.unionhub.outreach.PipelineStep;
import org.unionhub.outreach.domain.Pipeline;

/**
 * SQL for enterprise pipelines, their steps and follow-up tasks. Lists of a scope state it as the path range
 * {@code [root, root with its last '/' as '0')}, which the path index answers.
 */
@Repository
public class PipelineRepository {

    private static final String IN_SUBTREE = "p.org_path ~>=~ :%1$s AND p.org_path ~<~ (left(:%1$s, -1) || '0')";

    private static final String SUMMARY = """
            SELECT p.*,
                   (SELECT count(*) FROM enterprise_pipeline_task t
                     WHERE t.enterprise_id = p.enterprise_id AND t.done_at IS NULL) AS open_tasks,
                   (SELECT min(t.due_on) FROM enterprise_pipeline_task t
                     WHERE t.enterprise_id = p.enterprise_id AND t.done_at IS NULL) AS next_due
              FROM enterprise_pipeline p
            """;

    private static final String TASKS = """
            SELECT t.*, p.enterprise_name, p.org_path
              FROM enterprise_pipeline_task t JOIN enterprise_pipeline p ON p.enterprise_id = t.enterprise_id
            """;

    private final JdbcClient jdbc;

    public PipelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What lists copy from the enterprise, refreshed whenever staff touch its pipeline. */
    public record EnterpriseCopy(long enterpriseId, String name, Integer employeeCount, long orgId, String orgPath) {
    }

    /** A stored pipeline with its open tasks counted. */
    public record PipelineRow(long enterpriseId, String enterpriseName, Integer employeeCount, long orgId,
            String orgPath, PipelineState state, LocalDate since, DeclineReason declineReason, Long unionId,
            int openTasks, LocalDate nextDue) {

        public Pipeline pipeline() {
            return new Pipeline(state, since);
        }
    }

    /** A stored task, with the name of its enterprise. */
    public record TaskRow(long id, long enterpriseId, String enterpriseName, String orgPath, String todo,
            LocalDate dueOn, String createdBy, Instant doneAt, String doneBy) {
    }

    public Optional<PipelineRow> find(long enterpriseId) {
        return jdbc.sql(SUMMARY + " WHERE p.enterprise_id = :id")
                .param("id", enterpriseId)
                .query(PipelineRepository::map)
                .optional();
    }

    /** The pipeline, its row locked until the transaction ends, so that steps of one enterprise queue up. */
    public Optional<PipelineRow> lock(long enterpriseId) {
        jdbc.sql("SELECT enterprise_id FROM enterprise_pipeline WHERE enterprise_id = :id FOR UPDATE")
                .param("id", enterpriseId)
                .query(Long.class)
                .optional();
        return find(enterpriseId);
    }

    /** Starts a pipeline; false when another transaction started it first. */
    public boolean insert(EnterpriseCopy copy, PipelineState state, LocalDate since, DeclineReason reason,
            Long unionId) {
        return jdbc.sql("""
                        INSERT INTO enterprise_pipeline (enterprise_id, enterprise_name, employee_count, org_id, org_path,
                               state, since, decline_reason, union_id, started_on)
                        VALUES (:id, :name, :employees, :org, :path, :state, :since, :reason, :union, :since)
                        ON CONFLICT (enterprise_id) DO NOTHING
                        """)
                .param("id", copy.enterpriseId())
                .param("name", copy.name())
                .param("employees", copy.employeeCount())
                .param("org", copy.orgId())
                .param("path", copy.orgPath())
                .param("state", state.name())
                .param("since", since)
                .param("reason", reason == null ? null : reason.name())
                .param("union", unionId)
                .update() == 1;
    }

    public void update(EnterpriseCopy copy, PipelineState state, LocalDate since, DeclineReason reason, Long unionId) {
        jdbc.sql("""
                        UPDATE enterprise_pipeline
                           SET enterprise_name = :name, employee_count = :employees, org_id = :org, org_path = :path,
                               state = :state, since = :since, decline_reason = :reason, union_id = :union,
                               updated_at = now()
                         WHERE enterprise_id = :id
                        """)
                .param("id", copy.enterpriseId())
                .param("name", copy.name())
                .param("employees", copy.employeeCount())
                .param("org", copy.orgId())
                .param("path", copy.orgPath())
                .param("state", state.name())
                .param("since", since)
                .param("reason", reason == null ? null : reason.name())
                .param("union", unionId)
                .update();
    }

    public void addStep(long enterpriseId, Pipeline.Step step, Long sessionId, String by) {
        jdbc.sql("""
                        INSERT INTO enterprise_pipeline_step (enterprise_id, from_state, to_state, on_date,
                               decline_reason, note, session_id, recorded_by)
                        VALUES (:id, :from, :to, :on, :reason, :note, :session, :by)
                        """)
                .param("id", enterpriseId)
                .param("from", step.from() == null ? null : step.from().name())
                .param("to", step.to().name())
                .param("on", step.on())
                .param("reason", step.declineReason() == null ? null : step.declineReason().name())
                .param("note", step.note())
                .param("session", sessionId)
                .param("by", by)
                .update();
    }

    public List<PipelineStep> steps(long enterpriseId) {
        return jdbc.sql("""
                        SELECT * FROM enterprise_pipeline_step WHERE enterprise_id = :id ORDER BY on_date, id
                        """)
                .param("id", enterpriseId)
                .query((rs, n) -> new PipelineStep(
                        state(rs.getString("from_state")),
                        state(rs.getString("to_state")),
                        rs.getObject("on_date", LocalDate.class),
                        reason(rs.getString("decline_reason")),
                        rs.getString("note"),
                        rs.getObject("session_id", Long.class),
                        rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Pipelines of a subtree (optionally of a narrower one inside it), newest move first, at most {@code limit}. */
    public List<PipelineRow> board(String scopePath, String underPath, PipelineState state, String text,
            Integer minEmployees, int limit) {
        return jdbc.sql(SUMMARY + " WHERE " + IN_SUBTREE.formatted("scope") + " AND " + IN_SUBTREE.formatted("under")
                        + """
                           AND (CAST(:state AS TEXT) IS NULL OR p.state = :state)
                           AND (CAST(:text AS TEXT) IS NULL OR p.enterprise_name LIKE '%' || :text || '%')
                           AND (CAST(:employees AS INT) IS NULL OR p.employee_count >= :employees)
                         ORDER BY p.since DESC, p.enterprise_id DESC LIMIT :limit
                        """)
                .param("scope", scopePath)
                .param("under", underPath)
                .param("state", state == null ? null : state.name())
                .param("text", text)
                .param("employees", minEmployees)
                .param("limit", limit)
                .query(PipelineRepository::map)
                .list();
    }

    /** How many pipelines of the subtree are in each state, under the same filters as the board except the state. */
    public Map<PipelineState, Long> countByState(String scopePath, String underPath, String text,
            Integer minEmployees) {
        Map<PipelineState, Long> counts = new EnumMap<>(PipelineState.class);
        jdbc.sql("SELECT p.state, count(*) AS n FROM enterprise_pipeline p WHERE " + IN_SUBTREE.formatted("scope")
                        + " AND " + IN_SUBTREE.formatted("under") + """
                           AND (CAST(:text AS TEXT) IS NULL OR p.enterprise_name LIKE '%' || :text || '%')
                           AND (CAST(:employees AS INT) IS NULL OR p.employee_count >= :employees)
                         GROUP BY p.state
                        """)
                .param("scope", scopePath)
                .param("under", underPath)
                .param("text", text)
                .param("employees", minEmployees)
                .query(rs -> {
                    counts.put(PipelineState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    /** Adds an open task, or answers the same open task (same words, same due date) that is already there. */
    public long addTask(long enterpriseId, String todo, LocalDate dueOn, String by) {
        jdbc.sql("""
                        INSERT INTO enterprise_pipeline_task (enterprise_id, todo, due_on, created_by)
                        VALUES (:id, :todo, :due, :by)
                        ON CONFLICT (enterprise_id, todo, due_on) WHERE done_at IS NULL DO NOTHING
                        """)
                .param("id", enterpriseId)
                .param("todo", todo)
                .param("due", dueOn)
                .param("by", by)
                .update();
        return jdbc.sql("""
                        SELECT id FROM enterprise_pipeline_task
                         WHERE enterprise_id = :id AND todo = :todo AND due_on = :due AND done_at IS NULL
                        """)
                .param("id", enterpriseId)
                .param("todo", todo)
                .param("due", dueOn)
                .query(Long.class)
                .single();
    }

    /** Marks a task done; false when it was done already. */
    public boolean completeTask(long taskId, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE enterprise_pipeline_task SET done_at = :at, done_by = :by
                         WHERE id = :id AND done_at IS NULL
                        """)
                .param("id", taskId)
                .param("by", by)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update() == 1;
    }

    public Optional<TaskRow> findTask(long taskId) {
        return jdbc.sql(TASKS + " WHERE t.id = :id")
                .param("id", taskId)
                .query(PipelineRepository::mapTask)
                .optional();
    }

    /** An enterprise's tasks: open ones by due date, then done ones, latest done first. */
    public List<TaskRow> tasks(long enterpriseId) {
        return jdbc.sql(TASKS + """
                         WHERE t.enterprise_id = :id
                         ORDER BY t.done_at IS NOT NULL, t.due_on, t.done_at DESC, t.id
                        """)
                .param("id", enterpriseId)
                .query(PipelineRepository::mapTask)
                .list();
    }

    /** Open tasks of the subtree due on or before {@code lastDay}, earliest first, at most {@code limit}. */
    public List<TaskRow> openTasksDueBy(String scopePath, LocalDate lastDay, int limit) {
        return jdbc.sql(TASKS + " WHERE " + IN_SUBTREE.formatted("scope") + """
                           AND t.done_at IS NULL AND t.due_on <= :last
                         ORDER BY t.due_on, p.enterprise_name, t.id LIMIT :limit
                        """)
                .param("scope", scopePath)
                .param("last", lastDay)
                .param("limit", limit)
                .query(PipelineRepository::mapTask)
                .list();
    }

    /** Rewrites the copied paths of a moved subtree. */
    public int rebasePaths(String oldPath, String newPath) {
        return jdbc.sql("""
                        UPDATE enterprise_pipeline p SET org_path = :newPath || substr(p.org_path, length(:oldPath) + 1)
                         WHERE p.org_path ~>=~ :oldPath AND p.org_path ~<~ (left(:oldPath, -1) || '0')
                        """)
                .param("oldPath", oldPath)
                .param("newPath", newPath)
                .update();
    }

    private static PipelineRow map(ResultSet rs, int row) throws SQLException {
        return new PipelineRow(
                rs.getLong("enterprise_id"),
                rs.getString("enterprise_name"),
                rs.getObject("employee_count", Integer.class),
                rs.getLong("org_id"),
                rs.getString("org_path"),
                PipelineState.valueOf(rs.getString("state")),
                rs.getObject("since", LocalDate.class),
                reason(rs.getString("decline_reason")),
                rs.getObject("union_id", Long.class),
                rs.getInt("open_tasks"),
                rs.getObject("next_due", LocalDate.class));
    }

    private static TaskRow mapTask(ResultSet rs, int row) throws SQLException {
        OffsetDateTime doneAt = rs.getObject("done_at", OffsetDateTime.class);
        return new TaskRow(
                rs.getLong("id"),
                rs.getLong("enterprise_id"),
                rs.getString("enterprise_name"),
                rs.getString("org_path"),
                rs.getString("todo"),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("created_by"),
                doneAt == null ? null : doneAt.toInstant(),
                rs.getString("done_by"));
    }

    private static PipelineState state(String value) {
        return value == null ? null : PipelineState.valueOf(value);
    }

    private static DeclineReason reason(String value) {
        return value == null ? null : DeclineReason.valueOf(value);
    }
}

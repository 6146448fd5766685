package org.unionhub.organisation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgStatus;
import org.unionhub.organisation.OrgUnit;

/**
 * SQL for the union tree. A scope check joins the scope root by primary key and compares the two paths (one indexed
 * lookup). Listings of a subtree state it as the path range {@code [root, root with its last '/' as '0')} with the
 * {@code text_pattern_ops} operators, which the path index answers; a {@code LIKE} on a path taken from a joined row
 * cannot use it and scans the table (see docs/benchmarks.md).
 */
@Repository
public class OrgUnitRepository {

    private static final String COLUMNS = """
            u.id, u.parent_id, u.name, u.kind, u.division_code, u.credit_code, u.status, u.created_on, u.closed_on,
            u.depth, u.path,
            (SELECT count(*) FROM org_unit c WHERE c.parent_id = u.id) AS child_count
            """;

    private static final RowMapper<OrgUnit> MAPPER = OrgUnitRepository::map;

    private final JdbcClient jdbc;

    public OrgUnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrgUnit> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit u WHERE u.id = :id")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    public Optional<OrgUnit> findInScope(long scopeRootId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM org_unit u JOIN org_unit s ON s.id = :scope
                        WHERE u.id = :id AND u.path LIKE s.path || '%'
                        """)
                .param("scope", scopeRootId)
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    public boolean isInScope(long scopeRootId, long id) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM org_unit u JOIN org_unit s ON s.id = :scope
                                        WHERE u.id = :id AND u.path LIKE s.path || '%')
                        """)
                .param("scope", scopeRootId)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    public List<OrgUnit> findChildren(long parentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit u WHERE u.parent_id = :parent ORDER BY u.kind, u.name")
                .param("parent", parentId)
                .query(MAPPER)
                .list();
    }

    /** Every node of a subtree (the root included), in path order, at most {@code limit}. */
    public List<OrgUnit> findSubtree(long rootId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM org_unit u JOIN org_unit s ON s.id = :root
                        WHERE u.path ~>=~ s.path AND u.path ~<~ (left(s.path, -1) || '0')
                        ORDER BY u.path LIMIT :limit
                        """)
                .param("root", rootId)
                .param("limit", limit)
                .query(MAPPER)
                .list();
    }

    public List<OrgUnit> search(long scopeRootId, String text, String divisionCode, OrgKind kind, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM org_unit u JOIN org_unit s ON s.id = :scope
                        WHERE u.path ~>=~ s.path AND u.path ~<~ (left(s.path, -1) || '0')
                          AND (CAST(:text AS TEXT) IS NULL OR u.name LIKE '%' || :text || '%'
                               OR u.credit_code = upper(:text) OR u.division_code = :text)
                          AND (CAST(:division AS TEXT) IS NULL OR u.division_code = :division)
                          AND (CAST(:kind AS TEXT) IS NULL OR u.kind = :kind)
                        ORDER BY u.depth, u.name LIMIT :limit
                        """)
                .param("scope", scopeRootId)
                .param("text", text)
                .param("division", divisionCode)
                .param("kind", kind == null ? null : kind.name())
                .param("limit", limit)
                .query(MAPPER)
                .list();
    }

    /** Active nodes of the kinds anywhere in the tree whose name contains the text or whose credit code equals it. */
    public List<OrgUnit> findActive(String text, Set<OrgKind> kinds, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM org_unit u
                        WHERE u.status = 'ACTIVE' AND u.kind IN (:kinds)
                          AND (u.name LIKE '%' || :text || '%' OR u.credit_code = upper(:text))
                        ORDER BY u.depth, u.name LIMIT :limit
                        """)
                .param("kinds", kinds.stream().map(Enum::name).toList())
                .param("text", text)
                .param("limit", limit)
                .query(MAPPER)
                .list();
    }

    /** Every active street, township, town, park and building union, by district and name. */
    public List<OrgUnit> findStreetLevel() {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM org_unit u
                        WHERE u.kind IN ('STREET', 'TOWNSHIP', 'TOWN', 'PARK', 'BUILDING') AND u.status = 'ACTIVE'
                        ORDER BY u.path
                        """)
                .query(MAPPER)
                .list();
    }

    public Optional<OrgUnit> findByDivisionCode(String divisionCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit u WHERE u.division_code = :code ORDER BY u.depth LIMIT 1")
                .param("code", divisionCode)
                .query(MAPPER)
                .optional();
    }

    public boolean creditCodeTaken(String creditCode, Long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM org_unit WHERE credit_code = :code AND id IS DISTINCT FROM :id)")
                .param("code", creditCode)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    /** Inserts a node below {@code parent} (or the root when {@code parent} is null) and returns its id. */
    public long insert(OrgUnit parent, String name, OrgKind kind, String divisionCode, String creditCode,
            LocalDate createdOn) {
        long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('org_unit', 'id'))").query(Long.class).single();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.sql("""
                        INSERT INTO org_unit (id, parent_id, path, depth, name, kind, division_code, credit_code, created_on)
                        VALUES (:id, :parent, :path, :depth, :name, :kind, :division, :credit, :createdOn)
                        """)
                .param("id", id)
                .param("parent", parent == null ? null : parent.id())
                .param("path", path)
                .param("depth", parent == null ? 0 : parent.depth() + 1)
                .param("name", name)
                .param("kind", kind.name())
                .param("division", divisionCode)
                .param("credit", creditCode)
                .param("createdOn", createdOn)
                .update();
        return id;
    }

    public void update(long id, String name, String divisionCode, String creditCode) {
        jdbc.sql("""
                        UPDATE org_unit SET name = :name, division_code = :division, credit_code = :credit,
                               version = version + 1
                         WHERE id = :id
                        """)
                .param("id", id)
                .param("name", name)
                .param("division", divisionCode)
                .param("credit", creditCode)
                .update();
    }

    public void close(long id, LocalDate closedOn) {
        jdbc.sql("UPDATE org_unit SET status = 'CLOSED', closed_on = :on, version = version + 1 WHERE id = :id")
                .param("id", id)
                .param("on", closedOn)
                .update();
    }

    /**
     * Re-roots a subtree under a new parent: one statement rewrites the paths and depths of the node and all its
     * descendants; the move itself is kept in {@code org_unit_move}.
     */
    public int moveSubtree(OrgUnit node, OrgUnit newParent, Instant at, String by, String reason) {
        String oldPrefix = node.path();
        String newPrefix = newParent.path() + node.id() + "/";
        int depthShift = newParent.depth() + 1 - node.depth();
        int moved = jdbc.sql("""
                        UPDATE org_unit
                           SET path = :newPrefix || substr(path, length(:oldPrefix) + 1),
                               depth = depth + :shift,
                               parent_id = CASE WHEN id = :id THEN :parent ELSE parent_id END,
                               version = version + 1
                         WHERE path ~>=~ :oldPrefix AND path ~<~ (left(:oldPrefix, -1) || '0')
                        """)
                .param("newPrefix", newPrefix)
                .param("oldPrefix", oldPrefix)
                .param("shift", depthShift)
                .param("id", node.id())
                .param("parent", newParent.id())
                .update();
        jdbc.sql("""
                        INSERT INTO org_unit_move (org_id, from_parent_id, to_parent_id, moved_at, moved_by, reason)
                        VALUES (:id, :from, :to, :at, :by, :reason)
                        """)
                .param("id", node.id())
                .param("from", node.parentId())
                .param("to", newParent.id())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .param("reason", reason)
                .update();
        return moved;
    }

    public List<MoveRecord> findMoves(long orgId) {
        return jdbc.sql("""
                        SELECT m.moved_at, m.moved_by, m.reason, f.name AS from_name, t.name AS to_name
                          FROM org_unit_move m
                          JOIN org_unit f ON f.id = m.from_parent_id
                          JOIN org_unit t ON t.id = m.to_parent_id
                         WHERE m.org_id = :id ORDER BY m.moved_at DESC
                        """)
                .param("id", orgId)
                .query((rs, n) -> new MoveRecord(rs.getObject("moved_at", OffsetDateTime.class).toInstant(),
                        rs.getString("moved_by"), rs.getString("reason"), rs.getString("from_name"),
                        rs.getString("to_name")))
                .list();
    }

    /** One past move of a subtree, for the node's history. */
    public record MoveRecord(Instant movedAt, String movedBy, String reason, String fromParent, String toParent) {
    }

    private static OrgUnit map(ResultSet rs, int row) throws SQLException {
        return new OrgUnit(
                rs.getLong("id"),
                rs.getObject("parent_id", Long.class),
                rs.getString("name"),
                OrgKind.valueOf(rs.getString("kind")),
                rs.getString("division_code"),
                rs.getString("credit_code"),
                OrgStatus.valueOf(rs.getString("status")),
                rs.getObject("created_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class),
                rs.getInt("depth"),
                rs.getString("path"),
                rs.getInt("child_count"));
    }
}

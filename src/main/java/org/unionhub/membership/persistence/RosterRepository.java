package org.unionhub.membership.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the roster. The WHERE clause holds only the conditions a filter sets, so each query is one the planner can
 * serve from an index (the scope's path prefix, the trigram index on the name, the member number, the order index);
 * every value is a bound parameter.
 */
@Repository
public class RosterRepository {

    /** What the roster is narrowed to: a path prefix (the scope, or a union inside it) and optional conditions. */
    public record Criteria(String pathPrefix, String nameLike, String memberNo, String status, boolean mobileOnly,
            LocalDate joinedFrom, LocalDate joinedTo) {
    }

    /** A roster row; the encrypted fields are read only for an unmasked export, otherwise null. */
    public record RosterRow(long id, String memberNo, long unionId, String name, String idNumberMasked,
            String phoneMasked, String status, boolean mobileMember, LocalDate joinedOn, String source,
            byte[] idNumberEnc, byte[] phoneEnc) {
    }

    private static final int FETCH_SIZE = 1000;
    private static final String COLUMNS = """
            id, member_no, union_id, name, id_number_masked, phone_masked, status, mobile_member, joined_on, source""";
    private static final String NEWEST_FIRST = " ORDER BY joined_on DESC, id DESC";

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    public RosterRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(fetching);
    }

    /** At most {@code limit} rows from {@code offset}, newest first. */
    public List<RosterRow> page(Criteria criteria, int limit, long offset) {
        Where where = where(criteria);
        where.params.put("limit", limit);
        where.params.put("offset", offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM member WHERE " + where.sql + NEWEST_FIRST
                        + " LIMIT :limit OFFSET :offset")
                .params(where.params)
                .query((rs, n) -> row(rs, false))
                .list();
    }

    public long count(Criteria criteria) {
        Where where = where(criteria);
        return jdbc.sql("SELECT count(*) FROM member WHERE " + where.sql).params(where.params).query(Long.class)
                .single();
    }

    /**
     * Streams every matching row, newest first, with the encrypted fields when {@code withEncrypted}; call inside a
     * transaction so that PostgreSQL hands the rows over in batches instead of all at once.
     */
    public void forEach(Criteria criteria, boolean withEncrypted, Consumer<RosterRow> action) {
        Where where = where(criteria);
        String columns = withEncrypted ? COLUMNS + ", id_number_enc, phone_enc" : COLUMNS;
        try (var rows = streaming.sql("SELECT " + columns + " FROM member WHERE " + where.sql + NEWEST_FIRST)
                .params(where.params)
                .query((rs, n) -> row(rs, withEncrypted))
                .stream()) {
            rows.forEach(action);
        }
    }

    /** The encrypted document number of a member in scope. */
    public Optional<byte[]> idNumberEnc(String scopePath, String memberNo) {
        return encrypted("id_number_enc", scopePath, memberNo);
    }

    /** The encrypted phone of a member in scope. */
    public Optional<byte[]> phoneEnc(String scopePath, String memberNo) {
        return encrypted("phone_enc", scopePath, memberNo);
    }

    /** Rewrites the copies of union paths after a subtree moved; returns how many members moved with it. */
    public int rebasePaths(String oldPath, String newPath) {
        int members = jdbc.sql("""
                        UPDATE member SET union_path = :newPath || substr(union_path, length(:oldPath) + 1)
                         WHERE union_path LIKE :oldPath || '%'
                        """)
                .param("oldPath", oldPath).param("newPath", newPath).update();
        jdbc.sql("""
                        UPDATE membership_application
                           SET handling_union_path = :newPath || substr(handling_union_path, length(:oldPath) + 1)
                         WHERE handling_union_path LIKE :oldPath || '%'
                        """)
                .param("oldPath", oldPath).param("newPath", newPath).update();
        return members;
    }

    private Optional<byte[]> encrypted(String column, String scopePath, String memberNo) {
        return jdbc.sql("SELECT " + column + " FROM member WHERE member_no = :n AND union_path LIKE :scope || '%'")
                .param("n", memberNo)
                .param("scope", scopePath)
                .query(byte[].class)
                .optional();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(Criteria c) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        conditions.add("union_path LIKE :prefix || '%'");
        params.put("prefix", c.pathPrefix());
        if (c.memberNo() != null) {
            conditions.add("member_no = :memberNo");
            params.put("memberNo", c.memberNo());
        }
        if (c.nameLike() != null) {
            conditions.add("name ILIKE '%' || :name || '%'");
            params.put("name", c.nameLike());
        }
        if (c.status() != null) {
            conditions.add("status = :status");
            params.put("status", c.status());
        }
        if (c.mobileOnly()) {
            conditions.add("mobile_member");
        }
        if (c.joinedFrom() != null) {
            conditions.add("joined_on >= :joinedFrom");
            params.put("joinedFrom", c.joinedFrom());
        }
        if (c.joinedTo() != null) {
            conditions.add("joined_on <= :joinedTo");
            params.put("joinedTo", c.joinedTo());
        }
        return new Where(String.join(" AND ", conditions), params);
    }

    private static RosterRow row(ResultSet rs, boolean withEncrypted) throws SQLException {
        return new RosterRow(rs.getLong("id"), rs.getString("member_no"), rs.getLong("union_id"), rs.getString("name"),
                rs.getString("id_number_masked"), rs.getString("phone_masked"), rs.getString("status"),
                rs.getBoolean("mobile_member"), rs.getObject("joined_on", LocalDate.class), rs.getString("source"),
                withEncrypted ? rs.getBytes("id_number_enc") : null, withEncrypted ? rs.getBytes("phone_enc") : null);
    }
}

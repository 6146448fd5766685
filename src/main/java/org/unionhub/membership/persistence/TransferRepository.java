package org.unionhub.membership.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for transfer requests ({@code member_transfer}). */
@Repository
public class TransferRepository {

    /** A transfer request with what the lists show of its member (masked). */
    public record TransferRow(long id, String transferNo, long memberId, String memberNo, String name,
            String idNumberMasked, String phoneMasked, long fromUnionId, String fromUnionPath, long toUnionId,
            String toUnionPath, boolean mobileMember, String origin, String requestedBy, Instant requestedAt,
            String employerName, String occupation, String note, String status, String refuseReason,
            String decisionNote, Instant decidedAt, String decidedBy, String newMemberNo) {
    }

    /** What is inserted. */
    public record NewTransfer(String idempotencyKey, long memberId, long fromUnionId, String fromUnionPath,
            long toUnionId, String toUnionPath, boolean mobileMember, String origin, String requestedBy,
            Instant requestedAt, String employerName, String occupation, String note) {
    }

    private static final String SELECT = """
            SELECT t.*, m.member_no, m.name, m.id_number_masked, m.phone_masked, n.member_no AS new_member_no
              FROM member_transfer t
              JOIN member m ON m.id = t.member_id
              LEFT JOIN member n ON n.id = t.new_member_id
            """;

    /** Transfer numbers: T, the day in Beijing, a serial. */
    private static final String NEXT_NUMBER = """
            'T' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD')
                || lpad(nextval('member_transfer_no_seq')::text, 8, '0')""";

    private final JdbcClient jdbc;

    public TransferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a waiting request; empty when its idempotency key was used before or the membership already has one
     * waiting (the unique indexes decide, so two requests at once still make one).
     */
    public Optional<String> insertPending(NewTransfer t) {
        return jdbc.sql("""
                        INSERT INTO member_transfer (transfer_no, idempotency_key, member_id, from_union_id,
                               from_union_path, to_union_id, to_union_path, mobile_member, origin, requested_by,
                               requested_at, employer_name, occupation, note)
                        VALUES (""" + NEXT_NUMBER + """
                                , :key, :member, :fromUnion, :fromPath, :toUnion, :toPath, :mobile, :origin, :by, :at,
                                :employer, :occupation, :note)
                        ON CONFLICT DO NOTHING
                        RETURNING transfer_no
                        """)
                .params(params(t))
                .query(String.class)
                .optional();
    }

    /** Inserts a request that was accepted as it was made (a union's closure). */
    public void insertAccepted(NewTransfer t, long newMemberId) {
        Map<String, Object> p = params(t);
        p.put("newMember", newMemberId);
        jdbc.sql("""
                        INSERT INTO member_transfer (transfer_no, member_id, from_union_id, from_union_path,
                               to_union_id, to_union_path, mobile_member, origin, requested_by, requested_at,
                               note, status, decided_at, decided_by, new_member_id)
                        VALUES (""" + NEXT_NUMBER + """
                                , :member, :fromUnion, :fromPath, :toUnion, :toPath, :mobile, :origin, :by, :at,
                                :note, 'ACCEPTED', :at, :by, :newMember)
                        """)
                .params(p)
                .update();
    }

    public Optional<TransferRow> findByNo(String transferNo) {
        return jdbc.sql(SELECT + " WHERE t.transfer_no = :n").param("n", transferNo)
                .query(TransferRepository::map).optional();
    }

    /** A request, locked until the transaction ends: decisions on one request happen one after the other. */
    public TransferRow lock(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = :id FOR UPDATE OF t").param("id", id)
                .query(TransferRepository::map).single();
    }

    public Optional<TransferRow> findByKey(String idempotencyKey) {
        return jdbc.sql(SELECT + " WHERE t.idempotency_key = :k").param("k", idempotencyKey)
                .query(TransferRepository::map).optional();
    }

    /** The request waiting for this membership, if any. */
    public Optional<TransferRow> pendingFor(long memberId) {
        return jdbc.sql(SELECT + " WHERE t.member_id = :m AND t.status = 'PENDING'").param("m", memberId)
                .query(TransferRepository::map).optional();
    }

    /** Requests that moved this membership away or brought it here, newest first. */
    public List<TransferRow> ofMember(long memberId) {
        return jdbc.sql(SELECT + " WHERE t.member_id = :m OR t.new_member_id = :m ORDER BY t.requested_at DESC")
                .param("m", memberId).query(TransferRepository::map).list();
    }

    /** Waiting requests to ({@code incoming}) or from a subtree, newest first. */
    public List<TransferRow> pending(String scopePath, boolean incoming, int limit) {
        String column = incoming ? "t.to_union_path" : "t.from_union_path";
        return jdbc.sql(SELECT + " WHERE t.status = 'PENDING' AND " + column + " ~>=~ :scope AND " + column
                        + " ~<~ (left(:scope, -1) || '0') ORDER BY t.requested_at DESC LIMIT :limit")
                .param("scope", scopePath)
                .param("limit", limit)
                .query(TransferRepository::map)
                .list();
    }

    /** Decides a waiting request; false when it was decided already (perhaps a moment ago, by someone else). */
    public boolean decide(long id, String status, String refuseReason, String decisionNote, Instant at, String by,
            Long newMemberId) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("status", status);
        p.put("reason", refuseReason);
        p.put("note", decisionNote);
        p.put("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        p.put("by", by);
        p.put("newMember", newMemberId);
        return jdbc.sql("""
                        UPDATE member_transfer
                           SET status = :status, refuse_reason = :reason, decision_note = :note, decided_at = :at,
                               decided_by = :by, new_member_id = :newMember
                         WHERE id = :id AND status = 'PENDING'
                        """)
                .params(p)
                .update() == 1;
    }

    /** Waiting requests of a membership that moved without them (its union closed) now leave from its successor. */
    public void moveWaitingRequests(long fromMemberId, long toMemberId, long unionId, String unionPath) {
        jdbc.sql("""
                        UPDATE member_transfer SET member_id = :to, from_union_id = :union, from_union_path = :path
                         WHERE member_id = :from AND status = 'PENDING'
                        """)
                .param("from", fromMemberId).param("to", toMemberId).param("union", unionId).param("path", unionPath)
                .update();
    }

    /** Cancels every waiting request to a union (it closed); returns how many. */
    public int cancelWaitingTo(long unionId, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE member_transfer SET status = 'CANCELLED', decided_at = :at, decided_by = :by
                         WHERE to_union_id = :union AND status = 'PENDING'
                        """)
                .param("union", unionId)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .update();
    }

    /** Rewrites the copies of union paths after a subtree moved. */
    public void rebasePaths(String oldPath, String newPath) {
        for (String column : List.of("from_union_path", "to_union_path")) {
            jdbc.sql("UPDATE member_transfer SET " + column + " = :newPath || substr(" + column
                            + ", length(:oldPath) + 1) WHERE " + column + " LIKE :oldPath || '%'")
                    .param("oldPath", oldPath).param("newPath", newPath).update();
        }
    }

    private static Map<String, Object> params(NewTransfer t) {
        Map<String, Object> p = new HashMap<>();
        p.put("key", t.idempotencyKey());
        p.put("member", t.memberId());
        p.put("fromUnion", t.fromUnionId());
        p.put("fromPath", t.fromUnionPath());
        p.put("toUnion", t.toUnionId());
        p.put("toPath", t.toUnionPath());
        p.put("mobile", t.mobileMember());
        p.put("origin", t.origin());
        p.put("by", t.requestedBy());
        p.put("at", OffsetDateTime.ofInstant(t.requestedAt(), ZoneOffset.UTC));
        p.put("employer", t.employerName());
        p.put("occupation", t.occupation());
        p.put("note", t.note());
        return p;
    }

    private static TransferRow map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new TransferRow(rs.getLong("id"), rs.getString("transfer_no"), rs.getLong("member_id"),
                rs.getString("member_no"), rs.getString("name"), rs.getString("id_number_masked"),
                rs.getString("phone_masked"), rs.getLong("from_union_id"), rs.getString("from_union_path"),
                rs.getLong("to_union_id"), rs.getString("to_union_path"), rs.getBoolean("mobile_member"),
                rs.getString("origin"), rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(), rs.getString("employer_name"),
                rs.getString("occupation"), rs.getString("note"), rs.getString("status"),
                rs.getString("refuse_reason"), rs.getString("decision_note"),
                decided == null ? null : decided.toInstant(), rs.getString("decided_by"),
                rs.getString("new_member_no"));
    }
}

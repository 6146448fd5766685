package org.unionhub.membership.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.membership.persistence.ApplicationRepository.ApplicationRow;

/** SQL for members and their history. */
@Repository
public class MemberRepository {

    /** A member row, personal fields masked. */
    public record MemberRow(long id, String memberNo, long unionId, String unionPath, String name,
            String idNumberMasked, String phoneMasked, String status, boolean mobileMember, LocalDate joinedOn,
            String source) {
    }

    /** A membership as a transfer needs it: with the encrypted phone, to check a worker's request against. */
    public record Holding(long id, String memberNo, String status, long unionId, String unionPath, byte[] phoneEnc) {
    }

    /** A membership that a transfer created: its row id and member number. */
    public record NewMember(long id, String memberNo) {
    }

    /** One entry of a member's history. */
    public record HistoryRow(Instant at, String by, String fromStatus, String toStatus, long unionId, String reason,
            String note) {
    }

    /** Where a membership came from and went to by transfer: member numbers, each null when there is none. */
    public record Lineage(String previousMemberNo, String nextMemberNo) {
    }

    private static final String NOT_FINAL = "status NOT IN ('ENDED', 'TRANSFERRED_OUT')";

    private final JdbcClient jdbc;

    public MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member number of the person's membership that is not final (ended or transferred out), if any. */
    public Optional<String> currentMembership(String idHash) {
        return jdbc.sql("SELECT member_no FROM member WHERE id_hash = :h AND " + NOT_FINAL)
                .param("h", idHash).query(String.class).optional();
    }

    /** The person's membership that is not final, if any, with its encrypted phone. */
    public Optional<Holding> holding(String idHash) {
        return jdbc.sql("SELECT id, member_no, status, union_id, union_path, phone_enc FROM member WHERE id_hash = :h AND "
                        + NOT_FINAL)
                .param("h", idHash)
                .query((rs, i) -> new Holding(rs.getLong("id"), rs.getString("member_no"), rs.getString("status"),
                        rs.getLong("union_id"), rs.getString("union_path"), rs.getBytes("phone_enc")))
                .optional();
    }

    /** A member row, locked until the transaction ends, so that changes to one membership happen one at a time. */
    public MemberRow lock(long id) {
        return jdbc.sql("SELECT * FROM member WHERE id = :id FOR UPDATE").param("id", id)
                .query(MemberRepository::map).single();
    }

    public void setStatus(long id, String status) {
        jdbc.sql("UPDATE member SET status = :status WHERE id = :id").param("status", status).param("id", id).update();
    }

    /** Ids of the memberships of a union that are not final, in joining order. */
    public List<Long> notFinalAt(long unionId) {
        return jdbc.sql("SELECT id FROM member WHERE union_id = :u AND " + NOT_FINAL + " ORDER BY id")
                .param("u", unionId).query(Long.class).list();
    }

    /**
     * Creates the membership that continues {@code previousId} at another union (same person, personal fields copied
     * as stored), with a new member number. The one-membership-per-person index refuses it unless the previous one
     * was closed first; the index on {@code previous_member_id} refuses continuing a membership twice.
     */
    public NewMember continueAt(long previousId, long unionId, String unionPath, String status, boolean mobileMember,
            LocalDate joinedOn) {
        String memberNo = jdbc.sql("SELECT 'M' || lpad(nextval('member_no_seq')::text, 10, '0')")
                .query(String.class).single();
        long id = jdbc.sql("""
                        INSERT INTO member (member_no, union_id, union_path, name, id_type, id_number_enc, id_hash,
                               id_number_masked, phone_enc, phone_masked, sex_code, birth_date, mobile_member,
                               joined_on, source, status, previous_member_id)
                        SELECT :memberNo, :union, :path, name, id_type, id_number_enc, id_hash, id_number_masked,
                               phone_enc, phone_masked, sex_code, birth_date, :mobile, :joinedOn, 'TRANSFER', :status,
                               id
                          FROM member WHERE id = :previous
                        RETURNING id
                        """)
                .param("memberNo", memberNo)
                .param("union", unionId)
                .param("path", unionPath)
                .param("mobile", mobileMember)
                .param("joinedOn", joinedOn)
                .param("status", status)
                .param("previous", previousId)
                .query(Long.class)
                .single();
        return new NewMember(id, memberNo);
    }

    /** Writes one entry of a member's history: who, when, from and to which status, at which union, and why. */
    public void recordHistory(long memberId, Instant at, String by, String fromStatus, String toStatus, long unionId,
            String reason, String note) {
        jdbc.sql("""
                        INSERT INTO member_history (member_id, at, by_user, from_status, to_status, union_id, reason, note)
                        VALUES (:id, :at, :by, :from, :to, :union, :reason, :note)
                        """)
                .param("id", memberId)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .param("from", fromStatus)
                .param("to", toStatus)
                .param("union", unionId)
                .param("reason", reason)
                .param("note", note)
                .update();
    }

    /** A member's history, oldest first. */
    public List<HistoryRow> history(long memberId) {
        return jdbc.sql("""
                        SELECT at, by_user, from_status, to_status, union_id, reason, note
                          FROM member_history WHERE member_id = :id ORDER BY at, id
                        """)
                .param("id", memberId)
                .query((rs, i) -> new HistoryRow(rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("by_user"), rs.getString("from_status"), rs.getString("to_status"),
                        rs.getLong("union_id"), rs.getString("reason"), rs.getString("note")))
                .list();
    }

    /** The membership this one continues, and the one that continues it. */
    public Lineage lineage(long memberId) {
        return jdbc.sql("""
                        SELECT (SELECT p.member_no FROM member m JOIN member p ON p.id = m.previous_member_id
                                 WHERE m.id = :id) AS previous_no,
                               (SELECT n.member_no FROM member n WHERE n.previous_member_id = :id) AS next_no
                        """)
                .param("id", memberId)
                .query((rs, i) -> new Lineage(rs.getString("previous_no"), rs.getString("next_no")))
                .single();
    }

    /**
     * Creates the member of an approved application with its first history entry. The one-membership-per-person
     * index refuses a second membership even when two approvals race.
     */
    public String insertFromApplication(ApplicationRow a, String source, LocalDate joinedOn, String by) {
        String memberNo = jdbc.sql("SELECT 'M' || lpad(nextval('member_no_seq')::text, 10, '0')")
                .query(String.class).single();
        long id = jdbc.sql("""
                        INSERT INTO member (member_no, union_id, union_path, name, id_type, id_number_enc, id_hash,
                               id_number_masked, phone_enc, phone_masked, sex_code, birth_date, mobile_member,
                               joined_on, source, session_code, application_no)
                        SELECT :memberNo, handling_union_id, handling_union_path, name, id_type, id_number_enc,
                               id_hash, id_number_masked, phone_enc, phone_masked, sex_code, birth_date, mobile_member,
                               :joinedOn, :source, session_code, application_no
                          FROM membership_application WHERE id = :applicationId
                        RETURNING id
                        """)
                .param("memberNo", memberNo)
                .param("joinedOn", joinedOn)
                .param("source", source)
                .param("applicationId", a.id())
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO member_history (member_id, by_user, from_status, to_status, union_id, note)
                        VALUES (:id, :by, NULL, 'ACTIVE', :union, :note)
                        """)
                .param("id", id)
                .param("by", by)
                .param("union", a.handlingUnionId())
                .param("note", "application " + a.applicationNo())
                .update();
        return memberNo;
    }

    public Optional<MemberRow> findInScope(String scopePath, String memberNo) {
        return jdbc.sql("SELECT * FROM member WHERE member_no = :n AND union_path LIKE :scope || '%'")
                .param("n", memberNo)
                .param("scope", scopePath)
                .query(MemberRepository::map)
                .optional();
    }

    private static MemberRow map(ResultSet rs, int row) throws SQLException {
        return new MemberRow(rs.getLong("id"), rs.getString("member_no"), rs.getLong("union_id"),
                rs.getString("union_path"), rs.getString("name"), rs.getString("id_number_masked"),
                rs.getString("phone_masked"), rs.getString("status"), rs.getBoolean("mobile_member"),
                rs.getObject("joined_on", LocalDate.class), rs.getString("source"));
    }
}

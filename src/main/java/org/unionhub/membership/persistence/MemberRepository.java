package org.unionhub.membership.persistence;

import java.time.LocalDate;
import java.util.Map;
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

    private final JdbcClient jdbc;

    public MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member number of the person's membership that has not ended, if any. */
    public Optional<String> currentMembership(String idHash) {
        return jdbc.sql("SELECT member_no FROM member WHERE id_hash = :h AND status <> 'ENDED'")
                .param("h", idHash).query(String.class).optional();
    }

    /**
     * Creates the member of an application just approved (in this transaction, which gave it its member number) with
     * its first history entry, and answers the member number. The one-membership-per-person index refuses a second
     * membership even when two approvals race.
     */
    public String insertFromApplication(ApplicationRow a, String source, LocalDate joinedOn, String by) {
        var created = jdbc.sql("""
                        INSERT INTO member (member_no, union_id, union_path, name, id_type, id_number_enc, id_hash,
                               id_number_masked, phone_enc, phone_masked, sex_code, birth_date, mobile_member,
                               joined_on, source, session_code, application_no)
                        SELECT member_no, handling_union_id, handling_union_path, name, id_type, id_number_enc,
                               id_hash, id_number_masked, phone_enc, phone_masked, sex_code, birth_date, mobile_member,
                               :joinedOn, :source, session_code, application_no
                          FROM membership_application WHERE id = :applicationId AND status = 'APPROVED'
                        RETURNING id, member_no
                        """)
                .param("joinedOn", joinedOn)
                .param("source", source)
                .param("applicationId", a.id())
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("member_no")))
                .single();
        long id = created.getKey();
        String memberNo = created.getValue();
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
                .query((rs, i) -> new MemberRow(rs.getLong("id"), rs.getString("member_no"), rs.getLong("union_id"),
                        rs.getString("union_path"), rs.getString("name"), rs.getString("id_number_masked"),
                        rs.getString("phone_masked"), rs.getString("status"), rs.getBoolean("mobile_member"),
                        rs.getObject("joined_on", LocalDate.class), rs.getString("source")))
                .optional();
    }
}

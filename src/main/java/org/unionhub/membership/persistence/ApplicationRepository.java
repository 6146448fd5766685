package org.unionhub.membership.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unionhub.membership.ApplicationStatus;
import org.unionhub.membership.RejectReason;

/** SQL for membership applications. */
@Repository
public class ApplicationRepository {

    /** An application row, personal fields still encrypted. */
    public record ApplicationRow(long id, String applicationNo, String idempotencyKey, String name, String idType,
            byte[] idNumberEnc, String idHash, String idNumberMasked, byte[] phoneEnc, String phoneMasked,
            Integer sexCode, LocalDate birthDate, String sessionCode, long handlingUnionId, String handlingUnionPath,
            boolean mobileMember, ApplicationStatus status, String rejectReason, String memberNo, Instant createdAt,
            Instant decidedAt, byte[] accessHash, byte[] accessSecretEnc) {
    }

    /** What is inserted. */
    public record NewApplication(String idempotencyKey, String name, String idType, byte[] idNumberEnc, String idHash,
            String idNumberMasked, byte[] phoneEnc, String phoneMasked, Integer sexCode, LocalDate birthDate,
            Long employerEnterpriseId, String employerName, String occupation, Long workStreetId, Long homeStreetId,
            String sessionCode, long handlingUnionId, String handlingUnionPath, boolean mobileMember,
            Instant consentAt, byte[] accessHash, byte[] accessSecretEnc) {
    }

    private final JdbcClient jdbc;

    public ApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the idempotency key was used before; empty then. */
    public Optional<String> insert(NewApplication a) {
        Map<String, Object> p = new HashMap<>();
        p.put("key", a.idempotencyKey());
        p.put("name", a.name());
        p.put("idType", a.idType());
        p.put("idEnc", a.idNumberEnc());
        p.put("idHash", a.idHash());
        p.put("idMasked", a.idNumberMasked());
        p.put("phoneEnc", a.phoneEnc());
        p.put("phoneMasked", a.phoneMasked());
        p.put("sex", a.sexCode());
        p.put("birth", a.birthDate());
        p.put("employer", a.employerEnterpriseId());
        p.put("employerName", a.employerName());
        p.put("occupation", a.occupation());
        p.put("work", a.workStreetId());
        p.put("home", a.homeStreetId());
        p.put("session", a.sessionCode());
        p.put("union", a.handlingUnionId());
        p.put("path", a.handlingUnionPath());
        p.put("mobile", a.mobileMember());
        p.put("consent", OffsetDateTime.ofInstant(a.consentAt(), ZoneOffset.UTC));
        p.put("accessHash", a.accessHash());
        p.put("accessEnc", a.accessSecretEnc());
        return jdbc.sql("""
                        INSERT INTO membership_application (application_no, idempotency_key, name, id_type,
                               id_number_enc, id_hash, id_number_masked, phone_enc, phone_masked, sex_code, birth_date,
                               employer_enterprise_id, employer_name, occupation, work_street_id, home_street_id,
                               session_code, handling_union_id, handling_union_path, mobile_member, consent_at,
                               access_hash, access_secret_enc)
                        VALUES ('A' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD')
                                    || lpad(nextval('member_no_seq')::text, 8, '0'),
                                :key, :name, :idType, :idEnc, :idHash, :idMasked, :phoneEnc, :phoneMasked, :sex, :birth,
                                :employer, :employerName, :occupation, :work, :home, :session, :union, :path, :mobile,
                                :consent, :accessHash, :accessEnc)
                        ON CONFLICT (idempotency_key) DO NOTHING
                        RETURNING application_no
                        """)
                .params(p)
                .query(String.class)
                .optional();
    }

    public Optional<ApplicationRow> findByKey(String idempotencyKey) {
        return jdbc.sql("SELECT * FROM membership_application WHERE idempotency_key = :k")
                .param("k", idempotencyKey).query(ApplicationRepository::map).optional();
    }

    public Optional<ApplicationRow> findByNo(String applicationNo) {
        return jdbc.sql("SELECT * FROM membership_application WHERE application_no = :n")
                .param("n", applicationNo).query(ApplicationRepository::map).optional();
    }

    /** Applications waiting in a subtree, newest first, optionally of one session. */
    public List<QueueRow> queue(String scopePath, String sessionCode, int limit) {
        return jdbc.sql("""
                        SELECT application_no, name, id_number_masked, phone_masked, employer_name, occupation,
                               mobile_member, handling_union_id, session_code, created_at
                          FROM membership_application
                         WHERE handling_union_path ~>=~ :scope AND handling_union_path ~<~ (left(:scope, -1) || '0')
                           AND status = 'SUBMITTED'
                           AND (CAST(:session AS TEXT) IS NULL OR session_code = :session)
                         ORDER BY created_at DESC LIMIT :limit
                        """)
                .param("scope", scopePath)
                .param("session", sessionCode)
                .param("limit", limit)
                .query((rs, n) -> new QueueRow(rs.getString("application_no"), rs.getString("name"),
                        rs.getString("id_number_masked"), rs.getString("phone_masked"), rs.getString("employer_name"),
                        rs.getString("occupation"), rs.getBoolean("mobile_member"), rs.getLong("handling_union_id"),
                        rs.getString("session_code"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** One waiting application. */
    public record QueueRow(String applicationNo, String name, String idNumberMasked, String phoneMasked,
            String employerName, String occupation, boolean mobileMember, long handlingUnionId, String sessionCode,
            Instant submittedAt) {
    }

    public List<RejectReason> rejectReasons() {
        return jdbc.sql("SELECT code, name_zh, name_en FROM reject_reason ORDER BY sort").query(RejectReason.class)
                .list();
    }

    public boolean isRejectReason(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reject_reason WHERE code = :c)").param("c", code)
                .query(Boolean.class).single();
    }

    /** A submitted application of the same person that is still waiting, if any. */
    public Optional<String> pendingFor(String idHash) {
        return jdbc.sql("""
                        SELECT application_no FROM membership_application
                         WHERE id_hash = :h AND status = 'SUBMITTED' ORDER BY created_at DESC LIMIT 1
                        """)
                .param("h", idHash).query(String.class).optional();
    }

    /** Decides a submitted application; false when it was already decided (by someone else, perhaps a moment ago). */
    public boolean decide(long id, ApplicationStatus to, String rejectReason, String memberNo, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE membership_application
                           SET status = :to, reject_reason = :reason, member_no = :memberNo, decided_at = :at,
                               decided_by = :by
                         WHERE id = :id AND status = 'SUBMITTED'
                        """)
                .param("id", id)
                .param("to", to.name())
                .param("reason", rejectReason)
                .param("memberNo", memberNo)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .update() == 1;
    }

    public void recordMemberNo(long id, String memberNo) {
        jdbc.sql("UPDATE membership_application SET member_no = :m WHERE id = :id")
                .param("m", memberNo).param("id", id).update();
    }

    private static ApplicationRow map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new ApplicationRow(rs.getLong("id"), rs.getString("application_no"), rs.getString("idempotency_key"),
                rs.getString("name"), rs.getString("id_type"), rs.getBytes("id_number_enc"), rs.getString("id_hash"),
                rs.getString("id_number_masked"), rs.getBytes("phone_enc"), rs.getString("phone_masked"),
                rs.getObject("sex_code", Integer.class), rs.getObject("birth_date", LocalDate.class),
                rs.getString("session_code"), rs.getLong("handling_union_id"), rs.getString("handling_union_path"),
                rs.getBoolean("mobile_member"), ApplicationStatus.valueOf(rs.getString("status")),
                rs.getString("reject_reason"), rs.getString("member_no"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                decided == null ? null : decided.toInstant(), rs.getBytes("access_hash"),
                rs.getBytes("access_secret_enc"));
    }
}

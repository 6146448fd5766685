package org.unionhub.membership.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for recording past applications, decisions and imports many rows per statement (arrays unnested on the
 * server). Numbers come from the same sequence as live ones: applications {@code A<day submitted><8 digits>},
 * members {@code M<10 digits>}; every new member gets its first history entry, dated when it was decided or
 * imported.
 */
@Repository
public class MemberBackfillRepository {

    /** An application with its decision, personal fields encrypted. */
    public record NewApplication(String key, String name, byte[] idNumberEnc, String idHash, String idNumberMasked,
            byte[] phoneEnc, String phoneMasked, int sexCode, LocalDate birthDate, String employerName,
            String occupation, String sessionCode, long unionId, String unionPath, boolean mobileMember,
            Instant submittedAt, LocalDate submittedOn, boolean approved, String rejectReason, Instant decidedAt,
            LocalDate decidedOn) {
    }

    /** An imported member's personal fields, encrypted. */
    public record NewMember(String name, byte[] idNumberEnc, String idHash, String idNumberMasked, byte[] phoneEnc,
            String phoneMasked, int sexCode, LocalDate birthDate) {
    }

    private final JdbcClient jdbc;

    public MemberBackfillRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> rejectReasons() {
        return jdbc.sql("SELECT code FROM reject_reason").query(String.class).list();
    }

    /**
     * The document hashes among {@code idHashes} that hold a membership that is not final. The condition is the
     * one-person-one-membership index's own, and the array has the column's type (char(64)), so that the index
     * answers.
     */
    public List<String> currentMembers(List<String> idHashes) {
        if (idHashes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id_hash FROM member
                         WHERE id_hash = ANY(CAST(:h AS char(64)[])) AND status NOT IN ('ENDED', 'TRANSFERRED_OUT')
                        """)
                .param("h", idHashes.toArray(String[]::new)).query(String.class).list();
    }

    /** Inserts the applications, decided; answers each one's number by its key. */
    public Map<String, String> insertApplications(List<NewApplication> rows, String decidedBy) {
        int n = rows.size();
        String[] keys = new String[n];
        String[] names = new String[n];
        byte[][] idEnc = new byte[n][];
        String[] idHash = new String[n];
        String[] idMasked = new String[n];
        byte[][] phoneEnc = new byte[n][];
        String[] phoneMasked = new String[n];
        Integer[] sex = new Integer[n];
        String[] birth = new String[n];
        String[] employer = new String[n];
        String[] occupation = new String[n];
        String[] session = new String[n];
        Long[] union = new Long[n];
        String[] path = new String[n];
        Boolean[] mobile = new Boolean[n];
        String[] submittedAt = new String[n];
        String[] submittedOn = new String[n];
        String[] status = new String[n];
        String[] reason = new String[n];
        String[] decidedAt = new String[n];
        for (int i = 0; i < n; i++) {
            NewApplication a = rows.get(i);
            keys[i] = a.key();
            names[i] = a.name();
            idEnc[i] = a.idNumberEnc();
            idHash[i] = a.idHash();
            idMasked[i] = a.idNumberMasked();
            phoneEnc[i] = a.phoneEnc();
            phoneMasked[i] = a.phoneMasked();
            sex[i] = a.sexCode();
            birth[i] = a.birthDate().toString();
            employer[i] = a.employerName();
            occupation[i] = a.occupation();
            session[i] = a.sessionCode();
            union[i] = a.unionId();
            path[i] = a.unionPath();
            mobile[i] = a.mobileMember();
            submittedAt[i] = utc(a.submittedAt());
            submittedOn[i] = a.submittedOn().toString();
            status[i] = a.approved() ? "APPROVED" : "REJECTED";
            reason[i] = a.rejectReason();
            decidedAt[i] = utc(a.decidedAt());
        }
        Map<String, String> numbers = new HashMap<>();
        jdbc.sql("""
                        INSERT INTO membership_application (application_no, idempotency_key, name, id_type,
                               id_number_enc, id_hash, id_number_masked, phone_enc, phone_masked, sex_code, birth_date,
                               employer_name, occupation, session_code, handling_union_id, handling_union_path,
                               mobile_member, status, reject_reason, decided_at, decided_by, consent_at, created_at)
                        SELECT 'A' || to_char(submitted_on, 'YYYYMMDD') || lpad(nextval('member_no_seq')::text, 8, '0'),
                               key, name, 'RESIDENT_ID', id_enc, id_hash, id_masked, phone_enc, phone_masked, sex,
                               birth, employer, occupation, session, union_id, path, mobile, status, reason,
                               decided_at, :by, submitted_at, submitted_at
                          FROM unnest(CAST(:keys AS text[]), CAST(:names AS text[]), CAST(:idEnc AS bytea[]),
                                      CAST(:idHash AS text[]), CAST(:idMasked AS text[]), CAST(:phoneEnc AS bytea[]),
                                      CAST(:phoneMasked AS text[]), CAST(:sex AS smallint[]), CAST(:birth AS date[]),
                                      CAST(:employer AS text[]), CAST(:occupation AS text[]),
                                      CAST(:session AS text[]), CAST(:union AS bigint[]), CAST(:path AS text[]),
                                      CAST(:mobile AS boolean[]), CAST(:submittedAt AS timestamptz[]),
                                      CAST(:submittedOn AS date[]), CAST(:status AS text[]), CAST(:reason AS text[]),
                                      CAST(:decidedAt AS timestamptz[]))
                               AS a(key, name, id_enc, id_hash, id_masked, phone_enc, phone_masked, sex, birth,
                                    employer, occupation, session, union_id, path, mobile, submitted_at, submitted_on,
                                    status, reason, decided_at)
                        RETURNING idempotency_key, application_no
                        """)
                .param("by", decidedBy).param("keys", keys).param("names", names).param("idEnc", idEnc)
                .param("idHash", idHash).param("idMasked", idMasked).param("phoneEnc", phoneEnc)
                .param("phoneMasked", phoneMasked).param("sex", sex).param("birth", birth)
                .param("employer", employer).param("occupation", occupation).param("session", session)
                .param("union", union).param("path", path).param("mobile", mobile)
                .param("submittedAt", submittedAt).param("submittedOn", submittedOn).param("status", status)
                .param("reason", reason).param("decidedAt", decidedAt)
                .query(rs -> {
                    numbers.put(rs.getString("idempotency_key"), rs.getString("application_no"));
                });
        return numbers;
    }

    /**
     * Creates the members of approved applications, joined on the given days, links each application to its member
     * and writes the first history entries; answers each member's number by application number.
     */
    public Map<String, String> insertMembersOfApproved(List<String> applicationNos, List<LocalDate> joinedOn,
            String decidedBy) {
        Map<String, String> members = new HashMap<>();
        if (applicationNos.isEmpty()) {
            return members;
        }
        jdbc.sql("""
                        WITH approved AS (
                            SELECT * FROM unnest(CAST(:nos AS text[]), CAST(:joined AS date[])) AS u(no, joined_on)),
                        created AS (
                            INSERT INTO member (member_no, union_id, union_path, name, id_type, id_number_enc, id_hash,
                                   id_number_masked, phone_enc, phone_masked, sex_code, birth_date, mobile_member,
                                   joined_on, source, session_code, application_no)
                            SELECT 'M' || lpad(nextval('member_no_seq')::text, 10, '0'), a.handling_union_id,
                                   a.handling_union_path, a.name, a.id_type, a.id_number_enc, a.id_hash,
                                   a.id_number_masked, a.phone_enc, a.phone_masked, a.sex_code, a.birth_date,
                                   a.mobile_member, u.joined_on,
                                   CASE WHEN a.session_code IS NULL THEN 'ONLINE' ELSE 'SESSION' END,
                                   a.session_code, a.application_no
                              FROM approved u JOIN membership_application a ON a.application_no = u.no
                            RETURNING id, member_no, application_no, union_id),
                        linked AS (
                            UPDATE membership_application a SET member_no = c.member_no
                              FROM created c WHERE a.application_no = c.application_no),
                        history AS (
                            INSERT INTO member_history (member_id, at, by_user, from_status, to_status, union_id, note)
                            SELECT c.id, a.decided_at, :by, NULL, 'ACTIVE', c.union_id, 'application ' || c.application_no
                              FROM created c JOIN membership_application a ON a.application_no = c.application_no)
                        SELECT application_no, member_no FROM created
                        """)
                .param("nos", applicationNos.toArray(String[]::new))
                .param("joined", joinedOn.stream().map(LocalDate::toString).toArray(String[]::new))
                .param("by", decidedBy)
                .query(rs -> {
                    members.put(rs.getString("application_no"), rs.getString("member_no"));
                });
        return members;
    }

    /** Creates imported members of one union, joined on {@code importedOn}, with their history; answers how many. */
    public int insertImported(long unionId, String unionPath, LocalDate importedOn, List<NewMember> rows,
            String importedBy) {
        int n = rows.size();
        String[] names = new String[n];
        byte[][] idEnc = new byte[n][];
        String[] idHash = new String[n];
        String[] idMasked = new String[n];
        byte[][] phoneEnc = new byte[n][];
        String[] phoneMasked = new String[n];
        Integer[] sex = new Integer[n];
        String[] birth = new String[n];
        for (int i = 0; i < n; i++) {
            NewMember m = rows.get(i);
            names[i] = m.name();
            idEnc[i] = m.idNumberEnc();
            idHash[i] = m.idHash();
            idMasked[i] = m.idNumberMasked();
            phoneEnc[i] = m.phoneEnc();
            phoneMasked[i] = m.phoneMasked();
            sex[i] = m.sexCode();
            birth[i] = m.birthDate().toString();
        }
        return jdbc.sql("""
                        WITH created AS (
                            INSERT INTO member (member_no, union_id, union_path, name, id_type, id_number_enc, id_hash,
                                   id_number_masked, phone_enc, phone_masked, sex_code, birth_date, mobile_member,
                                   joined_on, source)
                            SELECT 'M' || lpad(nextval('member_no_seq')::text, 10, '0'), :union, :path, name,
                                   'RESIDENT_ID', id_enc, id_hash, id_masked, phone_enc, phone_masked, sex, birth,
                                   FALSE, :on, 'IMPORT'
                              FROM unnest(CAST(:names AS text[]), CAST(:idEnc AS bytea[]), CAST(:idHash AS text[]),
                                          CAST(:idMasked AS text[]), CAST(:phoneEnc AS bytea[]),
                                          CAST(:phoneMasked AS text[]), CAST(:sex AS smallint[]),
                                          CAST(:birth AS date[]))
                                   AS m(name, id_enc, id_hash, id_masked, phone_enc, phone_masked, sex, birth)
                            RETURNING id),
                        history AS (
                            INSERT INTO member_history (member_id, at, by_user, from_status, to_status, union_id, note)
                            SELECT id, CAST(:on AS date), :by, NULL, 'ACTIVE', :union, 'roster import' FROM created)
                        SELECT count(*) FROM created
                        """)
                .param("union", unionId).param("path", unionPath).param("on", importedOn).param("by", importedBy)
                .param("names", names).param("idEnc", idEnc).param("idHash", idHash).param("idMasked", idMasked)
                .param("phoneEnc", phoneEnc).param("phoneMasked", phoneMasked).param("sex", sex)
                .param("birth", birth)
                .query(Integer.class).single();
    }

    private static String utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toString();
    }
}

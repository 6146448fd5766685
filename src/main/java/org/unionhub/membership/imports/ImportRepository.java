package org.unionhub.membership.imports;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for roster imports: the job, its file, its staging rows and, in batches, the members they become. */
@Repository
class ImportRepository {

    /** A job as stored. {@code mapping} is JSON (field → column index). */
    record ImportRow(long id, long unionId, String unionPath, String createdBy, long scopeOrgId, String fileName,
            String fileFormat, String fileCharset, long fileBytes, List<String> headers, String mapping, String status,
            String failure, Integer totalRows, int validatedRows, Integer toCreate, Integer toUpdate, Integer toSkip,
            Integer inError, int committedRows, int createdCount, int updatedCount, int skippedCount, int failedCount,
            Instant createdAt, Instant validatedAt, String commitRequestedBy, Instant finishedAt) {
    }

    record NewImport(String uploadKey, long unionId, String unionPath, String createdBy, long scopeOrgId,
            String fileName, String fileFormat, String fileCharset, long fileBytes, List<String> headers,
            String mapping) {
    }

    /**
     * A current membership (not ended, not transferred out: the one-membership rule's own condition) with the same
     * document, for deciding between create, update, skip and "use a transfer".
     */
    record Existing(long id, String idHash, long unionId, String name, String idType, byte[] phoneEnc, Integer sexCode,
            LocalDate birthDate, String education, String employmentStatus, String skillGrade, String residence,
            Boolean nonBeijingWorker) {
    }

    /** A staging row in error: where it is in the file and what is wrong (field:CODE items). */
    record ErrorRow(int seq, int lineNo, List<String> errors, List<Integer> duplicateLines) {
    }

    /** Members a batch created in one union. */
    record UnionCount(long unionId, String unionPath, int count) {
    }

    private static final int FETCH_SIZE = 1000;
    private static final String COLUMNS = """
            id, union_id, union_path, created_by, scope_org_id, file_name, file_format, file_charset, file_bytes,
            headers, mapping::text AS mapping, status, failure, total_rows, validated_rows, to_create, to_update,
            to_skip, in_error, committed_rows, created_count, updated_count, skipped_count, failed_count, created_at,
            validated_at, commit_requested_by, finished_at""";
    /** Statuses a worker acts on. */
    static final List<String> PENDING = List.of("VALIDATING", "COMMITTING");

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    ImportRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(fetching);
    }

    // ---- the job ---------------------------------------------------------------------------------------------------

    /** Inserts a job unless one with the same upload key exists; empty then. */
    Optional<Long> insert(NewImport i) {
        Map<String, Object> p = new HashMap<>();
        p.put("key", i.uploadKey());
        p.put("union", i.unionId());
        p.put("path", i.unionPath());
        p.put("by", i.createdBy());
        p.put("scope", i.scopeOrgId());
        p.put("fileName", i.fileName());
        p.put("format", i.fileFormat());
        p.put("charset", i.fileCharset());
        p.put("bytes", i.fileBytes());
        p.put("headers", i.headers().toArray(String[]::new));
        p.put("mapping", i.mapping());
        return jdbc.sql("""
                        INSERT INTO member_import (upload_key, union_id, union_path, created_by, scope_org_id,
                               file_name, file_format, file_charset, file_bytes, headers, mapping)
                        VALUES (:key, :union, :path, :by, :scope, :fileName, :format, :charset, :bytes, :headers,
                                CAST(:mapping AS jsonb))
                        ON CONFLICT (upload_key) DO NOTHING
                        RETURNING id
                        """)
                .params(p).query(Long.class).optional();
    }

    Optional<ImportRow> findByKey(String uploadKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member_import WHERE upload_key = :k").param("k", uploadKey)
                .query(ImportRepository::row).optional();
    }

    Optional<ImportRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member_import WHERE id = :id").param("id", id)
                .query(ImportRepository::row).optional();
    }

    Optional<ImportRow> findInScope(String scopePath, long id) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM member_import
                        WHERE id = :id AND union_path ~>=~ :scope AND union_path ~<~ (left(:scope, -1) || '0')
                        """)
                .param("id", id).param("scope", scopePath).query(ImportRepository::row).optional();
    }

    List<ImportRow> recent(String scopePath, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM member_import
                        WHERE union_path ~>=~ :scope AND union_path ~<~ (left(:scope, -1) || '0')
                        ORDER BY id DESC LIMIT :limit
                        """)
                .param("scope", scopePath).param("limit", limit).query(ImportRepository::row).list();
    }

    /** Jobs a worker should take up, oldest first. */
    List<Long> pending() {
        return jdbc.sql("SELECT id FROM member_import WHERE status IN ('VALIDATING', 'COMMITTING') ORDER BY id")
                .query(Long.class).list();
    }

    String status(long id) {
        return jdbc.sql("SELECT status FROM member_import WHERE id = :id").param("id", id).query(String.class)
                .single();
    }

    /** Sets the mapping and asks for a (new) validation; only before the commit. */
    boolean startValidation(long id, String mapping) {
        return jdbc.sql("""
                        UPDATE member_import
                           SET mapping = CAST(:mapping AS jsonb), status = 'VALIDATING', validated_rows = 0,
                               total_rows = NULL, to_create = NULL, to_update = NULL, to_skip = NULL, in_error = NULL,
                               validated_at = NULL
                         WHERE id = :id AND status IN ('MAPPING', 'VALIDATED')
                        """)
                .param("id", id).param("mapping", mapping).update() == 1;
    }

    boolean requestCommit(long id, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE member_import SET status = 'COMMITTING', commit_requested_by = :by,
                               commit_requested_at = :at
                         WHERE id = :id AND status = 'VALIDATED'
                        """)
                .param("id", id).param("by", by).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update()
                == 1;
    }

    /** Cancels a job not yet committing; its file and staging rows go, and the same file may be uploaded again. */
    boolean cancel(long id, Instant at) {
        boolean cancelled = jdbc.sql("""
                        UPDATE member_import
                           SET status = 'CANCELLED', finished_at = :at,
                               upload_key = encode(sha256(convert_to('cancelled ' || id, 'UTF8')), 'hex')
                         WHERE id = :id AND status IN ('MAPPING', 'VALIDATED', 'FAILED')
                        """)
                .param("id", id).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update() == 1;
        if (cancelled) {
            jdbc.sql("DELETE FROM member_import_chunk WHERE import_id = :id").param("id", id).update();
            deleteStaging(id);
        }
        return cancelled;
    }

    void fail(long id, String failure, Instant at) {
        jdbc.sql("""
                        UPDATE member_import SET status = 'FAILED', failure = :failure, finished_at = :at
                         WHERE id = :id AND status = 'VALIDATING'
                        """)
                .param("id", id).param("failure", failure).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    // ---- the file ------------------------------------------------------------------------------------------------

    void storeChunk(long id, int seq, byte[] encrypted) {
        jdbc.sql("INSERT INTO member_import_chunk (import_id, seq, data_enc) VALUES (:id, :seq, :data)")
                .param("id", id).param("seq", seq).param("data", encrypted).update();
    }

    Optional<byte[]> chunk(long id, int seq) {
        return jdbc.sql("SELECT data_enc FROM member_import_chunk WHERE import_id = :id AND seq = :seq")
                .param("id", id).param("seq", seq).query(byte[].class).optional();
    }

    // ---- mappings --------------------------------------------------------------------------------------------------

    Optional<String> savedMapping(long unionId) {
        return jdbc.sql("SELECT columns::text FROM member_import_mapping WHERE union_id = :u").param("u", unionId)
                .query(String.class).optional();
    }

    void saveMapping(long unionId, String columns, String by) {
        jdbc.sql("""
                        INSERT INTO member_import_mapping (union_id, columns, updated_by)
                        VALUES (:u, CAST(:columns AS jsonb), :by)
                        ON CONFLICT (union_id) DO UPDATE
                           SET columns = excluded.columns, updated_by = excluded.updated_by, updated_at = now()
                        """)
                .param("u", unionId).param("columns", columns).param("by", by).update();
    }

    // ---- validation ------------------------------------------------------------------------------------------------

    /** Enough memory for the duplicate check's grouping of a million rows to stay off the disk. */
    void allowLargeGrouping() {
        jdbc.sql("SET LOCAL work_mem = '256MB'").update();
    }

    /**
     * Refreshes the planner's statistics of staging, this transaction's rows included. Without it the planner takes a
     * new import's id for a rare value (the statistics know only earlier imports), estimates one row, and runs the
     * duplicate check as a nested loop that re-groups the whole file for every row: hours instead of seconds at a
     * million rows.
     */
    void analyzeStaging() {
        jdbc.sql("ANALYZE member_import_row").update();
    }

    void deleteStaging(long id) {
        jdbc.sql("DELETE FROM member_import_row WHERE import_id = :id").param("id", id).update();
    }

    void validationProgress(long id, int rows) {
        jdbc.sql("UPDATE member_import SET validated_rows = :rows WHERE id = :id AND status = 'VALIDATING'")
                .param("id", id).param("rows", rows).update();
    }

    /** Active members holding any of these documents. */
    List<Existing> existing(String[] idHashes) {
        return jdbc.sql("""
                        SELECT id, id_hash, union_id, name, id_type, phone_enc, sex_code, birth_date, education,
                               employment_status, skill_grade, household_registration, non_beijing_worker
                          FROM member WHERE id_hash = ANY(:hashes) AND status NOT IN ('ENDED', 'TRANSFERRED_OUT')
                        """)
                .param("hashes", idHashes)
                .query((rs, n) -> new Existing(rs.getLong("id"), rs.getString("id_hash"), rs.getLong("union_id"),
                        rs.getString("name"), rs.getString("id_type"), rs.getBytes("phone_enc"),
                        (Integer) rs.getObject("sex_code", Integer.class),
                        rs.getObject("birth_date", LocalDate.class), rs.getString("education"),
                        rs.getString("employment_status"), rs.getString("skill_grade"),
                        rs.getString("household_registration"),
                        (Boolean) rs.getObject("non_beijing_worker", Boolean.class)))
                .list();
    }

    /** Every row whose document appears more than once in the file is in error, naming the other lines. */
    int markDuplicates(long id) {
        return jdbc.sql("""
                        UPDATE member_import_row r
                           SET action = 'ERROR', errors = array_append(coalesce(r.errors, '{}'), 'idNumber:DUPLICATE_IN_FILE'),
                               duplicate_lines = d.lines
                          FROM (SELECT id_hash, array_agg(line_no ORDER BY line_no) AS lines
                                  FROM member_import_row
                                 WHERE import_id = :id AND id_hash IS NOT NULL
                                 GROUP BY id_hash HAVING count(*) > 1) d
                         WHERE r.import_id = :id AND r.id_hash = d.id_hash
                        """)
                .param("id", id).update();
    }

    Map<String, Integer> actionCounts(long id) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT action, count(*) AS n FROM member_import_row WHERE import_id = :id GROUP BY action")
                .param("id", id)
                .query(rs -> {
                    counts.put(rs.getString("action"), rs.getInt("n"));
                });
        return counts;
    }

    void finishValidation(long id, int total, Map<String, Integer> counts, Instant at) {
        jdbc.sql("""
                        UPDATE member_import
                           SET status = 'VALIDATED', total_rows = :total, validated_rows = :total,
                               to_create = :create, to_update = :update, to_skip = :skip, in_error = :error,
                               validated_at = :at
                         WHERE id = :id AND status = 'VALIDATING'
                        """)
                .param("id", id).param("total", total)
                .param("create", counts.getOrDefault("CREATE", 0)).param("update", counts.getOrDefault("UPDATE", 0))
                .param("skip", counts.getOrDefault("SKIP", 0)).param("error", counts.getOrDefault("ERROR", 0))
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    // ---- commit ----------------------------------------------------------------------------------------------------

    /** The job's row, locked for this transaction: the one place where a batch's range is decided. */
    Optional<ImportRow> lockCommitting(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member_import WHERE id = :id AND status = 'COMMITTING' FOR UPDATE")
                .param("id", id).query(ImportRepository::row).optional();
    }

    /**
     * Creates the members of the batch's CREATE rows, each with its first history entry; a document that became a
     * member meanwhile is left out. (A plain insert behind a NOT EXISTS costs less than ON CONFLICT's speculative
     * insertion into every unique index; should an approval slip in between the two, the one-membership index fails
     * the batch, which is rolled back and redone, and the NOT EXISTS then leaves that row out.) Returns the members
     * created per union.
     */
    List<UnionCount> createMembers(long id, int fromSeq, int toSeq, LocalDate joinedOn, String by) {
        return jdbc.sql("""
                        WITH created AS (
                            INSERT INTO member (member_no, union_id, union_path, name, id_type, id_number_enc, id_hash,
                                   id_number_masked, phone_enc, phone_masked, sex_code, birth_date, mobile_member,
                                   joined_on, source, education, employment_status, skill_grade,
                                   household_registration, non_beijing_worker, import_id)
                            SELECT 'M' || lpad(nextval('member_no_seq')::text, 10, '0'), union_id, union_path, name,
                                   id_type, id_number_enc, id_hash, id_number_masked, phone_enc, phone_masked, sex_code,
                                   birth_date, FALSE, :joinedOn, 'IMPORT', education, employment_status, skill_grade,
                                   household_registration, non_beijing_worker, import_id
                              FROM member_import_row r
                             WHERE import_id = :id AND seq > :from AND seq <= :to AND action = 'CREATE'
                               AND NOT EXISTS (SELECT 1 FROM member m
                                                WHERE m.id_hash = r.id_hash
                                                  AND m.status NOT IN ('ENDED', 'TRANSFERRED_OUT'))
                             ORDER BY seq
                            RETURNING id, union_id, union_path),
                        history AS (
                            INSERT INTO member_history (member_id, by_user, from_status, to_status, union_id, note)
                            SELECT id, :by, NULL, 'ACTIVE', union_id, :note FROM created)
                        SELECT union_id, union_path, count(*) AS n FROM created GROUP BY union_id, union_path
                        """)
                .param("id", id).param("from", fromSeq).param("to", toSeq).param("joinedOn", joinedOn)
                .param("by", by).param("note", "import " + id)
                .query((rs, n) -> new UnionCount(rs.getLong("union_id"), rs.getString("union_path"), rs.getInt("n")))
                .list();
    }

    /** CREATE rows of the batch whose document is now a member of someone else's making: in error, not committed. */
    int markTakenMeanwhile(long id, int fromSeq, int toSeq) {
        return jdbc.sql("""
                        UPDATE member_import_row r SET action = 'ERROR', errors = ARRAY['idNumber:MEMBER_MEANWHILE']
                         WHERE r.import_id = :id AND r.seq > :from AND r.seq <= :to AND r.action = 'CREATE'
                           AND NOT EXISTS (SELECT 1 FROM member m
                                            WHERE m.id_hash = r.id_hash AND m.import_id = :id
                                              AND m.status NOT IN ('ENDED', 'TRANSFERRED_OUT'))
                        """)
                .param("id", id).param("from", fromSeq).param("to", toSeq).update();
    }

    /**
     * Updates the members of the batch's UPDATE rows that are still active in the same union (a value the file leaves
     * empty is kept), each with a history entry; returns the staging rows applied.
     */
    List<Integer> updateMembers(long id, int fromSeq, int toSeq, String by) {
        return jdbc.sql("""
                        WITH updated AS (
                            UPDATE member m
                               SET name = r.name, phone_enc = r.phone_enc, phone_masked = r.phone_masked,
                                   sex_code = coalesce(r.sex_code, m.sex_code),
                                   birth_date = coalesce(r.birth_date, m.birth_date),
                                   education = coalesce(r.education, m.education),
                                   employment_status = coalesce(r.employment_status, m.employment_status),
                                   skill_grade = coalesce(r.skill_grade, m.skill_grade),
                                   household_registration = coalesce(r.household_registration, m.household_registration),
                                   non_beijing_worker = coalesce(r.non_beijing_worker, m.non_beijing_worker)
                              FROM member_import_row r
                             WHERE r.import_id = :id AND r.seq > :from AND r.seq <= :to AND r.action = 'UPDATE'
                               AND m.id = r.member_id AND m.union_id = r.union_id
                               AND m.status NOT IN ('ENDED', 'TRANSFERRED_OUT')
                            RETURNING m.id, m.status, m.union_id, r.seq),
                        history AS (
                            INSERT INTO member_history (member_id, by_user, from_status, to_status, union_id, note)
                            SELECT id, :by, status, status, union_id, :note FROM updated)
                        SELECT seq FROM updated
                        """)
                .param("id", id).param("from", fromSeq).param("to", toSeq).param("by", by)
                .param("note", "details updated by import " + id)
                .query(Integer.class).list();
    }

    /** UPDATE rows whose member left the union or ended meanwhile: in error, not committed. */
    int markChangedMeanwhile(long id, int fromSeq, int toSeq, List<Integer> applied) {
        return jdbc.sql("""
                        UPDATE member_import_row SET action = 'ERROR', errors = ARRAY['idNumber:CHANGED_BY_SOMEONE_ELSE']
                         WHERE import_id = :id AND seq > :from AND seq <= :to AND action = 'UPDATE'
                           AND NOT (seq = ANY(:applied))
                        """)
                .param("id", id).param("from", fromSeq).param("to", toSeq)
                .param("applied", applied.toArray(Integer[]::new)).update();
    }

    Map<String, Integer> batchCounts(long id, int fromSeq, int toSeq) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT action, count(*) AS n FROM member_import_row
                         WHERE import_id = :id AND seq > :from AND seq <= :to GROUP BY action
                        """)
                .param("id", id).param("from", fromSeq).param("to", toSeq)
                .query(rs -> {
                    counts.put(rs.getString("action"), rs.getInt("n"));
                });
        return counts;
    }

    /** Records a committed batch: the progress moves to {@code toSeq}, and the job is done at the last row. */
    void advance(long id, int toSeq, int created, int updated, int skipped, int failed, Instant at) {
        jdbc.sql("""
                        UPDATE member_import
                           SET committed_rows = :to, created_count = created_count + :created,
                               updated_count = updated_count + :updated, skipped_count = skipped_count + :skipped,
                               failed_count = failed_count + :failed,
                               status = CASE WHEN :to >= total_rows THEN 'COMMITTED' ELSE status END,
                               finished_at = CASE WHEN :to >= total_rows THEN :at END
                         WHERE id = :id AND status = 'COMMITTING'
                        """)
                .param("id", id).param("to", toSeq).param("created", created).param("updated", updated)
                .param("skipped", skipped).param("failed", failed)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
    }

    // ---- errors ----------------------------------------------------------------------------------------------------

    int errorCount(long id) {
        return jdbc.sql("SELECT count(*) FROM member_import_row WHERE import_id = :id AND action = 'ERROR'")
                .param("id", id).query(Integer.class).single();
    }

    List<ErrorRow> errorRows(long id, int limit, long offset) {
        return jdbc.sql("""
                        SELECT seq, line_no, errors, duplicate_lines FROM member_import_row
                         WHERE import_id = :id AND action = 'ERROR' ORDER BY seq LIMIT :limit OFFSET :offset
                        """)
                .param("id", id).param("limit", limit).param("offset", offset).query(ERROR_ROW).list();
    }

    /** Every row in error, in file order; close the stream (call inside a transaction to fetch in batches). */
    Stream<ErrorRow> streamErrorRows(long id) {
        return streaming.sql("""
                        SELECT seq, line_no, errors, duplicate_lines FROM member_import_row
                         WHERE import_id = :id AND action = 'ERROR' ORDER BY seq
                        """)
                .param("id", id).query(ERROR_ROW).stream();
    }

    private static final RowMapper<ErrorRow> ERROR_ROW = (rs, n) -> new ErrorRow(rs.getInt("seq"),
            rs.getInt("line_no"), strings(rs.getArray("errors")), integers(rs.getArray("duplicate_lines")));

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Integer> integers(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
    }

    private static ImportRow row(ResultSet rs, int n) throws SQLException {
        return new ImportRow(rs.getLong("id"), rs.getLong("union_id"), rs.getString("union_path"),
                rs.getString("created_by"), rs.getLong("scope_org_id"), rs.getString("file_name"),
                rs.getString("file_format"), rs.getString("file_charset"), rs.getLong("file_bytes"),
                strings(rs.getArray("headers")), rs.getString("mapping"), rs.getString("status"),
                rs.getString("failure"), (Integer) rs.getObject("total_rows", Integer.class),
                rs.getInt("validated_rows"), (Integer) rs.getObject("to_create", Integer.class),
                (Integer) rs.getObject("to_update", Integer.class), (Integer) rs.getObject("to_skip", Integer.class),
                (Integer) rs.getObject("in_error", Integer.class), rs.getInt("committed_rows"),
                rs.getInt("created_count"), rs.getInt("updated_count"), rs.getInt("skipped_count"),
                rs.getInt("failed_count"), instant(rs, "created_at"), instant(rs, "validated_at"),
                rs.getString("commit_requested_by"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

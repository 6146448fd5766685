package org.unionhub.membership.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A roster import as staff and the API see it. {@code mapping}: field key → column index (0-based) in
 * {@code headers}. Counts are null until the validation has finished; {@code committedRows} counts the rows (in file
 * order) whose batch is committed.
 */
public record ImportView(long id, long unionId, String unionName, String fileName, String status, String failure,
        List<String> headers, Map<String, Integer> mapping, Integer totalRows, int validatedRows, Integer toCreate,
        Integer toUpdate, Integer toSkip, Integer inError, int committedRows, int created, int updated, int skipped,
        int failed, String createdBy, Instant createdAt, Instant finishedAt) {

    /** How far the running step is, 0–100: validation while validating, the commit while committing. */
    public int percent() {
        if ("COMMITTING".equals(status)) {
            return totalRows == null || totalRows == 0 ? 0 : (int) (100L * committedRows / totalRows);
        }
        if ("VALIDATING".equals(status)) {
            return 0;
        }
        return 100;
    }

    public boolean running() {
        return "VALIDATING".equals(status) || "COMMITTING".equals(status);
    }
}

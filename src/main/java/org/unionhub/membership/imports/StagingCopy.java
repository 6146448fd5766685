package org.unionhub.membership.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Writes checked rows into {@code member_import_row} with {@code COPY … FROM STDIN} (text format) on the
 * transaction's own connection: a chunk of rows is one COPY, so the connection is free for queries between chunks.
 */
final class StagingCopy {

    private static final String COPY = """
            COPY member_import_row (import_id, seq, line_no, action, errors, union_id, union_path, member_id, name,
                 id_type, id_hash, id_number_enc, id_number_masked, phone_enc, phone_masked, sex_code, birth_date,
                 education, employment_status, skill_grade, household_registration, non_beijing_worker)
            FROM STDIN""";
    private static final HexFormat HEX = HexFormat.of();

    private final long importId;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
    private final StringBuilder line = new StringBuilder(512);

    StagingCopy(long importId) {
        this.importId = importId;
    }

    void copy(Connection connection, List<Staged> rows) throws SQLException, IOException {
        buffer.reset();
        for (Staged r : rows) {
            line.setLength(0);
            line.append(importId).append('\t').append(r.seq()).append('\t').append(r.lineNo()).append('\t')
                    .append(r.action());
            text(r.errors() == null || r.errors().isEmpty() ? null : "{" + String.join(",", r.errors()) + "}");
            value(r.unionId());
            text(r.unionPath());
            value(r.memberId());
            text(r.name());
            text(r.idType());
            text(r.idHash());
            bytes(r.idNumberEnc());
            text(r.idNumberMasked());
            bytes(r.phoneEnc());
            text(r.phoneMasked());
            value(r.sexCode());
            value(r.birthDate());
            text(r.education());
            text(r.employmentStatus());
            text(r.skillGrade());
            text(r.residence());
            value(r.nonBeijingWorker());
            line.append('\n');
            buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn(COPY, new ByteArrayInputStream(buffer.toByteArray()), 1 << 16);
    }

    private void value(Object value) {
        line.append('\t');
        if (value == null) {
            line.append("\\N");
        } else {
            line.append(value);
        }
    }

    /** COPY's text format: backslash, tab and line breaks escaped. */
    private void text(String value) {
        line.append('\t');
        if (value == null) {
            line.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }

    /** bytea in hex: {@code \x…}, its backslash escaped for COPY. */
    private void bytes(byte[] value) {
        line.append('\t');
        if (value == null) {
            line.append("\\N");
        } else {
            line.append("\\\\x").append(HEX.formatHex(value));
        }
    }
}

package org.unionhub.membership.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.unionhub.common.ValidationFailure;
import org.unionhub.membership.imports.domain.CsvReader;

/**
 * Reading roster files: .xlsx (the first sheet, streamed with fastexcel from a temporary copy, never the whole
 * workbook in memory) and .csv (UTF-8, with or without a byte-order mark, or GB18030 — what Excel saves on a Chinese
 * Windows — told apart by whether the bytes are valid UTF-8). Every cell is read as text: for a number, the text the
 * workbook stores (not a value converted back to digits), so a document number typed into a numeric cell arrives as
 * Excel stored it, {@code 1.10105199001011E+17}, and is refused by the row check instead of passing on with its last
 * digits changed; an 11-digit phone in a numeric cell is stored whole ({@code 13812345678}) and is accepted.
 */
final class ImportFiles {

    /** Wider rows are cut: the template has eleven columns. */
    static final int MAX_COLUMNS = 100;
    static final Charset GB18030 = Charset.forName("GB18030");

    enum Format { XLSX, CSV }

    /** What a first pass over the upload found. */
    record Facts(Format format, Charset charset, String sha256, long bytes) {
    }

    /** Receives the non-blank rows of a file in order; {@code lineNo} is the row number the importer sees. */
    @FunctionalInterface
    interface RowSink {
        /** @return false to stop reading */
        boolean row(int lineNo, List<String> cells) throws IOException;
    }

    /** Where a file's bytes come from; opened once per pass. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    private ImportFiles() {
    }

    /** One pass: digest, size, format (refusing the old binary .xls) and, for CSV, the character set. */
    static Facts inspect(Source source) {
        try (InputStream in = new BufferedInputStream(source.open())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            byte[] buffer = new byte[64 * 1024];
            ByteBuffer pending = ByteBuffer.allocate(buffer.length + 8);
            CharBuffer chars = CharBuffer.allocate(buffer.length + 8);
            boolean validUtf8 = true;
            long bytes = 0;
            byte[] head = null;
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                if (head == null) {
                    head = Arrays.copyOf(buffer, Math.min(n, 8));
                }
                bytes += n;
                if (validUtf8) {
                    pending.put(buffer, 0, n).flip();
                    chars.clear();
                    validUtf8 = !utf8.decode(pending, chars, false).isError();
                    pending.compact();
                }
            }
            if (bytes == 0) {
                throw ValidationFailure.of("file", "EMPTY_FILE");
            }
            if (ReadableWorkbook.isOLE2Header(head)) {
                throw ValidationFailure.of("file", "NOT_XLSX_OR_CSV");
            }
            Format format = ReadableWorkbook.isOOXMLZipHeader(head) ? Format.XLSX : Format.CSV;
            if (validUtf8) {
                pending.flip();
                chars.clear();
                validUtf8 = !utf8.decode(pending, chars, true).isError() && !utf8.flush(chars).isError();
            }
            return new Facts(format, format == Format.CSV ? (validUtf8 ? StandardCharsets.UTF_8 : GB18030) : null,
                    HexFormat.of().formatHex(digest.digest()), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The header row: the first row that is not blank. */
    static List<String> headers(Source source, Format format, Charset charset) {
        List<List<String>> first = new ArrayList<>();
        read(source, format, charset, (lineNo, cells) -> {
            first.add(cells);
            return false;
        });
        if (first.isEmpty()) {
            throw ValidationFailure.of("file", "EMPTY_FILE");
        }
        return first.get(0).stream().map(String::strip).toList();
    }

    /**
     * Every non-blank row in order, the header row first.
     *
     * @throws UnreadableFile when the file is not a readable workbook or text
     */
    static void read(Source source, Format format, Charset charset, RowSink sink) {
        try {
            if (format == Format.CSV) {
                readCsv(source, charset, sink);
            } else {
                readXlsx(source, sink);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationFailure || e instanceof UnreadableFile) {
                throw (RuntimeException) e;
            }
            throw new UnreadableFile(e);
        }
    }

    private static void readCsv(Source source, Charset charset, RowSink sink) throws IOException {
        try (var reader = new InputStreamReader(source.open(), charset)) {
            CsvReader csv = new CsvReader(reader);
            int lineNo = 0;
            List<String> record;
            while ((record = csv.next()) != null) {
                lineNo++;
                if (!blank(record) && !sink.row(lineNo, record.size() > MAX_COLUMNS
                        ? record.subList(0, MAX_COLUMNS) : record)) {
                    return;
                }
            }
        }
    }

    private static void readXlsx(Source source, RowSink sink) throws IOException {
        Path copy = Files.createTempFile("member-import-", ".xlsx");
        try {
            try (InputStream in = source.open()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            try (ReadableWorkbook workbook = new ReadableWorkbook(copy.toFile());
                 var rows = workbook.getFirstSheet().openStream()) {
                var iterator = rows.iterator();
                while (iterator.hasNext()) {
                    Row row = iterator.next();
                    List<String> cells = cells(row);
                    if (!blank(cells) && !sink.row(row.getRowNum(), cells)) {
                        return;
                    }
                }
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static List<String> cells(Row row) {
        int count = Math.min(row.getCellCount(), MAX_COLUMNS);
        List<String> cells = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            Cell cell = row.getCell(c);
            String text = cell == null ? null
                    : cell.getType() == CellType.NUMBER ? cell.getRawValue() : cell.getText();
            cells.add(text == null ? "" : text);
        }
        return cells;
    }

    private static boolean blank(List<String> cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The file cannot be read as a workbook or as text in its character set. */
    static final class UnreadableFile extends RuntimeException {
        UnreadableFile(Throwable cause) {
            super("The roster file cannot be read", cause);
        }
    }
}

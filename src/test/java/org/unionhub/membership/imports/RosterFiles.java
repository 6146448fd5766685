package org.unionhub.membership.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.unionhub.common.IdNumber;

/** Roster files for tests: unique people (names, resident IDs, phones), written as CSV or .xlsx. */
final class RosterFiles {

    static final List<String> TEMPLATE = List.of("姓名", "证件类型", "证件号码", "性别", "手机号码", "学历", "就业状态",
            "技能等级", "户籍所在地", "是否外埠职工", "所属工会");
    private static final AtomicLong SERIAL = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 8_000_000));
    private static final String HAN_DIGITS = "零一二三四五六七八九";

    private RosterFiles() {
    }

    /** A name nobody else has: the prefix and a serial in Chinese numerals. */
    static String uniqueName(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (char c : String.valueOf(SERIAL.incrementAndGet()).toCharArray()) {
            name.append(HAN_DIGITS.charAt(c - '0'));
        }
        return name.toString();
    }

    /** A valid resident ID (GB 11643) nobody else has; born 1970–2000, so over 16. */
    static String uniqueResidentId() {
        long n = SERIAL.incrementAndGet();
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays((n / 1000) % 10_950);
        String first17 = "110108" + born.toString().replace("-", "") + String.format("%03d", n % 1000);
        return first17 + IdNumber.checkCharacterFor(first17);
    }

    static String uniquePhone() {
        return "137" + String.format("%08d", SERIAL.incrementAndGet() % 100_000_000);
    }

    /** A template row for a new person: name, resident ID, sex from it, phone, and the template's other columns. */
    static List<String> person() {
        String id = uniqueResidentId();
        return new ArrayList<>(List.of(uniqueName("导入"), "居民身份证", id,
                (id.charAt(16) - '0') % 2 == 1 ? "男" : "女", uniquePhone(), "大学本科", "在岗", "中级工", "北京市海淀区",
                "否", ""));
    }

    static byte[] csv(List<String> headers, List<List<String>> rows, Charset charset) {
        StringBuilder text = new StringBuilder();
        text.append(String.join(",", headers)).append("\r\n");
        for (List<String> row : rows) {
            text.append(String.join(",", row.stream().map(RosterFiles::quoted).toList())).append("\r\n");
        }
        return text.toString().getBytes(charset);
    }

    static byte[] csv(List<List<String>> rows) {
        return csv(TEMPLATE, rows, StandardCharsets.UTF_8);
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** One cell of an .xlsx row: text, or a number as Excel stores a number typed into a numeric cell. */
    record Cell(String text, Double number, Long integer) {
        static Cell text(String text) {
            return new Cell(text, null, null);
        }

        static Cell number(double number) {
            return new Cell(null, number, null);
        }

        static Cell integer(long integer) {
            return new Cell(null, null, integer);
        }
    }

    static byte[] xlsx(List<String> headers, List<List<Cell>> rows) {
        var out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("名册");
            for (int c = 0; c < headers.size(); c++) {
                sheet.inlineString(0, c, headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Cell> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Cell cell = row.get(c);
                    if (cell.text() != null) {
                        sheet.inlineString(r + 1, c, cell.text());
                    } else if (cell.number() != null) {
                        sheet.value(r + 1, c, cell.number());
                    } else {
                        sheet.value(r + 1, c, cell.integer());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<Cell> texts(List<String> row) {
        return new ArrayList<>(row.stream().map(Cell::text).toList());
    }
}

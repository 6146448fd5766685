package org.unionhub.membership.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

    private static List<List<String>> read(String text) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<List<String>> records = new ArrayList<>();
        List<String> record;
        while ((record = reader.next()) != null) {
            records.add(record);
        }
        return records;
    }

    @Test
    void readsPlainRecordsWithAnyLineEnding() throws IOException {
        assertThat(read("a,b\r\nc,d\ne,f\rg,h")).containsExactly(List.of("a", "b"), List.of("c", "d"),
                List.of("e", "f"), List.of("g", "h"));
    }

    @Test
    void dropsTheByteOrderMark() throws IOException {
        assertThat(read("\uFEFF姓名,证件号码\n张三,110105199001011234\n")).containsExactly(List.of("姓名", "证件号码"),
                List.of("张三", "110105199001011234"));
    }

    @Test
    void keepsCommasQuotesAndLineBreaksInsideQuotedFields() throws IOException {
        assertThat(read("\"北京市,海淀区\",\"他说\"\"好\"\"\",\"两\n行\"\nx,,\n")).containsExactly(
                List.of("北京市,海淀区", "他说\"好\"", "两\n行"), List.of("x", "", ""));
    }

    @Test
    void keepsLeadingZerosAndLongDigitStringsAsText() throws IOException {
        assertThat(read("0101,110105199001011234,1.10105E+17\n")).containsExactly(
                List.of("0101", "110105199001011234", "1.10105E+17"));
    }

    @Test
    void readsRecordsLongerThanItsBuffer() throws IOException {
        String longField = "字".repeat(100_000);
        assertThat(read("a," + longField + "\r\nb,c")).containsExactly(List.of("a", longField), List.of("b", "c"));
    }
}

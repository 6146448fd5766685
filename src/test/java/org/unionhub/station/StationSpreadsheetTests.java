package org.unionhub.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.unionhub.UnionHubTest;
import org.unionhub.station.StationSpreadsheets.ImportResult;

/**
 * Excel export and import as a Haidian district admin signed in to the console: only the district's stations go out,
 * the same file comes back in without changing anything, and a file with a wrong row is refused whole with an error
 * file.
 */
@UnionHubTest
class StationSpreadsheetTests extends StationApiSupport {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final List<String> HEADER = List.of("名称", "类型", "所属工会编号", "承建方类型", "承建方", "地址", "纬度", "经度",
            "坐标系", "服务设施", "开放时间", "例外日期", "法定节假日闭站", "免费停车分钟", "容纳人数", "联系人", "联系电话", "状态", "编号");
    private static final int KIND = 1;
    private static final int OWNER = 2;
    private static final int NAME = 0;
    private static final int ADDRESS = 5;
    private static final int CAPACITY = 14;
    private static final int PHONE = 16;
    private static final int ID = 18;

    /** A cell as read back: its type and its text. */
    private record Cell(CellType type, String text) {
    }

    @Test
    void theExportHoldsExactlyTheStationsInTheCallersScope() throws Exception {
        long haidian = orgId("110108");
        long dongchengStation = create("dongcheng", station(orgId("110101012"), 39.8995, 116.4167)).get("id").asLong();
        long haidianStation = create("haidian", station(orgId("110108010"), 39.99, 116.35)).get("id").asLong();

        List<List<Cell>> rows = read(export(signIn("haidian")));

        assertThat(texts(rows.get(0))).containsExactlyElementsOf(HEADER);
        List<List<Cell>> data = rows.subList(1, rows.size());
        List<Long> ids = data.stream().map(r -> Long.parseLong(r.get(ID).text())).toList();
        assertThat(ids).doesNotHaveDuplicates().contains(haidianStation).doesNotContain(dongchengStation);
        assertThat(ids).containsExactlyInAnyOrderElementsOf(jdbc.sql(
                "SELECT id FROM station WHERE owner_org_path LIKE ? || '%'").param(org("110108").path())
                .query(Long.class).list());
        for (List<Cell> row : data) {
            long owner = Long.parseLong(row.get(OWNER).text());
            assertThat(tree.districtOf(owner).orElseThrow().id()).as("owner of %s", row.get(NAME).text())
                    .isEqualTo(haidian);
        }
        assertThat(data.stream().map(r -> r.get(NAME).text())).contains("中关村e世界暖心驿站", "学院路母婴关爱室")
                .doesNotContain("崇文门暖心驿站", "八里庄快递员之家");
        List<Cell> eWorld = data.stream().filter(r -> r.get(NAME).text().equals("中关村e世界暖心驿站")).findFirst()
                .orElseThrow();
        assertThat(texts(eWorld).subList(1, 18)).containsExactly("职工暖心驿站", eWorld.get(OWNER).text(), "商场", "e世界商场",
                "海淀区中关村大街 11 号 1 层", "39.983620", "116.314980", "GCJ-02", "饮用水、热饭（微波炉）、休息座椅、手机充电、卫生间",
                "1-7 10:00-22:00", "", "否", "", "20", "驿站管理员", "010-62550000", "ACCEPTED");

        List<List<Cell>> everything = read(export(signIn("admin")));
        assertThat(everything.size()).isGreaterThan(rows.size());
        assertThat(everything.stream().skip(1).map(r -> Long.parseLong(r.get(ID).text()))).contains(dongchengStation);
    }

    @Test
    void importingTheExportedFileChangesNothing() throws Exception {
        Map<String, Object> rich = station(orgId("110108011"), 39.981, 116.317);
        rich.put("kindCode", "WORKERS_HOME_ENTERPRISE");
        rich.put("hostTypeCode", "ENTERPRISE");
        rich.put("amenities", List.of("BOOKS", "HOT_MEALS", "MOTHER_BABY", "HEATING_COOLING"));
        rich.put("weeklyHours", "1-5 08:30-12:00,13:00-18:30; 6 22:00-06:00");
        rich.put("hoursExceptions", "2026-10-01 closed; 2026-10-08 10:00-14:00");
        rich.put("closedOnHolidays", true);
        rich.put("parkingFreeMinutes", 45);
        rich.put("capacity", 0);
        rich.put("contactPhone", "13800138000");
        rich.put("photoUrls", List.of("https://img.example/home-1.jpg", "https://img.example/home-2.jpg"));
        create("haidian", rich);
        MockHttpSession haidian = signIn("haidian");
        byte[] exported = export(haidian);
        int rows = read(exported).size() - 1;
        List<String> before = haidianStations();
        long all = count("SELECT count(*) FROM station");

        MvcResult result = importFile(haidian, exported).andExpect(status().isOk()).andReturn();

        ImportResult imported = (ImportResult) result.getModelAndView().getModel().get("result");
        assertThat(imported).isNotNull();
        assertThat(imported.created()).isZero();
        assertThat(imported.updated()).isEqualTo(rows);
        assertThat(imported.rowsInError()).isZero();
        assertThat(count("SELECT count(*) FROM station")).isEqualTo(all);
        assertThat(count("SELECT count(*) FROM (SELECT 1 FROM station GROUP BY owner_org_id, name, address "
                + "HAVING count(*) > 1) d")).isZero();
        assertThat(haidianStations()).containsExactlyElementsOf(before);
        assertThat(allTexts(read(export(haidian)))).isEqualTo(allTexts(read(exported)));
    }

    @Test
    void aFileWithOneWrongRowIsRefusedWholeWithAnErrorFile() throws Exception {
        MockHttpSession haidian = signIn("haidian");
        List<List<String>> rows = allTexts(read(export(haidian)));
        assertThat(rows.size()).isGreaterThan(3);
        rows.get(1).set(CAPACITY, "77");
        rows.get(2).set(KIND, "不存在的类型");
        List<String> extra = new ArrayList<>(rows.get(3));
        String newName = unique("新导入驿站");
        extra.set(NAME, newName);
        extra.set(ADDRESS, unique("新地址"));
        extra.set(ID, "");
        rows.add(extra);
        List<String> before = haidianStations();
        long all = count("SELECT count(*) FROM station");

        MvcResult result = importFile(haidian, write(rows))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentType(XLSX))
                .andReturn();

        assertThat(result.getResponse().getHeader("X-Rows-In-Error")).isEqualTo("1");
        List<List<String>> errorFile = allTexts(read(result.getResponse().getContentAsByteArray()));
        assertThat(errorFile).hasSize(rows.size());
        int errorColumn = HEADER.size();
        assertThat(errorFile.get(0)).hasSize(HEADER.size() + 1);
        assertThat(errorFile.get(0).get(errorColumn)).isEqualTo("错误");
        assertThat(errorFile.get(2).get(errorColumn)).contains("类型").contains("不是有效的代码");
        for (int r = 1; r < errorFile.size(); r++) {
            assertThat(errorFile.get(r).subList(0, HEADER.size())).isEqualTo(rows.get(r));
            if (r != 2) {
                assertThat(cell(errorFile.get(r), errorColumn)).as("row %d", r).isEmpty();
            }
        }
        assertThat(count("SELECT count(*) FROM station")).isEqualTo(all);
        assertThat(count("SELECT count(*) FROM station WHERE name = ?", newName)).isZero();
        assertThat(haidianStations()).containsExactlyElementsOf(before);
    }

    @Test
    void rowsBreakingTheRegistrysRulesAreReportedLikeAnyOtherWrongRow() throws Exception {
        MockHttpSession haidian = signIn("haidian");
        List<List<String>> rows = allTexts(read(export(haidian))).subList(0, 2);
        List<String> outOfScope = new ArrayList<>(rows.get(1));
        outOfScope.set(OWNER, String.valueOf(orgId("110101012")));
        outOfScope.set(NAME, unique("东城的驿站"));
        List<String> badHours = new ArrayList<>(rows.get(1));
        badHours.set(NAME, unique("时间写错的驿站"));
        badHours.set(10, "周一到周五 9点到6点");
        long all = count("SELECT count(*) FROM station");

        MvcResult result = importFile(haidian, write(List.of(rows.get(0), outOfScope, badHours)))
                .andExpect(status().isUnprocessableEntity()).andReturn();

        assertThat(result.getResponse().getHeader("X-Rows-In-Error")).isEqualTo("2");
        List<List<String>> errorFile = allTexts(read(result.getResponse().getContentAsByteArray()));
        assertThat(errorFile.get(1).get(HEADER.size())).contains("所属工会").contains("不在您的数据范围内");
        assertThat(errorFile.get(2).get(HEADER.size())).contains("开放时间").contains("格式不正确");
        assertThat(count("SELECT count(*) FROM station")).isEqualTo(all);
    }

    @Test
    void aPhoneNumberStaysTextBothWays() throws Exception {
        Map<String, Object> body = station(orgId("110108011"), 39.983, 116.311);
        body.put("contactPhone", "13912345678");
        long id = create("haidian", body).get("id").asLong();
        MockHttpSession haidian = signIn("haidian");

        List<List<Cell>> exported = read(export(haidian));

        List<Cell> row = exported.stream().filter(r -> r.get(ID).text().equals(String.valueOf(id))).findFirst()
                .orElseThrow();
        assertThat(row.get(PHONE)).isEqualTo(new Cell(CellType.STRING, "13912345678"));
        assertThat(row.get(ID).type()).isEqualTo(CellType.STRING);
        assertThat(row.get(6).type()).as("latitude").isEqualTo(CellType.STRING);

        // A sheet typed by hand where the spreadsheet program made the phone number a number.
        List<String> typed = texts(row);
        String newName = unique("手填驿站");
        typed.set(NAME, newName);
        typed.set(ID, "");
        importFile(haidian, write(List.of(HEADER, typed), PHONE, 13_812_345_678L)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT contact_phone FROM station WHERE name = ?").param(newName).query(String.class)
                .single()).isEqualTo("13812345678");
    }

    @Test
    void anEmptyOrForeignFileIsRefusedWithAMessage() throws Exception {
        MockHttpSession haidian = signIn("haidian");
        long all = count("SELECT count(*) FROM station");

        MvcResult notExcel = importFile(haidian, "名称,类型\n驿站,职工暖心驿站\n".getBytes())
                .andExpect(status().isOk()).andReturn();
        MvcResult headerOnly = importFile(haidian, write(List.of(HEADER))).andExpect(status().isOk()).andReturn();

        assertThat(errorsOf(notExcel)).containsKey("file").extractingByKey("file").asString().contains("xlsx");
        assertThat(errorsOf(headerOnly)).containsKey("file");
        assertThat(count("SELECT count(*) FROM station")).isEqualTo(all);
    }

    // --- helpers ---

    private MockHttpSession signIn(String username) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private byte[] export(MockHttpSession session) throws Exception {
        MvcResult started = mvc.perform(get("/stations/export.xlsx").session(session))
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andExpect(content().contentType(XLSX));
        return started.getResponse().getContentAsByteArray();
    }

    private org.springframework.test.web.servlet.ResultActions importFile(MockHttpSession session, byte[] file)
            throws Exception {
        return mvc.perform(multipart("/stations/import")
                .file(new MockMultipartFile("file", "stations.xlsx", XLSX.toString(), file))
                .session(session).with(csrf()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errorsOf(MvcResult result) {
        return (Map<String, String>) result.getModelAndView().getModel().get("errors");
    }

    /** Every Haidian station as stored, with its hours and exceptions (all but the change stamp). */
    private List<String> haidianStations() {
        return jdbc.sql("""
                        SELECT (to_jsonb(s) - 'updated_at' - 'version')::text
                            || (SELECT coalesce(jsonb_agg(to_jsonb(h) ORDER BY h.weekday, h.opens_min), '[]')::text
                                  FROM station_hours h WHERE h.station_id = s.id)
                            || (SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e.on_date, e.opens_min), '[]')::text
                                  FROM station_hours_exception e WHERE e.station_id = s.id)
                          FROM station s WHERE s.owner_org_path LIKE ? || '%' ORDER BY s.id
                        """)
                .param(org("110108").path())
                .query(String.class).list();
    }

    private static List<List<Cell>> read(byte[] xlsx) throws IOException {
        List<List<Cell>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
                Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            stream.forEach(row -> {
                List<Cell> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    var cell = row.getOptionalCell(c);
                    cells.add(cell.map(x -> new Cell(x.getType(), x.getText())).orElse(new Cell(CellType.EMPTY, "")));
                }
                rows.add(cells);
            });
        }
        return rows;
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column) : "";
    }

    private static List<String> texts(List<Cell> row) {
        return new ArrayList<>(row.stream().map(Cell::text).toList());
    }

    private static List<List<String>> allTexts(List<List<Cell>> rows) {
        List<List<String>> texts = new ArrayList<>();
        rows.forEach(r -> texts.add(texts(r)));
        return texts;
    }

    private static byte[] write(List<List<String>> rows) throws IOException {
        return write(rows, -1, 0);
    }

    /** A sheet of text cells, except that {@code numberColumn} of every data row holds {@code number} as a number. */
    private static byte[] write(List<List<String>> rows, int numberColumn, long number) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("服务阵地");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (r > 0 && c == numberColumn) {
                    sheet.value(r, c, number);
                } else {
                    sheet.inlineString(r, c, rows.get(r).get(c));
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }
}

package org.unionhub.membership.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionhub.TestTree.basic;
import static org.unionhub.membership.imports.RosterFiles.Cell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.membership.MembersImported;
import org.unionhub.membership.domain.PersonalDataCipher;
import org.unionhub.organisation.OrgUnit;

/**
 * Roster import against the embedded PostgreSQL, through the API as staff use it: upload, mapping, dry run, commit in
 * background batches (50 rows each in tests), error rows and file, scope, double submits, and a commit that is killed
 * half-way and resumed.
 */
@UnionHubTest
class MemberImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    ObjectMapper json;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    MembersImportedRecorder events;

    @Autowired
    DataSource dataSource;

    @Autowired
    ImportWorker worker;

    @Autowired
    ImportJobs jobs;

    @Autowired
    ImportProperties properties;

    // ---- helpers -------------------------------------------------------------------------------------------------

    private OrgUnit freshUnionOfZhongguancun() {
        return tree.newUnion(tree.org(TestTree.ZHONGGUANCUN_STREET));
    }

    private JsonNode read(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode upload(String user, long unionId, String name, byte[] content, ResultMatcher expected)
            throws Exception {
        return read(mvc.perform(multipart("/api/v1/member-imports")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                        .param("unionId", String.valueOf(unionId)).with(basic(user)))
                .andExpect(expected));
    }

    private JsonNode map(String user, JsonNode job) throws Exception {
        return read(mvc.perform(put("/api/v1/member-imports/{id}/mapping", job.get("id").asLong())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("columns", job.get("mapping"))))
                        .with(basic(user)))
                .andExpect(status().isAccepted()));
    }

    private JsonNode job(String user, long id) throws Exception {
        return read(mvc.perform(get("/api/v1/member-imports/{id}", id).with(basic(user))).andExpect(status().isOk()));
    }

    private JsonNode awaitStatus(String user, long id, String wanted) {
        JsonNode[] last = {null};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = job(user, id);
            return wanted.equals(last[0].get("status").asText());
        });
        return last[0];
    }

    /** Upload, confirm the guessed mapping, wait for the dry run. */
    private JsonNode validated(String user, long unionId, byte[] content) throws Exception {
        JsonNode job = upload(user, unionId, "名册.csv", content, status().isCreated());
        map(user, job);
        return awaitStatus(user, job.get("id").asLong(), "VALIDATED");
    }

    private JsonNode commitAndWait(String user, long id) throws Exception {
        mvc.perform(post("/api/v1/member-imports/{id}/commit", id).with(basic(user))).andExpect(status().isAccepted());
        return awaitStatus(user, id, "COMMITTED");
    }

    private long membersOfImport(long id) {
        return tree.jdbc().sql("SELECT count(*) FROM member WHERE import_id = :id").param("id", id).query(Long.class)
                .single();
    }

    private long distinctPeopleOfImport(long id) {
        return tree.jdbc().sql("SELECT count(DISTINCT id_hash) FROM member WHERE import_id = :id").param("id", id)
                .query(Long.class).single();
    }

    private long historyOfImport(long id) {
        return tree.jdbc().sql("""
                        SELECT count(*) FROM member_history h JOIN member m ON m.id = h.member_id
                         WHERE m.import_id = :id""")
                .param("id", id).query(Long.class).single();
    }

    private static List<List<String>> people(int count) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(RosterFiles.person());
        }
        return rows;
    }

    private Map<String, List<String>> errorsByLine(String user, long id) throws Exception {
        JsonNode page = read(mvc.perform(get("/api/v1/member-imports/{id}/errors", id).with(basic(user)))
                .andExpect(status().isOk()));
        Map<String, List<String>> byLine = new HashMap<>();
        for (JsonNode row : page.get("rows")) {
            List<String> codes = new ArrayList<>();
            row.get("errors").forEach(e -> codes.add(e.get("field").asText() + ":" + e.get("code").asText()));
            byLine.put(row.get("line").asText(), codes);
        }
        return byLine;
    }

    // ---- the whole way -------------------------------------------------------------------------------------------

    @Test
    void importsACsvFileIntoMembersWithEncryptedDocumentsAndOneEventPerBatch() throws Exception {
        OrgUnit union = freshUnionOfZhongguancun();
        List<List<String>> rows = people(120);
        JsonNode uploaded = upload("zhongguancun", union.id(), "名册.csv", RosterFiles.csv(rows), status().isCreated());
        assertThat(uploaded.get("status").asText()).isEqualTo("MAPPING");
        assertThat(json.convertValue(uploaded.get("headers"), List.class)).isEqualTo(RosterFiles.TEMPLATE);
        for (int c = 0; c < RosterFiles.TEMPLATE.size(); c++) {
            assertThat(uploaded.get("mapping").get(org.unionhub.membership.imports.domain.ImportField.values()[c]
                    .key()).asInt()).isEqualTo(c);
        }
        long id = uploaded.get("id").asLong();
        map("zhongguancun", uploaded);
        JsonNode dryRun = awaitStatus("zhongguancun", id, "VALIDATED");
        assertThat(dryRun.get("totalRows").asInt()).isEqualTo(120);
        assertThat(dryRun.get("toCreate").asInt()).isEqualTo(120);
        assertThat(dryRun.get("inError").asInt()).isZero();
        assertThat(membersOfImport(id)).isZero();

        JsonNode done = commitAndWait("zhongguancun", id);
        assertThat(done.get("created").asInt()).isEqualTo(120);
        assertThat(done.get("committedRows").asInt()).isEqualTo(120);
        assertThat(membersOfImport(id)).isEqualTo(120);
        assertThat(historyOfImport(id)).isEqualTo(120);

        List<String> first = rows.get(0);
        var stored = tree.jdbc().sql("""
                        SELECT name, id_number_enc, id_number_masked, phone_enc, phone_masked, source, union_id,
                               education, employment_status, skill_grade, household_registration, non_beijing_worker
                          FROM member WHERE import_id = :id AND name = :name""")
                .param("id", id).param("name", first.get(0)).query().singleRow();
        assertThat(cipher.decrypt((byte[]) stored.get("id_number_enc"))).isEqualTo(first.get(2));
        assertThat(new String((byte[]) stored.get("id_number_enc"), StandardCharsets.ISO_8859_1))
                .doesNotContain(first.get(2));
        assertThat(stored.get("id_number_masked")).isEqualTo(first.get(2).substring(0, 6) + "********"
                + first.get(2).substring(14));
        assertThat(cipher.decrypt((byte[]) stored.get("phone_enc"))).isEqualTo(first.get(4));
        assertThat(stored.get("phone_masked")).isEqualTo(first.get(4).substring(0, 3) + "****"
                + first.get(4).substring(7));
        assertThat(stored).containsEntry("source", "IMPORT").containsEntry("union_id", union.id())
                .containsEntry("education", "BACHELOR").containsEntry("employment_status", "EMPLOYED")
                .containsEntry("skill_grade", "GRADE_4").containsEntry("household_registration", "北京市海淀区")
                .containsEntry("non_beijing_worker", false);

        List<MembersImported> published = events.of(union.id());
        assertThat(published).hasSize(3);
        assertThat(published).extracting(MembersImported::count).containsExactly(50, 50, 20);
        assertThat(published).allMatch(e -> e.unionPath().equals(union.path()));
        assertThat(tree.jdbc().sql("""
                        SELECT count(*) FROM card_request c JOIN member m ON m.id = c.member_id
                         WHERE m.import_id = :id""").param("id", id).query(Long.class).single())
                .as("imported members are existing members: no card request").isZero();
    }

    @Test
    void readsGbEncodedCsvAsExcelSavesItOnChineseWindows() throws Exception {
        OrgUnit union = freshUnionOfZhongguancun();
        List<List<String>> rows = people(3);
        JsonNode dryRun = validated("zhongguancun", union.id(),
                RosterFiles.csv(RosterFiles.TEMPLATE, rows, java.nio.charset.Charset.forName("GB18030")));
        assertThat(dryRun.get("toCreate").asInt()).isEqualTo(3);
        commitAndWait("zhongguancun", dryRun.get("id").asLong());
        assertThat(tree.jdbc().sql("SELECT count(*) FROM member WHERE name = :n").param("n", rows.get(1).get(0))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theConsolePagesTakeAnImportFromUploadToResult() throws Exception {
        OrgUnit union = freshUnionOfZhongguancun();
        var session = TestTree.consoleSession(mvc, "zhongguancun");
        List<List<String>> rows = people(3);
        rows.get(2).set(4, "12345");
        String location = mvc.perform(multipart("/members/imports")
                        .file(new MockMultipartFile("file", "名册.csv", "text/csv", RosterFiles.csv(rows)))
                        .param("unionId", String.valueOf(union.id())).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get(location).session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-test=\"import-mapping\"")));
        Map<String, String> form = new HashMap<>();
        job("zhongguancun", id).get("mapping").fields()
                .forEachRemaining(e -> form.put("col." + e.getKey(), e.getValue().asText()));
        var mapping = post(location + "/mapping").session(session).with(csrf());
        form.forEach((k, v) -> mapping.param(k, v));
        mvc.perform(mapping).andExpect(status().is3xxRedirection());
        awaitStatus("zhongguancun", id, "VALIDATED");
        mvc.perform(get(location + "/progress").session(session).header("HX-Request", "true"))
                .andExpect(header().string("HX-Refresh", "true"));
        mvc.perform(get(location).session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-test=\"to-create\">2<")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("第 4 行：")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("手机号码：须为 11 位中国大陆手机号码")));
        mvc.perform(post(location + "/commit").session(session).with(csrf())).andExpect(status().is3xxRedirection());
        awaitStatus("zhongguancun", id, "COMMITTED");
        mvc.perform(get(location).session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-test=\"created\">2<")));
        mvc.perform(get("/members/imports").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("名册.csv")));
        byte[] template = mvc.perform(get("/members/imports/template.xlsx").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(template))) {
            Row header = workbook.getFirstSheet().read().get(0);
            for (int c = 0; c < RosterFiles.TEMPLATE.size(); c++) {
                assertThat(header.getCellText(c)).isEqualTo(RosterFiles.TEMPLATE.get(c));
            }
        }
    }

    // ---- bad rows ------------------------------------------------------------------------------------------------

    @Test
    void reportsEveryKindOfBadRowWithItsTextAndGivesTheRowsBackInTheErrorFile() throws Exception {
        OrgUnit union = freshUnionOfZhongguancun();
        OrgUnit elsewhere = freshUnionOfZhongguancun();
        List<String> memberElsewhere = RosterFiles.person();
        JsonNode first = validated("zhongguancun", elsewhere.id(), RosterFiles.csv(List.of(memberElsewhere)));
        commitAndWait("zhongguancun", first.get("id").asLong());

        List<String> good = RosterFiles.person();
        List<String> wrongCheck = RosterFiles.person();
        String id = wrongCheck.get(2);
        wrongCheck.set(2, id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0'));
        List<String> under16 = RosterFiles.person();
        under16.set(2, "110108" + java.time.LocalDate.now().minusYears(10).toString().replace("-", "") + "123");
        under16.set(2, under16.get(2) + org.unionhub.common.IdNumber.checkCharacterFor(under16.get(2)));
        under16.set(3, "");
        List<String> noSuchDate = RosterFiles.person();
        noSuchDate.set(2, "11010819900230123" + org.unionhub.common.IdNumber.checkCharacterFor("11010819900230123"));
        noSuchDate.set(3, "");
        List<String> shortPhone = RosterFiles.person();
        shortPhone.set(4, "1381234");
        List<String> longName = RosterFiles.person();
        longName.set(0, "张".repeat(500));
        List<String> script = RosterFiles.person();
        script.set(0, "<script>alert(1)</script>");
        List<String> badCodes = RosterFiles.person();
        badCodes.set(5, "博士后");
        badCodes.set(9, "也许");
        List<String> sexMismatch = RosterFiles.person();
        sexMismatch.set(3, sexMismatch.get(3).equals("男") ? "女" : "男");
        List<String> outOfScope = RosterFiles.person();
        outOfScope.set(10, String.valueOf(tree.org(TestTree.CHONGWAI_JOINT)));
        List<String> notAUnion = RosterFiles.person();
        notAUnion.set(10, String.valueOf(tree.org(TestTree.ZHONGGUANCUN_STREET)));
        List<String> twiceA = RosterFiles.person();
        List<String> twiceB = RosterFiles.person();
        twiceB.set(2, twiceA.get(2));
        twiceB.set(3, twiceA.get(3));
        List<String> scientificId = RosterFiles.person();
        List<String> numericPhone = RosterFiles.person();
        List<String> elsewhereAgain = new ArrayList<>(memberElsewhere);

        List<List<String>> rows = List.of(good, wrongCheck, under16, noSuchDate, shortPhone, longName, script,
                badCodes, sexMismatch, outOfScope, notAUnion, twiceA, twiceB, scientificId, numericPhone,
                elsewhereAgain);
        List<List<Cell>> cells = new ArrayList<>();
        for (List<String> row : rows) {
            cells.add(RosterFiles.texts(row));
        }
        cells.get(13).set(2, Cell.number(1.10108199001011E17));
        cells.get(14).set(4, Cell.integer(Long.parseLong(numericPhone.get(4))));
        byte[] file = RosterFiles.xlsx(RosterFiles.TEMPLATE, cells);

        JsonNode uploaded = upload("zhongguancun", union.id(), "名册.xlsx", file, status().isCreated());
        long importId = uploaded.get("id").asLong();
        map("zhongguancun", uploaded);
        JsonNode dryRun = awaitStatus("zhongguancun", importId, "VALIDATED");
        Map<String, List<String>> errors = errorsByLine("zhongguancun", importId);
        assertThat(dryRun.get("toCreate").asInt()).as("the good row and the numeric-cell phone; errors: %s", errors)
                .isEqualTo(2);
        assertThat(dryRun.get("inError").asInt()).isEqualTo(14);

        assertThat(errors).doesNotContainKeys("2", "16");
        assertThat(errors.get("3")).containsExactly("idNumber:CHECK_CHARACTER");
        assertThat(errors.get("4")).containsExactly("idNumber:UNDER_16");
        assertThat(errors.get("5")).containsExactly("idNumber:BIRTH_DATE");
        assertThat(errors.get("6")).containsExactly("phone:MOBILE_FORMAT");
        assertThat(errors.get("7")).containsExactly("name:TOO_LONG");
        assertThat(errors.get("8")).containsExactly("name:NAME_CHARACTERS");
        assertThat(errors.get("9")).containsExactlyInAnyOrder("education:UNKNOWN_CODE", "nonBeijingWorker:YES_OR_NO");
        assertThat(errors.get("10")).containsExactly("sex:SEX_MISMATCH");
        assertThat(errors.get("11")).containsExactly("union:NOT_FOUND");
        assertThat(errors.get("12")).containsExactly("union:NOT_A_GRASSROOTS_UNION");
        assertThat(errors.get("13")).containsExactly("idNumber:DUPLICATE_IN_FILE");
        assertThat(errors.get("14")).containsExactly("idNumber:DUPLICATE_IN_FILE");
        assertThat(errors.get("15")).containsExactly("idNumber:SCIENTIFIC_NOTATION");
        assertThat(errors.get("17")).containsExactly("idNumber:MEMBER_OF_ANOTHER_UNION");

        JsonNode page = read(mvc.perform(get("/api/v1/member-imports/{id}/errors", importId).with(basic("zhongguancun")))
                .andExpect(status().isOk()));
        assertThat(page.toString()).contains("证件号码：校验位不正确", "手机号码：须为 11 位中国大陆手机号码",
                "证件号码：在文件中重复出现，重复的各行都不导入（第 13、14 行）", "科学计数法",
                "已是其他工会的会员：请办理会籍接转");

        byte[] errorFile = mvc.perform(get("/api/v1/member-imports/{id}/errors.xlsx", importId)
                        .with(basic("zhongguancun")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<Row> sheet;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(errorFile))) {
            sheet = workbook.getFirstSheet().read();
        }
        assertThat(sheet).hasSize(15);
        assertThat(sheet.get(0).getCellText(11)).isEqualTo("错误");
        assertThat(sheet.get(0).getCellText(2)).isEqualTo("证件号码");
        Row wrongCheckRow = sheet.get(1);
        assertThat(wrongCheckRow.getCellText(0)).isEqualTo(wrongCheck.get(0));
        assertThat(wrongCheckRow.getCell(2).getType()).isEqualTo(CellType.STRING);
        assertThat(wrongCheckRow.getCellText(2)).isEqualTo(wrongCheck.get(2));
        assertThat(wrongCheckRow.getCell(4).getType()).isEqualTo(CellType.STRING);
        assertThat(wrongCheckRow.getCellText(4)).isEqualTo(wrongCheck.get(4));
        assertThat(wrongCheckRow.getCellText(11)).isEqualTo("第 3 行：证件号码：校验位不正确");
        assertThat(sheet.get(6).getCellText(0)).isEqualTo("<script>alert(1)</script>");
        assertThat(sheet.get(13).getCellText(2)).as("the original text of the numeric cell")
                .matches("1\\.\\d+E\\+?17");
        assertThat(tree.auditEvents("zhongguancun", "PERSONAL_DATA_EXPORTED")).isPositive();

        JsonNode done = commitAndWait("zhongguancun", importId);
        assertThat(done.get("created").asInt()).isEqualTo(2);
        assertThat(done.get("failed").asInt()).isEqualTo(14);
        assertThat(membersOfImport(importId)).isEqualTo(2);
        assertThat(tree.jdbc().sql("SELECT name FROM member WHERE import_id = :id").param("id", importId)
                .query(String.class).list()).containsExactlyInAnyOrder(good.get(0), numericPhone.get(0));
        String phone = cipher.decrypt(tree.jdbc().sql("SELECT phone_enc FROM member WHERE name = :n")
                .param("n", numericPhone.get(0)).query(byte[].class).single());
        assertThat(phone).isEqualTo(numericPhone.get(4));
    }

    @Test
    void refusesAFileThatIsNeitherXlsxNorCsvAndOneWithoutRows() throws Exception {
        OrgUnit union = freshUnionOfZhongguancun();
        byte[] oldXls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0};
        JsonNode refused = upload("zhongguancun", union.id(), "old.xls", oldXls, status().isBadRequest());
        assertThat(refused.get("errors").get(0).get("code").asText()).isEqualTo("NOT_XLSX_OR_CSV");
        JsonNode headerOnly = upload("zhongguancun", union.id(), "empty.csv", RosterFiles.csv(List.of()),
                status().isCreated());
        map("zhongguancun", headerOnly);
        JsonNode failed = awaitStatus("zhongguancun", headerOnly.get("id").asLong(), "FAILED");
        assertThat(failed.get("failure").asText()).isEqualTo("EMPTY_FILE");
    }

    // ---- mapping -------------------------------------------------------------------------------------------------

    @Test
    void savesTheMappingPerUnionAndOffersItForTheUnionsNextFile() throws Exception {
        OrgUnit union = freshUnionOfZhongguancun();
        OrgUnit other = freshUnionOfZhongguancun();
        List<String> headers = List.of("编号", "甲", "乙", "丙");
        List<List<String>> rows = new ArrayList<>();
        for (List<String> person : people(2)) {
            rows.add(List.of("1", person.get(2), person.get(0), person.get(4)));
        }
        byte[] file = RosterFiles.csv(headers, rows, StandardCharsets.UTF_8);
        JsonNode first = upload("zhongguancun", union.id(), "a.csv", file, status().isCreated());
        assertThat(first.get("mapping").has("name")).as("nothing to guess from").isFalse();

        mvc.perform(put("/api/v1/member-imports/{id}/mapping", first.get("id").asLong())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"columns\": {\"name\": 2, \"idNumber\": 2}}").with(basic("zhongguancun")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'idNumber')].code").value("COLUMN_USED_TWICE"))
                .andExpect(jsonPath("$.errors[?(@.field == 'phone')].code").value("REQUIRED"));
        mvc.perform(put("/api/v1/member-imports/{id}/mapping", first.get("id").asLong())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"columns\": {\"name\": 2, \"idNumber\": 1, \"phone\": 3}}")
                        .with(basic("zhongguancun")))
                .andExpect(status().isAccepted());
        assertThat(awaitStatus("zhongguancun", first.get("id").asLong(), "VALIDATED").get("toCreate").asInt())
                .isEqualTo(2);

        List<String> reordered = List.of("丙", "乙", "编号", "甲");
        byte[] next = RosterFiles.csv(reordered, List.of(List.of("13900000000", "王五", "2", "x")),
                StandardCharsets.UTF_8);
        JsonNode offered = upload("zhongguancun", union.id(), "b.csv", next, status().isCreated());
        assertThat(offered.get("mapping").get("name").asInt()).isEqualTo(1);
        assertThat(offered.get("mapping").get("idNumber").asInt()).isEqualTo(3);
        assertThat(offered.get("mapping").get("phone").asInt()).isZero();
        JsonNode elsewhere = upload("zhongguancun", other.id(), "b.csv", next, status().isCreated());
        assertThat(elsewhere.get("mapping").has("name")).as("the other union saved nothing").isFalse();
    }

    // ---- dry run -------------------------------------------------------------------------------------------------

    @Test
    void dryRunCountsNewChangedIdenticalAndWrongRowsAndTheCommitAppliesThem() throws Exception {
        OrgUnit union = freshUnionOfZhongguancun();
        List<List<String>> existing = people(4);
        commitAndWait("zhongguancun", validated("zhongguancun", union.id(), RosterFiles.csv(existing)).get("id")
                .asLong());

        List<String> changedPhone = new ArrayList<>(existing.get(0));
        changedPhone.set(4, RosterFiles.uniquePhone());
        List<String> changedSkill = new ArrayList<>(existing.get(1));
        changedSkill.set(7, "技师");
        List<String> identical = existing.get(2);
        List<String> identicalWithEmptyOptionals = new ArrayList<>(existing.get(3));
        identicalWithEmptyOptionals.set(5, "");
        identicalWithEmptyOptionals.set(8, "");
        List<List<String>> rows = new ArrayList<>(List.of(changedPhone, changedSkill, identical,
                identicalWithEmptyOptionals));
        rows.addAll(people(3));
        List<String> wrong = RosterFiles.person();
        wrong.set(4, "12345");
        rows.add(wrong);

        JsonNode dryRun = validated("zhongguancun", union.id(), RosterFiles.csv(rows));
        assertThat(dryRun.get("toCreate").asInt()).isEqualTo(3);
        assertThat(dryRun.get("toUpdate").asInt()).isEqualTo(2);
        assertThat(dryRun.get("toSkip").asInt()).isEqualTo(2);
        assertThat(dryRun.get("inError").asInt()).isEqualTo(1);

        long id = dryRun.get("id").asLong();
        JsonNode done = commitAndWait("zhongguancun", id);
        assertThat(done.get("created").asInt()).isEqualTo(3);
        assertThat(done.get("updated").asInt()).isEqualTo(2);
        assertThat(done.get("skipped").asInt()).isEqualTo(2);
        assertThat(done.get("failed").asInt()).isEqualTo(1);
        var updated = tree.jdbc().sql("SELECT phone_enc, skill_grade, education FROM member WHERE name = :n")
                .param("n", changedPhone.get(0)).query().singleRow();
        assertThat(cipher.decrypt((byte[]) updated.get("phone_enc"))).isEqualTo(changedPhone.get(4));
        assertThat(tree.jdbc().sql("SELECT skill_grade FROM member WHERE name = :n").param("n", changedSkill.get(0))
                .query(String.class).single()).isEqualTo("GRADE_2");
        assertThat(tree.jdbc().sql("SELECT education FROM member WHERE name = :n")
                .param("n", identicalWithEmptyOptionals.get(0)).query(String.class).single())
                .as("an empty cell keeps what the member has").isEqualTo("BACHELOR");
        assertThat(tree.jdbc().sql("SELECT count(*) FROM member WHERE union_id = :u").param("u", union.id())
                .query(Long.class).single()).isEqualTo(7);
    }

    // ---- scope ---------------------------------------------------------------------------------------------------

    @Test
    void cannotImportIntoOrSeeAUnionOutsideTheScope() throws Exception {
        long dongchengUnion = tree.newUnion(tree.org(TestTree.CHONGWAI_STREET)).id();
        byte[] file = RosterFiles.csv(people(1));
        JsonNode refused = upload("zhongguancun", dongchengUnion, "x.csv", file, status().isBadRequest());
        assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("unionId");
        assertThat(refused.get("errors").get(0).get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(tree.jdbc().sql("SELECT count(*) FROM member_import WHERE union_id = :u")
                .param("u", dongchengUnion).query(Long.class).single()).isZero();

        JsonNode theirs = upload("dongcheng", dongchengUnion, "x.csv", file, status().isCreated());
        mvc.perform(get("/api/v1/member-imports/{id}", theirs.get("id").asLong()).with(basic("zhongguancun")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/member-imports/{id}/commit", theirs.get("id").asLong()).with(basic("zhongguancun")))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/member-imports").file(new MockMultipartFile("file", "x.csv", "text/csv", file))
                        .param("unionId", String.valueOf(tree.org(TestTree.ZHONGGUANCUN_JOINT))).with(basic("leader")))
                .andExpect(status().isForbidden());
    }

    // ---- double submits ------------------------------------------------------------------------------------------

    @Test
    void theSameUploadTwiceIsOneJobAndTwoCommitsAreOneCommit() throws Exception {
        OrgUnit union = freshUnionOfZhongguancun();
        byte[] file = RosterFiles.csv(people(60));
        JsonNode first = upload("zhongguancun", union.id(), "名册.csv", file, status().isCreated());
        JsonNode again = upload("zhongguancun", union.id(), "名册.csv", file, status().isOk());
        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
        long id = first.get("id").asLong();
        map("zhongguancun", first);
        awaitStatus("zhongguancun", id, "VALIDATED");

        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> mvc.perform(post("/api/v1/member-imports/{id}/commit", id)
                        .with(basic("zhongguancun"))).andReturn().getResponse().getStatus()));
            }
            assertThat(List.of(answers.get(0).get(), answers.get(1).get())).containsExactlyInAnyOrder(202, 200);
        } finally {
            pool.shutdown();
        }
        awaitStatus("zhongguancun", id, "COMMITTED");
        mvc.perform(post("/api/v1/member-imports/{id}/commit", id).with(basic("zhongguancun")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(60));
        assertThat(membersOfImport(id)).isEqualTo(60);
        assertThat(tree.jdbc().sql("SELECT count(*) FROM member_import WHERE union_id = :u").param("u", union.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    // ---- crash and restart ---------------------------------------------------------------------------------------

    /**
     * Blocks the insert of one row (by its name) until released: a trigger waits for an advisory lock that the test
     * holds. Lets a test catch a batch in the middle of its transaction.
     */
    private final class Trap implements AutoCloseable {

        private static final long KEY = 7_770_001L;
        private final Connection holder;

        Trap(String name) throws Exception {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS import_test_trap (name TEXT PRIMARY KEY)");
                s.execute("""
                        CREATE OR REPLACE FUNCTION import_test_trap() RETURNS trigger AS $$
                        BEGIN
                            IF EXISTS (SELECT 1 FROM import_test_trap WHERE name = NEW.name) THEN
                                PERFORM pg_advisory_xact_lock_shared(%d);
                            END IF;
                            RETURN NEW;
                        END $$ LANGUAGE plpgsql""".formatted(KEY));
                s.execute("DROP TRIGGER IF EXISTS import_test_trap ON member");
                s.execute("CREATE TRIGGER import_test_trap BEFORE INSERT ON member FOR EACH ROW "
                        + "EXECUTE FUNCTION import_test_trap()");
            }
            holder = dataSource.getConnection();
            try (Statement s = holder.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + KEY + ")");
            }
            tree.jdbc().sql("INSERT INTO import_test_trap (name) VALUES (:n)").param("n", name).update();
        }

        /** The backend of the batch that is waiting in the trap, once one is. */
        int awaitCaught() {
            int[] pid = {0};
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                pid[0] = tree.jdbc().sql("""
                                SELECT coalesce(max(pid), 0) FROM pg_locks
                                 WHERE locktype = 'advisory' AND objid = :key AND NOT granted""")
                        .param("key", KEY).query(Integer.class).single();
                return pid[0] != 0;
            });
            return pid[0];
        }

        /** From now on nothing is caught (a batch already waiting still waits for {@link #release()}). */
        void disarm() {
            tree.jdbc().sql("DELETE FROM import_test_trap").update();
        }

        void release() throws Exception {
            try (Statement s = holder.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + KEY + ")");
            }
        }

        @Override
        public void close() throws Exception {
            disarm();
            release();
            holder.close();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER IF EXISTS import_test_trap ON member");
            }
        }
    }

    private List<List<String>> peopleWithMarkerAt(int count, int markerIndex, String marker) {
        List<List<String>> rows = people(count);
        rows.get(markerIndex).set(0, marker);
        return rows;
    }

    @Test
    void aBatchKilledInTheMiddleIsRedoneAndTheImportEndsWithTheExactRows() throws Exception {
        int batch = properties.batchSize();
        OrgUnit union = freshUnionOfZhongguancun();
        String marker = RosterFiles.uniqueName("中断");
        List<List<String>> rows = peopleWithMarkerAt(10 * batch, 4 * batch + 30, marker);
        long id = validated("zhongguancun", union.id(), RosterFiles.csv(rows)).get("id").asLong();
        try (Trap trap = new Trap(marker)) {
            mvc.perform(post("/api/v1/member-imports/{id}/commit", id).with(basic("zhongguancun")))
                    .andExpect(status().isAccepted());
            int backend = trap.awaitCaught();
            assertThat(job("zhongguancun", id).get("committedRows").asInt()).isEqualTo(4 * batch);
            assertThat(membersOfImport(id)).isEqualTo(4 * batch);
            trap.disarm();
            assertThat(tree.jdbc().sql("SELECT pg_terminate_backend(:pid)").param("pid", backend)
                    .query(Boolean.class).single()).isTrue();
            trap.release();
        }
        JsonNode done = awaitStatus("zhongguancun", id, "COMMITTED");
        assertThat(done.get("committedRows").asInt()).isEqualTo(10 * batch);
        assertThat(done.get("created").asInt()).isEqualTo(10 * batch);
        assertThat(membersOfImport(id)).isEqualTo(10 * batch);
        assertThat(distinctPeopleOfImport(id)).isEqualTo(10 * batch);
        assertThat(historyOfImport(id)).isEqualTo(10 * batch);
        List<MembersImported> published = events.of(union.id());
        assertThat(published).hasSize(10);
        assertThat(published).allMatch(e -> e.count() == batch);
    }

    @Test
    void aWorkerStoppedBetweenBatchesLeavesTheRestToTheNextWorker() throws Exception {
        int batch = properties.batchSize();
        OrgUnit union = freshUnionOfZhongguancun();
        String marker = RosterFiles.uniqueName("停止");
        List<List<String>> rows = peopleWithMarkerAt(8 * batch, 2 * batch + 10, marker);
        long id = validated("zhongguancun", union.id(), RosterFiles.csv(rows)).get("id").asLong();
        ImportWorker restarted = new ImportWorker(jobs, properties);
        try {
            try (Trap trap = new Trap(marker)) {
                mvc.perform(post("/api/v1/member-imports/{id}/commit", id).with(basic("zhongguancun")))
                        .andExpect(status().isAccepted());
                trap.awaitCaught();
                CompletableFuture<Void> stopping = CompletableFuture.runAsync(worker::stop);
                await().atMost(Duration.ofSeconds(10)).until(() -> !worker.isRunning());
                trap.release();
                stopping.get();
            }
            JsonNode stopped = job("zhongguancun", id);
            assertThat(stopped.get("status").asText()).isEqualTo("COMMITTING");
            assertThat(stopped.get("committedRows").asInt()).as("the batch in flight was finished").isEqualTo(3 * batch);
            assertThat(membersOfImport(id)).isEqualTo(3 * batch);

            restarted.start();
            JsonNode done = awaitStatus("zhongguancun", id, "COMMITTED");
            assertThat(done.get("created").asInt()).isEqualTo(8 * batch);
        } finally {
            restarted.stop();
            worker.start();
        }
        assertThat(membersOfImport(id)).isEqualTo(8 * batch);
        assertThat(distinctPeopleOfImport(id)).isEqualTo(8 * batch);
        List<MembersImported> published = events.of(union.id());
        assertThat(published).hasSize(8);
        assertThat(published.stream().mapToInt(MembersImported::count).sum()).isEqualTo(8 * batch);
    }

    /**
     * The planner must know a new import's staging rows when the duplicate check runs: with the statistics of earlier
     * imports only, it took the new id for a rare value, estimated one row and re-grouped the whole file for every
     * row (a second million-row import in the benchmark ran for hours).
     */
    @Test
    void theDuplicateCheckPlansWithStatisticsThatKnowTheNewImport() throws Exception {
        OrgUnit union = freshUnionOfZhongguancun();
        validated("zhongguancun", union.id(), RosterFiles.csv(people(50)));
        long second = validated("zhongguancun", union.id(), RosterFiles.csv(people(1500))).get("id").asLong();

        String plan = tree.jdbc().sql("EXPLAIN (FORMAT JSON) SELECT * FROM member_import_row WHERE import_id = :id")
                .param("id", second).query(String.class).single();
        long estimated = json.readTree(plan).get(0).get("Plan").get("Plan Rows").asLong();
        assertThat(estimated).isGreaterThan(500);
    }
}

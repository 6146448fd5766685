package org.unionhub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionhub.TestTree.basic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.common.IdNumber;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.organisation.EnterpriseInput;
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;

/**
 * The roster against the embedded PostgreSQL: members are made the way workers become members (an application,
 * approved by staff of the handling union), then searched, filtered, revealed and exported by staff of different
 * scopes and roles.
 */
@UnionHubTest
class RosterTests {

    /** Unique within the run (and across kept databases, by its random start): names, ID numbers, phones. */
    private static final AtomicLong SERIAL = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));
    private static final String HAN_DIGITS = "零一二三四五六七八九";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    ObjectMapper json;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    OrgTree orgs;

    @Autowired
    Clock clock;

    @Autowired
    MembershipApplications applications;

    /** A member as made: the clear values the roster must only show masked. */
    record Made(String memberNo, String name, String idNumber, String phone) {

        String idMasked() {
            return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
        }

        String phoneMasked() {
            return phone.substring(0, 3) + "****" + phone.substring(7);
        }
    }

    // ---- making members ------------------------------------------------------------------------------------------

    /** A name nobody else has: the prefix and a serial in Chinese numerals (names may not hold digits). */
    private static String uniqueName(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (char c : String.valueOf(SERIAL.incrementAndGet()).toCharArray()) {
            name.append(HAN_DIGITS.charAt(c - '0'));
        }
        return name.toString();
    }

    private static String uniqueResidentId() {
        long n = SERIAL.incrementAndGet();
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays((n / 1000) % 10_950);
        String first17 = "110105" + born.toString().replace("-", "") + String.format("%03d", n % 1000);
        return first17 + IdNumber.checkCharacterFor(first17);
    }

    private static String uniquePhone() {
        return "139" + String.format("%08d", SERIAL.incrementAndGet() % 100_000_000);
    }

    /** A gig worker of the street (a mobile member of its joint union), approved by {@code approver}. */
    private Made gigWorker(String name, String street, String approver) throws Exception {
        return join(name, uniquePhone(), Map.of("occupation", "FOOD_DELIVERY_RIDER",
                "workStreetId", tree.org(street)), approver);
    }

    /** An employee of a small shop in the street (a member of its joint union, not mobile). */
    private Made shopWorker(String name, String street, String approver) throws Exception {
        return join(name, uniquePhone(), Map.of("employerName", "测试便利店", "workStreetId", tree.org(street)),
                approver);
    }

    private Made join(String name, String phone, Map<String, Object> work, String approver) throws Exception {
        Map<String, Object> body = new HashMap<>(work);
        String idNumber = uniqueResidentId();
        body.put("name", name);
        body.put("idType", "RESIDENT_ID");
        body.put("idNumber", idNumber);
        body.put("phone", phone);
        body.put("consent", true);
        String applicationNo = read(mvc.perform(post("/api/v1/membership-applications")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("applicationNo").asText();
        String memberNo = read(mvc.perform(post("/api/v1/membership-applications/{no}/approve", applicationNo)
                        .with(basic(approver)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .get("memberNo").asText();
        return new Made(memberNo, name, idNumber, phone);
    }

    private JsonNode read(String body) throws IOException {
        return json.readTree(body);
    }

    // ---- reading the roster --------------------------------------------------------------------------------------

    /** Member numbers of one API page. */
    private List<String> apiMembers(String staff, String query) throws Exception {
        JsonNode page = apiPage(staff, query);
        List<String> numbers = new ArrayList<>();
        page.get("members").forEach(m -> numbers.add(m.get("memberNo").asText()));
        return numbers;
    }

    private JsonNode apiPage(String staff, String query) throws Exception {
        return read(mvc.perform(get("/api/v1/members?" + query).with(basic(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private byte[] export(MockHttpSession session, Map<String, String> form) throws Exception {
        MockHttpServletRequestBuilder request = post("/members/export.xlsx").session(session).with(csrf());
        form.forEach(request::param);
        return mvc.perform(request).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType(XLSX))
                .andReturn().getResponse().getContentAsByteArray();
    }

    /** The cells of every row, each with its type; the first row is the header. */
    private static List<List<Cell>> sheet(byte[] xlsx) throws IOException {
        List<List<Cell>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
                var stream = workbook.getFirstSheet().openStream()) {
            stream.forEach((Row row) -> {
                List<Cell> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(new Cell(cell.getType(), cell.getText())));
                rows.add(cells);
            });
        }
        return rows;
    }

    private record Cell(CellType type, String text) {
    }

    private static List<String> texts(List<Cell> row) {
        return row.stream().map(Cell::text).toList();
    }

    private long audits(String actor, String action, String target) {
        return tree.jdbc().sql("SELECT count(*) FROM audit_event WHERE actor = :a AND action = :x AND target = :t")
                .param("a", actor).param("x", action).param("t", target).query(Long.class).single();
    }

    private long auditsMentioning(String text) {
        return tree.jdbc().sql("""
                        SELECT count(*) FROM audit_event
                         WHERE coalesce(detail, '') LIKE '%' || :v || '%' OR coalesce(target, '') LIKE '%' || :v || '%'
                        """)
                .param("v", text).query(Long.class).single();
    }

    private void setJoinedOn(String memberNo, LocalDate day) {
        tree.jdbc().sql("UPDATE member SET joined_on = :d WHERE member_no = :n").param("d", day).param("n", memberNo)
                .update();
    }

    // ---- search and filters --------------------------------------------------------------------------------------

    @Test
    void findsMembersByPartOfTheirNameOrByTheirMemberNumber() throws Exception {
        Made a = gigWorker(uniqueName("名册甲"), TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        Made b = gigWorker(uniqueName("名册甲"), TestTree.ZHONGGUANCUN_STREET, "zhongguancun");

        assertThat(apiMembers("haidian", "q=" + a.name().substring(2))).containsExactly(a.memberNo());
        assertThat(apiMembers("haidian", "q=" + a.memberNo())).containsExactly(a.memberNo());
        assertThat(apiMembers("haidian", "q=" + b.memberNo().toLowerCase())).containsExactly(b.memberNo());
        assertThat(apiMembers("haidian", "q=名册甲")).contains(a.memberNo(), b.memberNo());
        assertThat(apiMembers("haidian", "q=100%25")).isEmpty();
    }

    @Test
    void filtersByUnionAndThoseBelowItByStatusMobileMembershipAndJoiningDate() throws Exception {
        String prefix = uniqueName("筛选");
        Made rider = gigWorker(prefix + "甲", TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        Made clerk = shopWorker(prefix + "乙", TestTree.XUEYUANLU_STREET, "haidian");
        setJoinedOn(rider.memberNo(), LocalDate.of(2020, 1, 15));
        tree.jdbc().sql("UPDATE member SET status = 'ENDED' WHERE member_no = :n").param("n", clerk.memberNo()).update();
        String q = "q=" + prefix + "&";

        assertThat(apiMembers("haidian", q)).containsExactly(clerk.memberNo(), rider.memberNo());
        assertThat(apiMembers("haidian", q + "unionId=" + tree.org(TestTree.ZHONGGUANCUN_JOINT)))
                .containsExactly(rider.memberNo());
        assertThat(apiMembers("haidian", q + "unionId=" + tree.org(TestTree.ZHONGGUANCUN_STREET)))
                .containsExactly(rider.memberNo());
        assertThat(apiMembers("haidian", q + "unionId=" + tree.org(TestTree.HAIDIAN)))
                .containsExactly(clerk.memberNo(), rider.memberNo());
        assertThat(apiMembers("haidian", q + "status=ENDED")).containsExactly(clerk.memberNo());
        assertThat(apiMembers("haidian", q + "status=ACTIVE")).containsExactly(rider.memberNo());
        assertThat(apiMembers("haidian", q + "mobileOnly=true")).containsExactly(rider.memberNo());
        assertThat(apiMembers("haidian", q + "joinedFrom=2020-01-01&joinedTo=2020-01-31"))
                .containsExactly(rider.memberNo());
        assertThat(apiMembers("haidian", q + "joinedFrom=2020-01-15&joinedTo=2020-01-15"))
                .containsExactly(rider.memberNo());
        assertThat(apiMembers("haidian", q + "joinedFrom=2020-01-16")).containsExactly(clerk.memberNo());

        mvc.perform(get("/api/v1/members?status=GONE").with(basic("haidian")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_CODE"));
        mvc.perform(get("/api/v1/members?joinedFrom=2024-02-01&joinedTo=2024-01-01").with(basic("haidian")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("joinedTo"))
                .andExpect(jsonPath("$.errors[0].code").value("BEFORE_START"));
        mvc.perform(get("/api/v1/members?joinedFrom=yesterday").with(basic("haidian")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("joinedFrom"));
        mvc.perform(get("/api/v1/members?page=0").with(basic("haidian")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));

        MockHttpSession session = TestTree.consoleSession(mvc, "haidian");
        assertThat(page(session, "/members?joinedFrom=yesterday&q=" + prefix)).contains("入会日期起：格式不正确")
                .doesNotContain(rider.memberNo());
        assertThat(page(session, "/members?joinedFrom=2024-02-01&joinedTo=2024-01-01"))
                .contains("入会日期止：不能早于开始日期");
        String filtered = page(session, "/members?q=" + prefix + "&status=ENDED");
        assertThat(filtered).contains(clerk.memberNo()).doesNotContain(rider.memberNo());
    }

    @Test
    void pagesFiftyAtATimeNewestFirst() throws Exception {
        String prefix = uniqueName("翻页");
        List<Made> made = new ArrayList<>();
        StaffPrincipal approver = tree.principal("zhongguancun");
        for (int i = 0; i < 51; i++) {
            String idNumber = uniqueResidentId();
            String phone = uniquePhone();
            String name = prefix + uniqueName("员");
            String applicationNo = applications.submit(UUID.randomUUID().toString(), new ApplicationInput(name,
                    "RESIDENT_ID", idNumber, phone, null, null, "COURIER", tree.org(TestTree.ZHONGGUANCUN_STREET),
                    null, null, true)).application().applicationNo();
            made.add(new Made(applications.approve(approver, applicationNo), name, idNumber, phone));
        }
        Made longAgo = made.get(50);
        setJoinedOn(longAgo.memberNo(), LocalDate.of(2019, 6, 1));

        JsonNode first = apiPage("zhongguancun", "q=" + prefix);
        JsonNode second = apiPage("zhongguancun", "q=" + prefix + "&page=2");
        assertThat(first.get("members")).hasSize(50);
        assertThat(first.get("hasNext").asBoolean()).isTrue();
        assertThat(first.get("pageSize").asInt()).isEqualTo(50);
        assertThat(second.get("members")).hasSize(1);
        assertThat(second.get("hasNext").asBoolean()).isFalse();
        assertThat(second.get("members").get(0).get("memberNo").asText()).isEqualTo(longAgo.memberNo());
        List<String> expected = new ArrayList<>(made.subList(0, 50).stream().map(Made::memberNo).toList());
        java.util.Collections.reverse(expected);
        List<String> shown = new ArrayList<>();
        first.get("members").forEach(m -> shown.add(m.get("memberNo").asText()));
        assertThat(shown).containsExactlyElementsOf(expected);

        MockHttpSession session = TestTree.consoleSession(mvc, "zhongguancun");
        String html = page(session, "/members?q=" + prefix);
        assertThat(html).contains("page=2").contains(expected.get(0)).doesNotContain(longAgo.memberNo());
        String fragment = mvc.perform(get("/members?q=" + prefix + "&page=2").session(session)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains(longAgo.memberNo()).contains("page=1").doesNotContain("<html");
    }

    // ---- scope ---------------------------------------------------------------------------------------------------

    @Test
    void staffSeeMembersOfTheirSubtreeOnlyAndAnythingElseIsNotFound() throws Exception {
        Made dongcheng = gigWorker(uniqueName("东城会员"), TestTree.CHONGWAI_STREET, "dongcheng");
        Made haidian = gigWorker(uniqueName("海淀会员"), TestTree.ZHONGGUANCUN_STREET, "zhongguancun");

        assertThat(apiMembers("zhongguancun", "q=" + dongcheng.name())).isEmpty();
        assertThat(apiMembers("zhongguancun", "q=" + dongcheng.memberNo())).isEmpty();
        assertThat(apiMembers("haidian", "q=" + dongcheng.name())).isEmpty();
        assertThat(apiMembers("dongcheng", "q=" + dongcheng.name())).containsExactly(dongcheng.memberNo());
        assertThat(apiMembers("dongcheng", "q=" + haidian.name())).isEmpty();
        assertThat(apiMembers("admin", "q=" + dongcheng.name())).containsExactly(dongcheng.memberNo());

        mvc.perform(get("/api/v1/members?unionId=" + tree.org(TestTree.CHONGWAI_JOINT)).with(basic("zhongguancun")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/members?unionId=" + TestTree.MISSING_ID).with(basic("zhongguancun")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/members/{no}/reveal", dongcheng.memberNo()).with(basic("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"ID_NUMBER\"}"))
                .andExpect(status().isNotFound());
        assertThat(audits("zhongguancun", "PERSONAL_FIELD_REVEALED", dongcheng.memberNo())).isZero();

        MockHttpSession session = TestTree.consoleSession(mvc, "zhongguancun");
        assertThat(page(session, "/members?q=" + dongcheng.name())).doesNotContain(dongcheng.memberNo());
        assertThat(page(session, "/members")).doesNotContain(dongcheng.memberNo());
        mvc.perform(get("/members/{no}", dongcheng.memberNo()).session(session)).andExpect(status().isNotFound());
        mvc.perform(post("/members/{no}/reveal", dongcheng.memberNo()).param("field", "PHONE").session(session)
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/members?unionId=" + tree.org(TestTree.CHONGWAI_JOINT)).session(session))
                .andExpect(status().isNotFound());
        List<String> exported = sheet(export(session, Map.of())).stream().map(r -> r.get(0).text()).toList();
        assertThat(exported).contains(haidian.memberNo()).doesNotContain(dongcheng.memberNo());
    }

    // ---- masking -------------------------------------------------------------------------------------------------

    @Test
    void personalFieldsAreMaskedInTheListThePageTheApiAndTheDefaultExport() throws Exception {
        Made m = join(uniqueName("遮蔽"), "13812345678", Map.of("occupation", "COURIER",
                "workStreetId", tree.org(TestTree.ZHONGGUANCUN_STREET)), "zhongguancun");
        assertThat(m.phoneMasked()).isEqualTo("138****5678");
        MockHttpSession session = TestTree.consoleSession(mvc, "zhongguancun");

        String list = page(session, "/members?q=" + m.memberNo());
        assertThat(list).contains(m.memberNo(), m.idMasked(), "138****5678")
                .doesNotContain(m.idNumber()).doesNotContain("13812345678");
        String show = page(session, "/members/" + m.memberNo());
        assertThat(show).contains(m.name(), m.idMasked(), "138****5678", "显示")
                .doesNotContain(m.idNumber()).doesNotContain("13812345678");
        String api = mvc.perform(get("/api/v1/members?q=" + m.memberNo()).with(basic("zhongguancun")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[0].idNumberMasked").value(m.idMasked()))
                .andExpect(jsonPath("$.members[0].phoneMasked").value("138****5678"))
                .andExpect(jsonPath("$.members[0].unionName").value(TestTree.ZHONGGUANCUN_JOINT))
                .andExpect(jsonPath("$.members[0].mobileMember").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(api).doesNotContain(m.idNumber()).doesNotContain("13812345678");

        List<List<Cell>> rows = sheet(export(session, Map.of("q", m.memberNo())));
        assertThat(rows).hasSize(2);
        assertThat(texts(rows.get(1))).containsExactly(m.memberNo(), m.name(), m.idMasked(), "138****5678",
                TestTree.ZHONGGUANCUN_JOINT, "正常", "是", LocalDate.now(clock).toString(), "网上申请");
        assertThat(audits("zhongguancun", "PERSONAL_DATA_EXPORTED", String.valueOf(tree.org(
                TestTree.ZHONGGUANCUN_STREET)))).isPositive();
    }

    // ---- reveal --------------------------------------------------------------------------------------------------

    @Test
    void revealingShowsTheClearValueAndRecordsExactlyOneAuditEntryWithoutIt() throws Exception {
        Made m = gigWorker(uniqueName("查看"), TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        MockHttpSession session = TestTree.consoleSession(mvc, "zhongguancun");

        String fragment = mvc.perform(post("/members/{no}/reveal", m.memberNo()).param("field", "ID_NUMBER")
                        .header("HX-Request", "true").session(session).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains(m.idNumber()).contains("已记入审计日志").doesNotContain("<html");
        assertThat(audits("zhongguancun", "PERSONAL_FIELD_REVEALED", m.memberNo())).isEqualTo(1);
        assertThat(tree.jdbc().sql("""
                        SELECT detail FROM audit_event
                         WHERE actor = 'zhongguancun' AND action = 'PERSONAL_FIELD_REVEALED' AND target = :t
                        """).param("t", m.memberNo()).query(String.class).single()).isEqualTo("ID_NUMBER");

        mvc.perform(post("/api/v1/members/{no}/reveal", m.memberNo()).with(basic("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"PHONE\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(m.phone()));
        assertThat(audits("zhongguancun", "PERSONAL_FIELD_REVEALED", m.memberNo())).isEqualTo(2);

        String page = mvc.perform(post("/members/{no}/reveal", m.memberNo()).param("field", "PHONE")
                        .session(session).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html").contains(m.phone()).contains(m.idMasked()).doesNotContain(m.idNumber());
        assertThat(audits("zhongguancun", "PERSONAL_FIELD_REVEALED", m.memberNo())).isEqualTo(3);

        assertThat(auditsMentioning(m.idNumber())).isZero();
        assertThat(auditsMentioning(m.phone())).isZero();

        mvc.perform(post("/api/v1/members/{no}/reveal", m.memberNo()).with(basic("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"NAME\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("field"));
        mvc.perform(post("/api/v1/members/{no}/reveal", m.memberNo()).with(basic("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
        mvc.perform(post("/members/{no}/reveal", m.memberNo()).param("field", "PHONE").session(session))
                .andExpect(status().isForbidden());
        assertThat(audits("zhongguancun", "PERSONAL_FIELD_REVEALED", m.memberNo())).isEqualTo(3);
    }

    @Test
    void aLeaderSeesTheRosterMaskedButCannotRevealNorExportUnmasked() throws Exception {
        Made m = gigWorker(uniqueName("领导"), TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        MockHttpSession session = TestTree.consoleSession(mvc, "leader");

        mvc.perform(post("/api/v1/members/{no}/reveal", m.memberNo()).with(basic("leader"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"ID_NUMBER\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/members/{no}/reveal", m.memberNo()).param("field", "ID_NUMBER").session(session)
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/members/{no}/reveal", m.memberNo()).with(basic("centre"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"PHONE\"}"))
                .andExpect(status().isForbidden());
        assertThat(audits("leader", "PERSONAL_FIELD_REVEALED", m.memberNo())).isZero();

        String show = page(session, "/members/" + m.memberNo());
        assertThat(show).contains(m.idMasked()).doesNotContain("/reveal").doesNotContain(m.idNumber());
        String list = page(session, "/members?q=" + m.memberNo());
        assertThat(list).contains(m.memberNo()).doesNotContain("name=\"unmasked\"");

        long exportsBefore = tree.auditEvents("leader", "PERSONAL_DATA_EXPORTED");
        mvc.perform(post("/members/export.xlsx").param("q", m.memberNo()).param("unmasked", "true")
                .session(session).with(csrf())).andExpect(status().isForbidden());
        assertThat(tree.auditEvents("leader", "PERSONAL_DATA_EXPORTED")).isEqualTo(exportsBefore);

        List<List<Cell>> rows = sheet(export(session, Map.of("q", m.memberNo())));
        assertThat(texts(rows.get(1))).contains(m.idMasked(), m.phoneMasked())
                .doesNotContain(m.idNumber(), m.phone());
        assertThat(tree.auditEvents("leader", "PERSONAL_DATA_EXPORTED")).isEqualTo(exportsBefore + 1);
        assertThat(tree.jdbc().sql("""
                        SELECT detail FROM audit_event WHERE actor = 'leader' AND action = 'PERSONAL_DATA_EXPORTED'
                         ORDER BY id DESC LIMIT 1
                        """).query(String.class).single()).isEqualTo("rows=1; unmasked=false");
    }

    // ---- export --------------------------------------------------------------------------------------------------

    @Test
    void anUnmaskedExportHoldsTheClearValuesAsTextAndIsAudited() throws Exception {
        String prefix = uniqueName("导出");
        Made rider = gigWorker(prefix + "甲", TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        Made clerk = shopWorker(prefix + "乙", TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        MockHttpSession session = TestTree.consoleSession(mvc, "zhongguancun");
        long scopeRoot = tree.org(TestTree.ZHONGGUANCUN_STREET);
        long before = audits("zhongguancun", "PERSONAL_DATA_EXPORTED", String.valueOf(scopeRoot));

        List<List<Cell>> rows = sheet(export(session, Map.of("q", prefix, "unmasked", "true")));

        assertThat(texts(rows.get(0))).containsExactlyElementsOf(Roster.COLUMNS);
        assertThat(rows).hasSize(3);
        for (List<Cell> row : rows) {
            assertThat(row).hasSize(Roster.COLUMNS.size()).allMatch(c -> c.type() == CellType.STRING);
        }
        assertThat(texts(rows.get(1))).containsExactly(clerk.memberNo(), clerk.name(), clerk.idNumber(),
                clerk.phone(), TestTree.ZHONGGUANCUN_JOINT, "正常", "否", LocalDate.now(clock).toString(), "网上申请");
        assertThat(texts(rows.get(2))).containsExactly(rider.memberNo(), rider.name(), rider.idNumber(),
                rider.phone(), TestTree.ZHONGGUANCUN_JOINT, "正常", "是", LocalDate.now(clock).toString(), "网上申请");
        assertThat(audits("zhongguancun", "PERSONAL_DATA_EXPORTED", String.valueOf(scopeRoot))).isEqualTo(before + 1);
        assertThat(tree.jdbc().sql("""
                        SELECT detail FROM audit_event WHERE actor = 'zhongguancun' AND action = 'PERSONAL_DATA_EXPORTED'
                         ORDER BY id DESC LIMIT 1
                        """).query(String.class).single()).isEqualTo("rows=2; unmasked=true");

        long union = tree.org(TestTree.ZHONGGUANCUN_JOINT);
        long unionExports = audits("zhongguancun", "PERSONAL_DATA_EXPORTED", String.valueOf(union));
        List<List<Cell>> masked = sheet(export(session, Map.of("q", prefix, "unionId", String.valueOf(union),
                "mobileOnly", "true")));
        assertThat(masked).hasSize(2);
        assertThat(texts(masked.get(1))).contains(rider.idMasked(), rider.phoneMasked()).doesNotContain(rider.phone());
        assertThat(audits("zhongguancun", "PERSONAL_DATA_EXPORTED", String.valueOf(union))).isEqualTo(unionExports + 1);
        assertThat(auditsMentioning(rider.idNumber())).isZero();
    }

    // ---- logs and markup -----------------------------------------------------------------------------------------

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void noDocumentNumberOrPhoneReachesTheLogEvenAtDebug(CapturedOutput output) throws Exception {
        Made m = gigWorker(uniqueName("日志"), TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        MockHttpSession session = TestTree.consoleSession(mvc, "zhongguancun");
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        int from = output.getAll().length();
        try {
            logging.setLogLevel("org.unionhub", LogLevel.DEBUG);
            logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
            logging.setLogLevel("org.springframework.jdbc", LogLevel.DEBUG);
            page(session, "/members?q=" + m.name());
            page(session, "/members/" + m.memberNo());
            apiMembers("zhongguancun", "q=" + m.memberNo());
            for (String field : List.of("ID_NUMBER", "PHONE")) {
                mvc.perform(post("/members/{no}/reveal", m.memberNo()).param("field", field)
                        .header("HX-Request", "true").session(session).with(csrf())).andExpect(status().isOk());
                mvc.perform(post("/api/v1/members/{no}/reveal", m.memberNo()).with(basic("zhongguancun"))
                                .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"" + field + "\"}"))
                        .andExpect(status().isOk());
            }
            export(session, Map.of("q", m.memberNo(), "unmasked", "true"));
        } finally {
            logging.setLogLevel("org.unionhub", null);
            logging.setLogLevel("org.springframework.web", null);
            logging.setLogLevel("org.springframework.jdbc", null);
        }
        String logged = output.getAll().substring(from);
        assertThat(logged).as("debug logging was on").contains("RosterApiController").contains("Revealed");
        assertThat(logged).doesNotContain(m.idNumber()).doesNotContain(m.phone())
                .doesNotContain(m.idNumber().substring(6, 14));
    }

    @Test
    void aNameWithMarkupIsShownAsText() throws Exception {
        Made m = gigWorker(uniqueName("标记"), TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        tree.jdbc().sql("UPDATE member SET name = '<script>alert(1)</script>' WHERE member_no = :n")
                .param("n", m.memberNo()).update();
        MockHttpSession session = TestTree.consoleSession(mvc, "zhongguancun");

        String list = page(session, "/members?q=" + m.memberNo());
        assertThat(list).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        String show = page(session, "/members/" + m.memberNo());
        assertThat(show).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(apiMembers("zhongguancun", "q=<script>")).contains(m.memberNo());
        assertThat(page(session, "/members?lang=en&q=" + m.memberNo())).contains("Member roster", "Export to Excel")
                .contains("&lt;script&gt;");
    }

    // ---- moves ---------------------------------------------------------------------------------------------------

    @Test
    void membersMoveWithTheirUnionWhenItsSubtreeMoves() throws Exception {
        long city = tree.org(TestTree.CITY);
        OrgUnit union = tree.newUnion(tree.org(TestTree.ZHONGGUANCUN_STREET));
        String creditCode = TestTree.companyCreditCode("110108");
        enterprises.create(new OrgScope(city), new EnterpriseInput(uniqueName("迁移企业"), creditCode, null,
                tree.org(TestTree.ZHONGGUANCUN_STREET), null, null, null, 20, null, null, null, union.id(),
                LocalDate.of(2020, 1, 1)));
        Made m = join(uniqueName("迁移"), uniquePhone(), Map.of("employerCreditCode", creditCode,
                "workStreetId", tree.org(TestTree.ZHONGGUANCUN_STREET)), "zhongguancun");
        assertThat(apiMembers("zhongguancun", "q=" + m.memberNo())).containsExactly(m.memberNo());
        assertThat(apiMembers("dongcheng", "q=" + m.memberNo())).isEmpty();

        orgs.move(new OrgScope(city), union.id(), tree.org(TestTree.CHONGWAI_STREET), "admin", "测试迁移");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(apiMembers("dongcheng", "q=" + m.memberNo())).containsExactly(m.memberNo()));
        assertThat(apiMembers("zhongguancun", "q=" + m.memberNo())).isEmpty();
        mvc.perform(post("/api/v1/members/{no}/reveal", m.memberNo()).with(basic("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"PHONE\"}"))
                .andExpect(status().isNotFound());
    }
}

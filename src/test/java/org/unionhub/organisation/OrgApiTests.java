package org.unionhub.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionhub.TestTree.basic;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.identity.Role;
import org.unionhub.identity.StaffAccount;

/** The organisation API: validation of every field, names as data, subtree moves and search. */
@UnionHubTest
class OrgApiTests {

    private static final String TOO_LONG_NAME = "工".repeat(101);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree data;

    @Autowired
    ObjectMapper json;

    @Autowired
    MessageSource messages;

    // ---- create and update: every bad input is refused with 400 and nothing is stored ---------------------------

    /** One bad input: a change to an otherwise valid body, and the error it must produce. */
    record BadInput(String description, Consumer<Map<String, Object>> change, String field, String code) {

        @Override
        public String toString() {
            return description + " → " + field + " " + code;
        }
    }

    static Stream<BadInput> badCreateInputs() {
        return Stream.of(
                new BadInput("blank name", b -> b.put("name", "   "), "name", "REQUIRED"),
                new BadInput("no name", b -> b.remove("name"), "name", "REQUIRED"),
                new BadInput("101-character name", b -> b.put("name", TOO_LONG_NAME), "name", "TOO_LONG"),
                new BadInput("no kind", b -> b.remove("kind"), "kind", "REQUIRED"),
                new BadInput("a DISTRICT under a street", b -> b.put("kind", "DISTRICT"), "kind",
                        "KIND_NOT_ALLOWED_UNDER_PARENT"),
                new BadInput("no parent", b -> b.remove("parentId"), "parentId", "REQUIRED"),
                new BadInput("a parent that does not exist", b -> b.put("parentId", TestTree.MISSING_ID), "parentId",
                        "NOT_FOUND"),
                new BadInput("division code of 5 digits", b -> b.put("divisionCode", "11010"), "divisionCode",
                        "LENGTH"),
                new BadInput("division code with a letter", b -> b.put("divisionCode", "1101O8011"), "divisionCode",
                        "CHARSET"),
                new BadInput("credit code with a wrong check character",
                        b -> b.put("creditCode", TestTree.withWrongCheckCharacter(TestTree.unionCreditCode("110108"))),
                        "creditCode", "CHECK_CHARACTER"),
                new BadInput("credit code of 17 characters",
                        b -> b.put("creditCode", TestTree.unionCreditCode("110108").substring(0, 17)), "creditCode",
                        "LENGTH"),
                new BadInput("credit code with an O (not in GB 32100's charset)",
                        b -> b.put("creditCode", "81110108OOOOOOOOO1"), "creditCode", "CHARSET"),
                new BadInput("a company's credit code (9…) for a union",
                        b -> b.put("creditCode", TestTree.companyCreditCode("110108")), "creditCode",
                        "NOT_A_UNION_CODE"),
                new BadInput("a union authority code that is not a grassroots one (82…) for a grassroots union",
                        b -> b.put("creditCode", TestTree.creditCode("82", "110108")), "creditCode",
                        "NOT_A_UNION_CODE"),
                new BadInput("the credit code of 中关村街道联合工会 (duplicate)", b -> b.put("creditCode", "@duplicate"),
                        "creditCode", "DUPLICATE"));
    }

    @ParameterizedTest(name = "create with {0}")
    @MethodSource("badCreateInputs")
    void creatingWithBadInputIsRefusedAndStoresNothing(BadInput bad) throws Exception {
        Map<String, Object> body = validNewUnion();
        bad.change().accept(body);
        fixUp(body);
        long before = data.count("org_unit");

        ResultActions result = mvc.perform(post("/api/v1/orgs").with(basic("haidian"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));

        expectOnlyError(result, bad.field(), bad.code());
        assertThat(data.count("org_unit")).as("nothing stored").isEqualTo(before);
    }

    static Stream<BadInput> badUpdateInputs() {
        return badCreateInputs().filter(b -> !b.field().equals("kind") && !b.field().equals("parentId"));
    }

    @ParameterizedTest(name = "update with {0}")
    @MethodSource("badUpdateInputs")
    void updatingWithBadInputIsRefusedAndChangesNothing(BadInput bad) throws Exception {
        OrgUnit union = data.newUnion(data.org(TestTree.ZHONGGUANCUN_STREET));
        Map<String, Object> body = validNewUnion();
        body.remove("parentId");
        body.remove("kind");
        bad.change().accept(body);
        fixUp(body);

        ResultActions result = mvc.perform(put("/api/v1/orgs/{id}", union.id()).with(basic("haidian"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));

        expectOnlyError(result, bad.field(), bad.code());
        assertThat(data.node(union.id())).as("unchanged").isEqualTo(union);
    }

    @Test
    void aValidUnionIsCreatedWithEveryFieldAndAHundredCharacterNameIsAllowed() throws Exception {
        Map<String, Object> body = validNewUnion();
        String name = "工".repeat(100);
        body.put("name", "  " + name + "  ");
        mvc.perform(post("/api/v1/orgs").with(basic("haidian")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.kind").value("GRASSROOTS"))
                .andExpect(jsonPath("$.divisionCode").value("110108011"))
                .andExpect(jsonPath("$.creditCode").value(body.get("creditCode")))
                .andExpect(jsonPath("$.parentId").value(data.org(TestTree.ZHONGGUANCUN_STREET)))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void anUpdateMayKeepTheNodesOwnCreditCode() throws Exception {
        Map<String, Object> body = validNewUnion();
        String created = mvc.perform(post("/api/v1/orgs").with(basic("haidian"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        String renamed = TestTree.unique("改名后的工会");
        mvc.perform(put("/api/v1/orgs/{id}", id).with(basic("haidian")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", renamed, "creditCode", body.get("creditCode"),
                                "divisionCode", body.get("divisionCode")))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(renamed))
                .andExpect(jsonPath("$.creditCode").value(body.get("creditCode")));
    }

    @Test
    void errorsNameTheFieldAndTheRuleInTheCallersLanguage() throws Exception {
        Map<String, Object> body = validNewUnion();
        body.put("name", "");
        body.put("divisionCode", "11010");
        mvc.perform(post("/api/v1/orgs").with(basic("haidian")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("名称：必填"))
                .andExpect(jsonPath("$.errors[1].field").value("divisionCode"))
                .andExpect(jsonPath("$.errors[1].message").value("行政区划代码：长度不正确"));
    }

    @Test
    void aMalformedBodyIsA400NotA500() throws Exception {
        mvc.perform(post("/api/v1/orgs").with(basic("haidian")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("MALFORMED_BODY"));
        mvc.perform(post("/api/v1/orgs").with(basic("haidian")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"KINGDOM\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theConsoleFormShowsEachErrorBesideItsFieldAndStoresNothing() throws Exception {
        MockHttpSession haidian = TestTree.consoleSession(mvc, "haidian");
        long street = data.org(TestTree.ZHONGGUANCUN_STREET);
        long before = data.count("org_unit");

        mvc.perform(post("/orgs").session(haidian).with(csrf())
                        .param("parentId", String.valueOf(street))
                        .param("name", " ")
                        .param("kind", "GRASSROOTS")
                        .param("divisionCode", "11010"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-field=\"name\">名称：必填<")))
                .andExpect(content().string(containsString("data-field=\"divisionCode\">行政区划代码：长度不正确<")))
                .andExpect(content().string(not(containsString("data-field=\"creditCode\""))));
        assertThat(data.count("org_unit")).isEqualTo(before);

        String name = TestTree.unique("控制台新建工会");
        mvc.perform(post("/orgs").session(haidian).with(csrf())
                        .param("parentId", String.valueOf(street))
                        .param("name", name)
                        .param("kind", "GRASSROOTS"))
                .andExpect(redirectedUrlPattern("/orgs/*?created"));
        assertThat(data.node(data.org(name)).parentId()).isEqualTo(street);
    }

    // ---- names are data ------------------------------------------------------------------------------------------

    @Test
    void aScriptTagAsANameIsStoredAsTextAndShownEscaped() throws Exception {
        String name = "<script>alert(1)</script>";
        Map<String, Object> body = validNewUnion();
        body.put("name", name);
        String answer = mvc.perform(post("/api/v1/orgs").with(basic("haidian"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(name))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(answer).get("id").asLong();

        assertThat(data.node(id).name()).isEqualTo(name);
        mvc.perform(get("/api/v1/orgs/{id}", id).with(basic("haidian")))
                .andExpect(jsonPath("$.name").value(name));
        mvc.perform(get("/orgs/{id}", id).session(TestTree.consoleSession(mvc, "haidian")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        mvc.perform(get("/orgs/{id}", data.org(TestTree.ZHONGGUANCUN_STREET))
                        .session(TestTree.consoleSession(mvc, "haidian")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    // ---- moving a subtree ----------------------------------------------------------------------------------------

    @Test
    void aStreetMovedToAnotherDistrictTakesItsSubtreeAndItsScopeAlong() throws Exception {
        long haidian = data.org(TestTree.HAIDIAN);
        long dongcheng = data.org(TestTree.DONGCHENG);
        OrgUnit street = data.newNode(haidian, OrgKind.STREET, "迁移测试街道");
        OrgUnit building = data.newNode(street.id(), OrgKind.BUILDING, "迁移测试楼宇");
        OrgUnit union = data.newUnion(building.id());
        StaffAccount staff = data.newAccount("movestaff", Role.STREET_STAFF, building.id(), "Move@2024x");
        mvc.perform(get("/api/v1/orgs/{id}", union.id()).with(basic("haidian"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/orgs/{id}", union.id()).with(basic("dongcheng"))).andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/orgs/{id}/move", street.id()).with(basic("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("newParentId", dongcheng, "reason", "区划调整"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentId").value(dongcheng))
                .andExpect(jsonPath("$.childCount").value(1));

        // the subtree came along unchanged
        mvc.perform(get("/api/v1/orgs/{id}/children", street.id()).with(basic("admin")))
                .andExpect(jsonPath("$[*].id", hasItem((int) building.id())));
        mvc.perform(get("/api/v1/orgs/{id}/children", building.id()).with(basic("admin")))
                .andExpect(jsonPath("$[*].id", hasItem((int) union.id())));
        OrgUnit movedUnion = data.node(union.id());
        assertThat(movedUnion.parentId()).isEqualTo(building.id());
        assertThat(movedUnion.path()).startsWith(data.node(dongcheng).path());
        assertThat(movedUnion.depth()).isEqualTo(data.node(dongcheng).depth() + 3);
        assertThat(data.inSubtree(haidian, union.id())).isFalse();

        // and so did its scope: the new district admin sees every node of it, the old one none
        for (long id : new long[] {street.id(), building.id(), union.id()}) {
            mvc.perform(get("/api/v1/orgs/{id}", id).with(basic("dongcheng"))).andExpect(status().isOk());
            mvc.perform(get("/api/v1/orgs/{id}", id).with(basic("haidian"))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/orgs").param("q", street.name()).with(basic("haidian")))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(post("/api/v1/orgs/{id}/move", street.id()).with(basic("haidian"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("newParentId", haidian))))
                .andExpect(status().isNotFound());

        // staff bound inside the subtree keep their reach and now belong to the new district's accounts
        mvc.perform(get("/api/v1/orgs/{id}", union.id()).with(httpBasic(staff.username(), "Move@2024x")))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(accountPath(staff.id()))
                .startsWith(data.node(dongcheng).path()));
        MockHttpSession dongchengConsole = TestTree.consoleSession(mvc, "dongcheng");
        mvc.perform(get("/admin/accounts").session(dongchengConsole))
                .andExpect(content().string(containsString(">" + staff.username() + "</a>")));
        mvc.perform(get("/admin/accounts").session(TestTree.consoleSession(mvc, "haidian")))
                .andExpect(content().string(not(containsString(">" + staff.username() + "</a>"))));

        // the move is in the history, with who and why
        Map<String, Object> move = data.jdbc().sql("""
                        SELECT from_parent_id, to_parent_id, moved_by, reason FROM org_unit_move WHERE org_id = :id
                        """).param("id", street.id()).query().singleRow();
        assertThat(move).containsEntry("from_parent_id", haidian).containsEntry("to_parent_id", dongcheng)
                .containsEntry("moved_by", "admin").containsEntry("reason", "区划调整");
        mvc.perform(get("/orgs/{id}", street.id()).session(dongchengConsole))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("由“海淀区总工会”迁至“东城区总工会”（admin）")));
    }

    @Test
    void aNodeCannotMoveBelowItselfOrItsOwnDescendants() throws Exception {
        OrgUnit street = data.newNode(data.org(TestTree.HAIDIAN), OrgKind.STREET, "自迁测试街道");
        OrgUnit building = data.newNode(street.id(), OrgKind.BUILDING, "自迁测试楼宇");
        OrgUnit union = data.newUnion(building.id());
        OrgUnit before = data.node(street.id());

        for (long target : new long[] {street.id(), building.id(), union.id()}) {
            ResultActions result = mvc.perform(post("/api/v1/orgs/{id}/move", street.id()).with(basic("haidian"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("newParentId", target))));
            expectOnlyError(result, "newParentId", "MOVE_INTO_OWN_SUBTREE");
        }
        assertThat(data.node(street.id())).isEqualTo(before);
        assertThat(data.node(union.id()).path()).isEqualTo(union.path());
        assertThat(data.jdbc().sql("SELECT count(*) FROM org_unit_move WHERE org_id = :id")
                .param("id", street.id()).query(Long.class).single()).isZero();
    }

    @Test
    void moveRefusalsSayWhy() throws Exception {
        OrgUnit union = data.newUnion(data.org(TestTree.ZHONGGUANCUN_STREET));
        expectOnlyError(move("haidian", union.id(), null), "newParentId", "REQUIRED");
        expectOnlyError(move("haidian", union.id(), union.parentId()), "newParentId", "ALREADY_THERE");
        expectOnlyError(move("haidian", union.id(), data.org(TestTree.CHONGWAI_STREET)), "newParentId",
                "NOT_FOUND");
        expectOnlyError(move("haidian", union.id(), data.org(TestTree.ZHONGGUANCUN_JOINT)), "newParentId",
                "KIND_NOT_ALLOWED_UNDER_PARENT");
        expectOnlyError(move("haidian", data.org(TestTree.HAIDIAN), data.org(TestTree.ZHONGGUANCUN_STREET)), "id",
                "CANNOT_MOVE_OWN_ROOT");
        assertThat(data.node(union.id())).isEqualTo(union);
    }

    // ---- search --------------------------------------------------------------------------------------------------

    @Test
    void searchingByDivisionCodeFindsTheDistrictWithEveryFieldOfANode() throws Exception {
        String answer = mvc.perform(get("/api/v1/orgs").param("divisionCode", "110108").with(basic("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '海淀区总工会')]", hasSize(1)))
                .andReturn().getResponse().getContentAsString();
        var district = json.readTree(answer).findParents("name").stream()
                .filter(n -> n.get("name").asText().equals(TestTree.HAIDIAN)).findFirst().orElseThrow();
        assertThat(district.get("id").asLong()).isEqualTo(data.org(TestTree.HAIDIAN));
        assertThat(district.get("kind").asText()).isEqualTo("DISTRICT");
        assertThat(district.get("divisionCode").asText()).isEqualTo("110108");
        assertThat(district.get("parentId").asLong()).isEqualTo(data.org(TestTree.CITY));
        assertThat(district.has("creditCode")).as("creditCode present even when null").isTrue();
        assertThat(district.get("creditCode").isNull()).isTrue();
        mvc.perform(get("/api/v1/orgs").param("divisionCode", "110108").with(basic("admin")))
                .andExpect(jsonPath("$[0]", hasKey("creditCode")))
                .andExpect(jsonPath("$[0].creditCode", nullValue()));
    }

    @Test
    void nameSearchTreatsWildcardsAsText() throws Exception {
        mvc.perform(get("/api/v1/orgs").param("q", "%").with(basic("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/v1/orgs").param("q", "中关村街道联").with(basic("admin")))
                .andExpect(jsonPath("$[*].name", hasItem(TestTree.ZHONGGUANCUN_JOINT)));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private Map<String, Object> validNewUnion() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parentId", data.org(TestTree.ZHONGGUANCUN_STREET));
        body.put("name", TestTree.unique("接口测试工会"));
        body.put("kind", "GRASSROOTS");
        body.put("divisionCode", "110108011");
        body.put("creditCode", TestTree.unionCreditCode("110108"));
        return body;
    }

    /** Resolves placeholders that need the database. */
    private void fixUp(Map<String, Object> body) {
        if ("@duplicate".equals(body.get("creditCode"))) {
            body.put("creditCode", data.node(data.org(TestTree.ZHONGGUANCUN_JOINT)).creditCode());
        }
    }

    private ResultActions move(String who, long id, Long newParentId) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("newParentId", newParentId);
        return mvc.perform(post("/api/v1/orgs/{id}/move", id).with(basic(who))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private void expectOnlyError(ResultActions result, String field, String code) throws Exception {
        String label = messages.getMessage("field." + field, null, Locale.SIMPLIFIED_CHINESE);
        String rule = messages.getMessage("error." + code, null, Locale.SIMPLIFIED_CHINESE);
        result.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code))
                .andExpect(jsonPath("$.errors[0].message").value(label + "：" + rule));
    }

    private String accountPath(long accountId) {
        return data.jdbc().sql("SELECT org_path FROM staff_account WHERE id = :id").param("id", accountId)
                .query(String.class).single();
    }
}

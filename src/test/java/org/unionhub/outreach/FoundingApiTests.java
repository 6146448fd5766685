package org.unionhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionhub.TestTree.basic;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.organisation.Enterprise;
import org.unionhub.organisation.EnterpriseInput;
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.UnionFounded;
import org.unionhub.organisation.UnionFoundings;

/**
 * Founding a union through an enterprise's pipeline, end to end: the grassroots union appears under the street, the
 * enterprise is unionised from the founding day, {@code UnionFounded} is published once however often the form is
 * sent, and bad input, a unionised enterprise or one outside the scope change nothing.
 */
@UnionHubTest
@RecordApplicationEvents
class FoundingApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree data;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApplicationEvents events;

    @Autowired
    UnionFoundings foundings;

    @Autowired
    EnterpriseRegistry registry;

    @Autowired
    Clock clock;

    long street;
    LocalDate today;

    @BeforeEach
    void setUp() {
        street = data.org(TestTree.ZHONGGUANCUN_STREET);
        today = LocalDate.now(clock);
    }

    @Test
    void foundingPutsAUnionUnderTheStreetUnionisesTheEnterpriseFromThatDayAndPublishesOnce() throws Exception {
        Enterprise enterprise = enterprise(street, 150);
        LocalDate foundedOn = today.minusDays(10);
        Map<String, Object> body = founding("北京测试科技有限公司工会", foundedOn);
        long unitsBefore = data.count("org_unit");

        String answer = found(enterprise.id(), body, "zhongguancun")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unionName").value("北京测试科技有限公司工会"))
                .andExpect(jsonPath("$.chair").value("李建国"))
                .andExpect(jsonPath("$.foundedOn").value(foundedOn.toString()))
                .andExpect(jsonPath("$.unionCreditCode").value(body.get("creditCode")))
                .andExpect(jsonPath("$.parentId").value(street))
                .andExpect(jsonPath("$.enterpriseId").value(enterprise.id()))
                .andExpect(jsonPath("$.workersHomeFlagged").value(true))
                .andExpect(jsonPath("$.foundedBy").value("zhongguancun"))
                .andReturn().getResponse().getContentAsString();
        long unionId = json.readTree(answer).get("unionId").asLong();

        OrgUnit union = data.node(unionId);
        assertThat(union.parentId()).isEqualTo(street);
        assertThat(union.kind()).isEqualTo(OrgKind.GRASSROOTS);
        assertThat(union.creditCode()).isEqualTo(body.get("creditCode"));
        assertThat(union.createdOn()).isEqualTo(foundedOn);
        assertThat(union.divisionCode()).isEqualTo(data.node(street).divisionCode());
        assertThat(data.count("org_unit")).isEqualTo(unitsBefore + 1);
        mvc.perform(get("/api/v1/enterprises/{id}", enterprise.id()).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.unionId").value(unionId))
                .andExpect(jsonPath("$.unionFoundedOn").value(foundedOn.toString()));

        assertThat(foundings.hadUnionOn(enterprise.id(), foundedOn.minusDays(1))).isFalse();
        assertThat(foundings.hadUnionOn(enterprise.id(), foundedOn)).isTrue();
        assertThat(foundings.hadUnionOn(enterprise.id(), today)).isTrue();
        assertThat(foundings.unionOn(enterprise.id(), today)).contains(unionId);
        mvc.perform(get("/api/v1/enterprises/{id}/union", enterprise.id()).param("on", foundedOn.minusDays(1).toString())
                        .with(basic("zhongguancun")))
                .andExpect(jsonPath("$.unionised").value(false))
                .andExpect(jsonPath("$.unionId").doesNotExist());
        mvc.perform(get("/api/v1/enterprises/{id}/union", enterprise.id()).param("on", foundedOn.toString())
                        .with(basic("zhongguancun")))
                .andExpect(jsonPath("$.unionised").value(true))
                .andExpect(jsonPath("$.unionId").value(unionId));

        assertThat(events.stream(UnionFounded.class))
                .containsExactly(new UnionFounded(unionId, union.path(), enterprise.id(), foundedOn, null));
        mvc.perform(get("/api/v1/outreach/pipeline/{id}", enterprise.id()).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.state").value("FOUNDED"))
                .andExpect(jsonPath("$.since").value(foundedOn.toString()))
                .andExpect(jsonPath("$.unionised").value(true))
                .andExpect(jsonPath("$.workersHome").value(true))
                .andExpect(jsonPath("$.steps", hasSize(1)))
                .andExpect(jsonPath("$.steps[0].to").value("FOUNDED"))
                .andExpect(jsonPath("$.founding.unionId").value(unionId));

        found(enterprise.id(), body, "zhongguancun")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unionId").value(unionId));
        assertThat(data.count("org_unit")).isEqualTo(unitsBefore + 1);
        assertThat(events.stream(UnionFounded.class)).hasSize(1);
        mvc.perform(get("/api/v1/outreach/pipeline/{id}", enterprise.id()).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.steps", hasSize(1)));
    }

    @Test
    void foundingAfterStepsMovesThePipelineOnAndIsNotDatedBeforeItsLastStep() throws Exception {
        Enterprise enterprise = enterprise(street, 30);
        step(enterprise.id(), "INTERESTED", today.minusDays(5));
        long unitsBefore = data.count("org_unit");

        expectOnlyError(found(enterprise.id(), founding("测试工会", today.minusDays(6)), "zhongguancun"),
                "foundedOn", "BEFORE_PREVIOUS_STEP");
        assertThat(data.count("org_unit")).isEqualTo(unitsBefore);

        found(enterprise.id(), founding("测试工会", today.minusDays(5)), "zhongguancun")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.workersHomeFlagged").value(false));
        mvc.perform(get("/api/v1/outreach/pipeline/{id}", enterprise.id()).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.state").value("FOUNDED"))
                .andExpect(jsonPath("$.steps[1].from").value("INTERESTED"))
                .andExpect(jsonPath("$.steps[1].to").value("FOUNDED"))
                .andExpect(jsonPath("$.steps[1].recordedBy").value("zhongguancun"));
        expectOnlyError(step(enterprise.id(), "PREPARING", today), "state", "ALREADY_FOUNDED");
    }

    @Test
    void everyBadFieldIsReportedAtOnceAndNothingIsStoredOrPublished() throws Exception {
        Enterprise enterprise = enterprise(street, 30);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unionName", " ");
        body.put("chair", "李".repeat(51));
        body.put("foundedOn", today.plusDays(1).toString());
        body.put("creditCode", TestTree.companyCreditCode("110108"));
        long unitsBefore = data.count("org_unit");
        long foundingsBefore = data.count("union_founding");

        found(enterprise.id(), body, "zhongguancun")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder(
                        "unionName", "chair", "foundedOn", "creditCode")))
                .andExpect(jsonPath("$.errors[*].code").value(containsInAnyOrder(
                        "REQUIRED", "TOO_LONG", "FUTURE_DATE", "NOT_A_UNION_CODE")))
                .andExpect(jsonPath("$.errors[?(@.field == 'chair')].message").value("工会主席：超出长度限制"));

        assertThat(data.count("org_unit")).isEqualTo(unitsBefore);
        assertThat(data.count("union_founding")).isEqualTo(foundingsBefore);
        assertThat(events.stream(UnionFounded.class)).isEmpty();
        assertThat(registry.get(city(), enterprise.id()).hasUnion()).isFalse();
        assertThat(data.jdbc().sql("SELECT count(*) FROM enterprise_pipeline WHERE enterprise_id = :id")
                .param("id", enterprise.id()).query(Long.class).single()).isZero();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"wrongCheck, CHECK_CHARACTER", "short, LENGTH", "taken, DUPLICATE", "blank, REQUIRED"})
    void theUnionsCreditCodeIsChecked(String kind, String code) throws Exception {
        Enterprise enterprise = enterprise(street, 30);
        String credit = switch (kind) {
            case "wrongCheck" -> TestTree.withWrongCheckCharacter(TestTree.unionCreditCode("110108"));
            case "short" -> "81110108";
            case "taken" -> data.node(data.org(TestTree.ZHONGGUANCUN_JOINT)).creditCode();
            default -> " ";
        };
        Map<String, Object> body = founding("测试工会", today);
        body.put("creditCode", credit);

        expectOnlyError(found(enterprise.id(), body, "zhongguancun"), "creditCode", code);
        assertThat(events.stream(UnionFounded.class)).isEmpty();
    }

    @Test
    void anEnterpriseThatHasAUnionIsRefused() throws Exception {
        long unionised = data.enterprise("北京智联云软件有限公司");

        expectOnlyError(found(unionised, founding("第二个工会", today), "zhongguancun"), "enterpriseId",
                "ALREADY_UNIONISED");
        expectOnlyError(step(unionised, "CONTACTED", today), "enterpriseId", "ALREADY_UNIONISED");
    }

    @Test
    void anEnterpriseOutsideTheScopeIsNotFoundAndAReadOnlyRoleIsForbidden() throws Exception {
        Enterprise enterprise = enterprise(street, 30);
        long unitsBefore = data.count("org_unit");

        found(enterprise.id(), founding("测试工会", today), "dongcheng").andExpect(status().isNotFound());
        found(enterprise.id(), founding("测试工会", today), "leader").andExpect(status().isForbidden());
        found(TestTree.MISSING_ID, founding("测试工会", today), "admin").andExpect(status().isNotFound());

        assertThat(data.count("org_unit")).isEqualTo(unitsBefore);
        found(enterprise.id(), founding("测试工会", today), "haidian").andExpect(status().isCreated());
    }

    @Test
    void aWorkersHomeIsFlaggedFromAHundredEmployees() throws Exception {
        Enterprise ninetyNine = enterprise(street, 99);
        Enterprise hundred = enterprise(street, 100);

        found(ninetyNine.id(), founding("九十九人企业工会", today), "zhongguancun")
                .andExpect(jsonPath("$.workersHomeFlagged").value(false));
        found(hundred.id(), founding("一百人企业工会", today), "zhongguancun")
                .andExpect(jsonPath("$.workersHomeFlagged").value(true));

        var session = TestTree.consoleSession(mvc, "zhongguancun");
        mvc.perform(get("/enterprises/{id}", hundred.id()).session(session))
                .andExpect(content().string(containsString("职工人数 100 人以上，建会后需同步建设职工之家")))
                .andExpect(content().string(containsString("李建国")));
        mvc.perform(get("/enterprises/{id}", ninetyNine.id()).session(session))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("需同步建设职工之家"))));
    }

    @Test
    void anEnterpriseRegisteredUnderAJointUnionFoundsItsUnionUnderTheStreet() throws Exception {
        Enterprise enterprise = enterprise(data.org(TestTree.ZHONGGUANCUN_JOINT), 20);

        found(enterprise.id(), founding("联合工会所属企业工会", today), "zhongguancun")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.parentId").value(street));
    }

    @Test
    void theConsoleFormShowsEachProblemBesideItsFieldAndFoundsOnceCorrected() throws Exception {
        Enterprise enterprise = enterprise(street, 30);
        var session = TestTree.consoleSession(mvc, "zhongguancun");
        String code = TestTree.unionCreditCode("110108");

        mvc.perform(get("/outreach/pipeline/{id}/founding", enterprise.id()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + enterprise.name() + "工会\"")));
        mvc.perform(post("/outreach/pipeline/{id}/founding", enterprise.id()).session(session).with(csrf())
                        .param("unionName", enterprise.name() + "工会")
                        .param("foundedOn", today.toString())
                        .param("creditCode", TestTree.withWrongCheckCharacter(code)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-field=\"chair\">工会主席：必填<")))
                .andExpect(content().string(containsString("data-field=\"creditCode\">统一社会信用代码：校验位不正确<")));
        assertThat(registry.get(city(), enterprise.id()).hasUnion()).isFalse();

        mvc.perform(post("/outreach/pipeline/{id}/founding", enterprise.id()).session(session).with(csrf())
                        .param("unionName", enterprise.name() + "工会")
                        .param("chair", "王主席")
                        .param("foundedOn", today.toString())
                        .param("creditCode", code))
                .andExpect(redirectedUrl("/outreach/pipeline/" + enterprise.id() + "?founded"));
        mvc.perform(get("/outreach/pipeline/{id}", enterprise.id()).param("founded", "").session(session))
                .andExpect(content().string(containsString("建会登记完成")))
                .andExpect(content().string(containsString("王主席")));
        assertThat(foundings.hadUnionOn(enterprise.id(), today)).isTrue();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private OrgScope city() {
        return new OrgScope(data.org(TestTree.CITY));
    }

    private Enterprise enterprise(long orgId, int employees) {
        return registry.create(city(), new EnterpriseInput(TestTree.unique("建会测试企业"),
                TestTree.companyCreditCode("110108"), null, orgId, null, null, null, employees, null, null, null,
                null, null));
    }

    private static Map<String, Object> founding(String name, LocalDate on) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unionName", name);
        body.put("chair", "李建国");
        body.put("foundedOn", on.toString());
        body.put("creditCode", TestTree.unionCreditCode("110108"));
        return body;
    }

    private ResultActions found(long enterpriseId, Map<String, Object> body, String user) throws Exception {
        return mvc.perform(post("/api/v1/outreach/pipeline/{id}/founding", enterpriseId).with(basic(user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private ResultActions step(long enterpriseId, String state, LocalDate on) throws Exception {
        return mvc.perform(post("/api/v1/outreach/pipeline/{id}/steps", enterpriseId).with(basic("zhongguancun"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("state", state, "on", on.toString()))));
    }

    private static void expectOnlyError(ResultActions result, String field, String code) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }
}

package org.unionhub.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;

/**
 * Registering enterprises: a credit code failing its check character is refused unless staff confirm it as a real
 * pilot-era code, then kept with a warning flag; a code of the wrong shape is refused whatever staff confirm.
 * Street staff of 中关村街道 register under their own street.
 */
@UnionHubTest
class EnterpriseApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree data;

    @Autowired
    ObjectMapper json;

    @Test
    void aValidEnterpriseIsRegisteredWithEveryField() throws Exception {
        Map<String, Object> body = validEnterprise();
        body.put("creditCode", ((String) body.get("creditCode")).toLowerCase());
        body.put("address", "海淀区中关村大街 1 号");
        body.put("industry", "软件和信息技术服务业");
        body.put("newEconomy", true);
        body.put("gigPlatform", true);
        body.put("unionId", data.org(TestTree.ZHONGGUANCUN_JOINT));
        body.put("unionFoundedOn", "2021-05-01");

        String answer = create(body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(body.get("name")))
                .andExpect(jsonPath("$.creditCode").value(((String) body.get("creditCode")).toUpperCase()))
                .andExpect(jsonPath("$.creditCodeCheckFailed").value(false))
                .andExpect(jsonPath("$.orgId").value(body.get("orgId")))
                .andExpect(jsonPath("$.orgName").value(TestTree.ZHONGGUANCUN_STREET))
                .andExpect(jsonPath("$.employeeCount").value(25))
                .andExpect(jsonPath("$.newEconomy").value(true))
                .andExpect(jsonPath("$.newSocialOrganisation").value(false))
                .andExpect(jsonPath("$.gigPlatform").value(true))
                .andExpect(jsonPath("$.unionName").value(TestTree.ZHONGGUANCUN_JOINT))
                .andExpect(jsonPath("$.unionFoundedOn").value("2021-05-01"))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(answer).get("id").asLong();

        mvc.perform(get("/api/v1/enterprises/{id}", id).with(basic("zhongguancun")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(body.get("name")));
        mvc.perform(get("/api/v1/enterprises").param("q", (String) body.get("name")).with(basic("zhongguancun")))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void aWrongCheckCharacterWithoutConfirmationIsRefusedAndNothingIsStored() throws Exception {
        Map<String, Object> body = validEnterprise();
        body.put("creditCode", TestTree.withWrongCheckCharacter((String) body.get("creditCode")));
        long before = data.count("enterprise");

        expectOnlyError(create(body), "creditCode", "CHECK_CHARACTER_UNCONFIRMED");
        body.put("confirmCreditCode", false);
        expectOnlyError(create(body), "creditCode", "CHECK_CHARACTER_UNCONFIRMED");

        assertThat(data.count("enterprise")).isEqualTo(before);
    }

    @Test
    void aConfirmedWrongCheckCharacterIsStoredWithAWarningFlag() throws Exception {
        Map<String, Object> body = validEnterprise();
        String code = TestTree.withWrongCheckCharacter((String) body.get("creditCode"));
        body.put("creditCode", code);
        body.put("confirmCreditCode", true);

        String answer = create(body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.creditCode").value(code))
                .andExpect(jsonPath("$.creditCodeCheckFailed").value(true))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(answer).get("id").asLong();

        Map<String, Object> row = data.jdbc().sql("SELECT credit_code, credit_code_check_failed FROM enterprise"
                + " WHERE id = :id").param("id", id).query().singleRow();
        assertThat(row).containsEntry("credit_code", code).containsEntry("credit_code_check_failed", true);
        mvc.perform(get("/enterprises/{id}", id).session(TestTree.consoleSession(mvc, "zhongguancun")))
                .andExpect(content().string(containsString("该统一社会信用代码未通过校验位检查")));
    }

    @ParameterizedTest(name = "{0} → {1} even when confirmed={2}")
    @CsvSource({
        "91110108000000000I, CHARSET, true",
        "91110108000000000i, CHARSET, true",
        "91110108O00000000A, CHARSET, true",
        "91110108-0000000XA, CHARSET, true",
        "9111010800000000, LENGTH, true",
        "9111010800000000001, LENGTH, true",
        "9111010800000000001, LENGTH, false",
        "'   ', REQUIRED, true",
    })
    void aCreditCodeOfTheWrongShapeIsAlwaysRefused(String code, String problem, boolean confirmed) throws Exception {
        Map<String, Object> body = validEnterprise();
        body.put("creditCode", code);
        body.put("confirmCreditCode", confirmed);
        long before = data.count("enterprise");

        expectOnlyError(create(body), "creditCode", problem);

        assertThat(data.count("enterprise")).isEqualTo(before);
    }

    @Test
    void aCreditCodeAlreadyRegisteredIsADuplicate() throws Exception {
        String taken = data.jdbc().sql("SELECT credit_code FROM enterprise WHERE name = '北京崇文门饭店有限公司'")
                .query(String.class).single();
        Map<String, Object> body = validEnterprise();
        body.put("creditCode", taken);
        long before = data.count("enterprise");

        expectOnlyError(create(body), "creditCode", "DUPLICATE");

        assertThat(data.count("enterprise")).isEqualTo(before);
    }

    @Test
    void aConfirmedPilotCodeAlreadyRegisteredIsStillADuplicate() throws Exception {
        String pilot = data.jdbc().sql("SELECT credit_code FROM enterprise WHERE credit_code_check_failed")
                .query(String.class).list().get(0);
        Map<String, Object> body = validEnterprise();
        body.put("creditCode", pilot);
        body.put("confirmCreditCode", true);

        expectOnlyError(create(body), "creditCode", "DUPLICATE");
    }

    @Test
    void anUpdateMayKeepTheEnterprisesOwnCreditCode() throws Exception {
        Enterprise enterprise = data.newEnterprise(data.org(TestTree.ZHONGGUANCUN_STREET));
        Map<String, Object> body = validEnterprise();
        body.put("creditCode", enterprise.creditCode());
        body.put("employeeCount", 99);
        mvc.perform(put("/api/v1/enterprises/{id}", enterprise.id()).with(basic("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.employeeCount").value(99));
    }

    @Test
    void aNegativeNumberOfEmployeesIsRefused() throws Exception {
        Map<String, Object> body = validEnterprise();
        body.put("employeeCount", -1);
        long before = data.count("enterprise");

        expectOnlyError(create(body), "employeeCount", "NEGATIVE");

        assertThat(data.count("enterprise")).isEqualTo(before);
    }

    @Test
    void theUnionOfAnEnterpriseMustBeAGrassrootsOrJointUnion() throws Exception {
        Map<String, Object> body = validEnterprise();
        body.put("unionId", data.org(TestTree.ZHONGGUANCUN_STREET));
        body.put("unionFoundedOn", "2020-01-01");
        long before = data.count("enterprise");

        expectOnlyError(create(body), "unionId", "NOT_A_GRASSROOTS_UNION");

        assertThat(data.count("enterprise")).isEqualTo(before);
    }

    @Test
    void theUnionOfAnEnterpriseMustBeInsideTheCallersScopeAndHaveAFoundingDate() throws Exception {
        Map<String, Object> body = validEnterprise();
        body.put("unionId", data.org(TestTree.CHONGWAI_JOINT));
        body.put("unionFoundedOn", "2020-01-01");
        expectOnlyError(create(body), "unionId", "NOT_FOUND");

        body.put("unionId", data.org(TestTree.ZHONGGUANCUN_JOINT));
        body.remove("unionFoundedOn");
        expectOnlyError(create(body), "unionFoundedOn", "REQUIRED");
    }

    @Test
    void aBlankOrOverlongNameIsRefused() throws Exception {
        Map<String, Object> body = validEnterprise();
        body.put("name", " ");
        expectOnlyError(create(body), "name", "REQUIRED");
        body.put("name", "企".repeat(101));
        expectOnlyError(create(body), "name", "TOO_LONG");
    }

    @Test
    void theConsoleFormAsksForConfirmationOfAWrongCheckCharacter() throws Exception {
        var session = TestTree.consoleSession(mvc, "zhongguancun");
        String name = TestTree.unique("控制台登记企业");
        String code = TestTree.withWrongCheckCharacter(TestTree.companyCreditCode("110108"));
        long before = data.count("enterprise");

        mvc.perform(post("/enterprises").session(session).with(csrf())
                        .param("name", name)
                        .param("creditCode", code)
                        .param("orgId", String.valueOf(data.org(TestTree.ZHONGGUANCUN_STREET))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "data-field=\"creditCode\">统一社会信用代码：校验位不正确；如确为早期试点代码，请勾选确认后再保存<")));
        assertThat(data.count("enterprise")).isEqualTo(before);

        mvc.perform(post("/enterprises").session(session).with(csrf())
                        .param("name", name)
                        .param("creditCode", code)
                        .param("confirmCreditCode", "true")
                        .param("orgId", String.valueOf(data.org(TestTree.ZHONGGUANCUN_STREET))))
                .andExpect(redirectedUrlPattern("/enterprises/*?created"));
        assertThat(data.count("enterprise")).isEqualTo(before + 1);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private Map<String, Object> validEnterprise() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", TestTree.unique("企业接口测试"));
        body.put("creditCode", TestTree.companyCreditCode("110108"));
        body.put("orgId", data.org(TestTree.ZHONGGUANCUN_STREET));
        body.put("divisionCode", "110108011");
        body.put("employeeCount", 25);
        return body;
    }

    private ResultActions create(Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/enterprises").with(basic("zhongguancun"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private static void expectOnlyError(ResultActions result, String field, String code) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }
}

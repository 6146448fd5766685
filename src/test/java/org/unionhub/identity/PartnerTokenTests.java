package org.unionhub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionhub.TestTree.bearer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.common.ValidationFailure;
import org.unionhub.common.Violation;

/**
 * Partner bearer tokens: what the demo token grants, issuing a token on the admin page (shown once, stored only as a
 * hash), revoking it, the steps a partner role allows, and how far a district admin's account administration reaches.
 */
@UnionHubTest
class PartnerTokenTests {

    private static final Pattern ISSUED = Pattern.compile("data-test=\"issued-token\">([^<]+)<");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree data;

    @Autowired
    MessageSource messages;

    @Autowired
    StaffAccounts accounts;

    @Test
    void theDemoTokenSignsInAsTheBankWithItsTwoSteps() throws Exception {
        mvc.perform(get("/api/v1/me").with(bearer(TestTree.BANK_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("bank"))
                .andExpect(jsonPath("$.roles[0]").value("BANK"))
                .andExpect(jsonPath("$.permissions[0]").value("PARTNER"))
                .andExpect(jsonPath("$.steps", containsInAnyOrder("CARD_ISSUING", "SUBSIDY_CLAIM")));
    }

    @Test
    void aWrongTokenIsRefusedAndAudited() throws Exception {
        long before = data.auditEvents("bearer-token", "TOKEN_REJECTED");

        mvc.perform(get("/api/v1/me").with(bearer(TestTree.BANK_TOKEN + "x")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.errors[0].code").value("UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/orgs/{id}", data.org(TestTree.CITY)).with(bearer("")))
                .andExpect(status().isUnauthorized());

        assertThat(data.auditEvents("bearer-token", "TOKEN_REJECTED")).isEqualTo(before + 2);
    }

    @Test
    void aTokenIssuedOnTheAdminPageIsShownOnceStoredAsAHashWorksAndStopsWorkingWhenRevoked() throws Exception {
        long bank = data.account("bank");
        MockHttpSession admin = TestTree.consoleSession(mvc, "admin");
        String label = TestTree.unique("发卡系统令牌");

        String page = mvc.perform(post("/admin/accounts/{id}/tokens", bank).session(admin).with(csrf())
                        .param("label", label)
                        .param("steps", "CARD_ISSUING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(messages.getMessage("accounts.issued", null,
                        Locale.SIMPLIFIED_CHINESE))))
                .andReturn().getResponse().getContentAsString();
        Matcher issued = ISSUED.matcher(page);
        assertThat(issued.find()).as("the page shows the new token").isTrue();
        String token = issued.group(1);
        assertThat(token).startsWith("uh_").hasSizeGreaterThan(40);

        // shown once: the account page does not show it again
        mvc.perform(get("/admin/accounts/{id}", bank).session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(label)))
                .andExpect(content().string(not(containsString(token))));

        // stored as its SHA-256 only
        var row = data.jdbc().sql("SELECT id, token_hash, allowed_steps::text AS steps, created_by FROM partner_token"
                + " WHERE label = :l").param("l", label).query().singleRow();
        assertThat(row.get("token_hash")).isEqualTo(sha256(token));
        assertThat(row.get("steps")).isEqualTo("{CARD_ISSUING}");
        assertThat(row.get("created_by")).isEqualTo("admin");
        assertThat(data.jdbc().sql("SELECT count(*) FROM partner_token WHERE position(:t in token_hash || label) > 0")
                .param("t", token).query(Long.class).single()).isZero();
        assertThat(data.jdbc().sql("SELECT count(*) FROM audit_event WHERE position(:t in coalesce(detail, '')) > 0")
                .param("t", token).query(Long.class).single()).isZero();

        // it works, limited to its own step
        mvc.perform(get("/api/v1/me").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("bank"))
                .andExpect(jsonPath("$.steps", containsInAnyOrder("CARD_ISSUING")));

        long tokenId = ((Number) row.get("id")).longValue();
        mvc.perform(post("/admin/accounts/{id}/tokens/{token}/revoke", bank, tokenId).session(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts/" + bank));

        mvc.perform(get("/api/v1/me").with(bearer(token))).andExpect(status().isUnauthorized());
        assertThat(data.jdbc().sql("SELECT count(*) FROM audit_event WHERE action = 'TOKEN_REVOKED'"
                + " AND detail = :d").param("d", "token " + tokenId).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/me").with(bearer(TestTree.BANK_TOKEN)))
                .andExpect(status().isOk());
    }

    @Test
    void aStepOutsideThePartnersRoleIsRefusedAndNothingIsStored() throws Exception {
        long bank = data.account("bank");
        long before = tokensOf(bank);

        mvc.perform(post("/admin/accounts/{id}/tokens", bank).session(TestTree.consoleSession(mvc, "admin"))
                        .with(csrf())
                        .param("label", TestTree.unique("越权令牌"))
                        .param("steps", "CARD_ISSUING", "LOAN_GUARANTEE"))
                .andExpect(content().string(containsString(message("steps", "STEP_NOT_ALLOWED_FOR_ROLE"))))
                .andExpect(content().string(not(containsString("data-test=\"issued-token\""))));

        assertThat(tokensOf(bank)).isEqualTo(before);
        assertThatThrownBy(() -> accounts.issueToken(data.principal("admin"), bank, "x",
                EnumSet.of(PartnerStep.LOAN_GUARANTEE)))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.violations())
                        .containsExactly(new Violation("steps", "STEP_NOT_ALLOWED_FOR_ROLE")));
    }

    @Test
    void tokensAreOnlyForPartnerAccounts() throws Exception {
        long haidian = data.account("haidian");
        long before = tokensOf(haidian);
        mvc.perform(post("/admin/accounts/{id}/tokens", haidian).session(TestTree.consoleSession(mvc, "admin"))
                        .with(csrf())
                        .param("label", "员工令牌")
                        .param("steps", "CARD_ISSUING"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-test=\"issued-token\""))));
        assertThat(tokensOf(haidian)).isEqualTo(before);
        assertThatThrownBy(() -> accounts.issueToken(data.principal("admin"), haidian, "员工令牌",
                EnumSet.of(PartnerStep.CARD_ISSUING)))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.violations())
                        .contains(new Violation("accountId", "NOT_A_PARTNER")));
    }

    @Test
    void aDistrictAdminCannotManageAccountsOutsideItsDistrict() throws Exception {
        MockHttpSession haidian = TestTree.consoleSession(mvc, "haidian");
        long bank = data.account("bank");
        // targets made for this test, so that a regression cannot spoil the demo accounts for other tests
        StaffAccount eastStaff = data.newAccount("eaststaff", Role.STREET_STAFF, data.org(TestTree.CHONGWAI_STREET),
                "East#2024pass");
        IssuedToken bankToken = accounts.issueToken(data.principal("admin"), bank, TestTree.unique("区总不可吊销"),
                EnumSet.of(PartnerStep.CARD_ISSUING));
        long bankTokens = tokensOf(bank);

        mvc.perform(get("/admin/accounts/{id}", data.account("zhongguancun")).session(haidian))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/accounts/{id}", data.account("dongcheng")).session(haidian))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/accounts/{id}", eastStaff.id()).session(haidian))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/accounts/{id}", bank).session(haidian))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/accounts/{id}/tokens", bank).session(haidian).with(csrf())
                        .param("label", "区总越权").param("steps", "CARD_ISSUING"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/accounts/{id}/unlock", eastStaff.id()).session(haidian).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/accounts/{id}", eastStaff.id()).session(haidian).with(csrf())
                        .param("displayName", "被区总改名").param("role", "DISTRICT_ADMIN")
                        .param("orgId", String.valueOf(data.org(TestTree.HAIDIAN))).param("enabled", "false"))
                .andExpect(status().isNotFound());
        // the account in the path is in scope, but the token belongs to the bank
        mvc.perform(post("/admin/accounts/{id}/tokens/{token}/revoke", data.account("zhongguancun"),
                        bankToken.id()).session(haidian).with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(tokensOf(bank)).isEqualTo(bankTokens);
        mvc.perform(get("/api/v1/me").with(bearer(bankToken.token()))).andExpect(status().isOk());
        var row = data.jdbc().sql("SELECT display_name, role, enabled, org_id FROM staff_account WHERE id = :id")
                .param("id", eastStaff.id()).query().singleRow();
        assertThat(row).containsEntry("display_name", "测试账号").containsEntry("role", "STREET_STAFF")
                .containsEntry("enabled", true).containsEntry("org_id", data.org(TestTree.CHONGWAI_STREET));
        mvc.perform(get("/admin/accounts").session(haidian))
                .andExpect(content().string(containsString(">zhongguancun</a>")))
                .andExpect(content().string(not(containsString(">dongcheng</a>"))))
                .andExpect(content().string(not(containsString(">" + eastStaff.username() + "</a>"))))
                .andExpect(content().string(not(containsString(">bank</a>"))));
    }

    @Test
    void aDistrictAdminCannotGrantTheFederationAdminRole() throws Exception {
        MockHttpSession haidian = TestTree.consoleSession(mvc, "haidian");
        String username = TestTree.uniqueUsername("wouldbeboss");

        // the console re-shows the form with the rule's message (status 200, as every console form does)
        mvc.perform(post("/admin/accounts").session(haidian).with(csrf())
                        .param("username", username)
                        .param("displayName", "想当市总管理员")
                        .param("role", "FEDERATION_ADMIN")
                        .param("orgId", String.valueOf(data.org(TestTree.HAIDIAN)))
                        .param("password", "Boss#2024pass")
                        .param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(message("role", "ROLE_ABOVE_OWN"))));
        assertThat(data.jdbc().sql("SELECT count(*) FROM staff_account WHERE username = :u").param("u", username)
                .query(Long.class).single()).isZero();

        // nor by promoting an account it manages
        StaffAccount staff = data.newAccount("promotee", Role.STREET_STAFF, data.org(TestTree.ZHONGGUANCUN_STREET),
                "Promote#2024");
        mvc.perform(post("/admin/accounts/{id}", staff.id()).session(haidian).with(csrf())
                        .param("displayName", staff.displayName()).param("role", "FEDERATION_ADMIN")
                        .param("orgId", String.valueOf(staff.orgId()))
                        .param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(message("role", "ROLE_ABOVE_OWN"))));
        assertThat(data.jdbc().sql("SELECT role FROM staff_account WHERE id = :id").param("id", staff.id())
                .query(String.class).single()).isEqualTo("STREET_STAFF");

        // the rule itself, as the service reports it
        assertThatThrownBy(() -> accounts.create(data.principal("haidian"), new AccountInput(username, "x",
                Role.FEDERATION_ADMIN, data.org(TestTree.HAIDIAN), "Boss#2024pass", true)))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.violations())
                        .containsExactly(new Violation("role", "ROLE_ABOVE_OWN")));
    }

    @Test
    void theFederationAdminMayGrantTheFederationAdminRole() {
        StaffAccount created = accounts.create(data.principal("admin"), new AccountInput(
                TestTree.uniqueUsername("deputy"), "副管理员", Role.FEDERATION_ADMIN, data.org(TestTree.CITY),
                "Deputy#2024x", true));
        assertThat(created.role()).isEqualTo(Role.FEDERATION_ADMIN);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private long tokensOf(long accountId) {
        return data.jdbc().sql("SELECT count(*) FROM partner_token WHERE account_id = :a").param("a", accountId)
                .query(Long.class).single();
    }

    /** The text the console shows for a rule violation, e.g. "角色：不能授予高于自己的角色". */
    private String message(String field, String code) {
        return messages.getMessage("field." + field, null, Locale.SIMPLIFIED_CHINESE) + "："
                + messages.getMessage("error." + code, null, Locale.SIMPLIFIED_CHINESE);
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}

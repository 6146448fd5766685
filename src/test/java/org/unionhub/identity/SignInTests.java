package org.unionhub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;

/**
 * Password sign-in through HTTP Basic (API) and the login form (console): lock-out after five wrong passwords in a
 * row, the audit trail of it, and an admin unlocking. Every test signs in with an account of its own, never a demo
 * account, so the other tests can keep using those.
 */
@UnionHubTest
class SignInTests {

    private static final String PASSWORD = "Correct#Horse1";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree data;

    @Autowired
    StaffAccounts staffAccounts;

    @Test
    void fiveWrongPasswordsLockTheAccountSoEvenTheRightPasswordIsRefused() throws Exception {
        String username = newAccount();

        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(username, "wrong-" + attempt)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.errors[0].code").value("UNAUTHENTICATED"));
        }

        mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD)))
                .andExpect(status().isUnauthorized());
        mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/login?error=locked"));
        mvc.perform(get("/login").param("error", "locked"))
                .andExpect(content().string(containsString("账号已临时锁定")));

        assertThat(data.auditEvents(username, "SIGN_IN_FAILED")).isEqualTo(5);
        assertThat(data.auditEvents(username, "ACCOUNT_LOCKED")).isEqualTo(1);
        assertThat(data.auditEvents(username, "SIGN_IN_LOCKED_OUT")).isEqualTo(2);
        assertThat(data.auditEvents(username, "SIGN_IN")).isZero();
        assertThat(lockedUntil(username)).isAfter(OffsetDateTime.now().plusMinutes(14));
    }

    @Test
    void fourWrongPasswordsDoNotLockAndASuccessfulSignInStartsTheCountAgain() throws Exception {
        String username = newAccount();

        for (int round = 1; round <= 2; round++) {
            for (int attempt = 1; attempt <= 4; attempt++) {
                mvc.perform(get("/api/v1/me").with(httpBasic(username, "wrong")))
                        .andExpect(status().isUnauthorized());
            }
            mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.username").value(username));
        }
        assertThat(data.auditEvents(username, "ACCOUNT_LOCKED")).isZero();
        assertThat(lockedUntil(username)).isNull();
    }

    @Test
    void theLoginFormLocksTooAndSaysSo() throws Exception {
        String username = newAccount();

        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(formLogin("/login").user(username).password("wrong"))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/login?error=locked"));
        assertThat(data.auditEvents(username, "ACCOUNT_LOCKED")).isEqualTo(1);
    }

    @Test
    void anAdminUnlockingALockedAccountLetsItSignInAgain() throws Exception {
        String username = newAccount();
        long id = data.account(username);
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(username, "wrong")));
        }
        mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());
        var admin = TestTree.consoleSession(mvc, "admin");
        mvc.perform(get("/admin/accounts/{id}", id).session(admin))
                .andExpect(content().string(containsString("已锁定至")));

        mvc.perform(post("/admin/accounts/{id}/unlock", id).session(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts/" + id + "?saved"));

        assertThat(lockedUntil(username)).isNull();
        assertThat(data.auditEvents("admin", "ACCOUNT_UNLOCKED")).isPositive();
        assertThat(data.jdbc().sql("SELECT count(*) FROM audit_event WHERE action = 'ACCOUNT_UNLOCKED'"
                + " AND actor = 'admin' AND target = :u").param("u", username).query(Long.class).single())
                .isEqualTo(1);
        mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD)))
                .andExpect(status().isOk());
        TestTree.consoleSession(mvc, username, PASSWORD);
        assertThat(data.auditEvents(username, "SIGN_IN")).isEqualTo(1);
    }

    @Test
    void unlockingNeedsTheCsrfToken() throws Exception {
        String username = newAccount();
        long id = data.account(username);
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(username, "wrong")));
        }
        mvc.perform(post("/admin/accounts/{id}/unlock", id).session(TestTree.consoleSession(mvc, "admin")))
                .andExpect(status().isForbidden());
        assertThat(lockedUntil(username)).isNotNull();
    }

    @Test
    void aFormSignInIsAudited() throws Exception {
        String username = newAccount();

        var session = TestTree.consoleSession(mvc, username, PASSWORD);

        assertThat(data.auditEvents(username, "SIGN_IN")).isEqualTo(1);
        mvc.perform(get("/").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("测试账号")));
    }

    @Test
    void anUnknownUserIsRefusedAndTheAttemptAudited() throws Exception {
        String username = TestTree.uniqueUsername("nosuchuser");

        mvc.perform(get("/api/v1/me").with(httpBasic(username, "whatever")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.errors[0].code").value("UNAUTHENTICATED"));
        mvc.perform(formLogin("/login").user(username).password("whatever"))
                .andExpect(redirectedUrl("/login?error=bad"));

        assertThat(data.auditEvents(username, "SIGN_IN_FAILED")).isEqualTo(2);
        assertThat(data.jdbc().sql("SELECT DISTINCT detail FROM audit_event WHERE actor = :u")
                .param("u", username).query(String.class).list()).containsExactly("unknown account");
    }

    @Test
    void aWrongPasswordOnTheFormIsAuditedWithoutRevealingThePassword() throws Exception {
        String username = newAccount();
        mvc.perform(formLogin("/login").user(username).password("Secret-guess-42"))
                .andExpect(redirectedUrl("/login?error=bad"));
        assertThat(data.auditEvents(username, "SIGN_IN_FAILED")).isEqualTo(1);
        assertThat(data.jdbc().sql("SELECT count(*) FROM audit_event WHERE detail LIKE '%Secret-guess-42%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() throws Exception {
        String username = TestTree.uniqueUsername("consolemade");
        mvc.perform(post("/admin/accounts").session(TestTree.consoleSession(mvc, "admin")).with(csrf())
                        .param("username", username)
                        .param("displayName", "控制台建号")
                        .param("role", "STREET_STAFF")
                        .param("orgId", String.valueOf(data.org(TestTree.ZHONGGUANCUN_STREET)))
                        .param("password", PASSWORD)
                        .param("enabled", "true"))
                .andExpect(redirectedUrl("/admin/accounts?created"));

        List<String> hashes = data.jdbc().sql("SELECT password_hash FROM staff_account").query(String.class).list();
        assertThat(hashes).hasSizeGreaterThanOrEqualTo(9).allSatisfy(hash -> assertThat(hash)
                .startsWith("{bcrypt}$2").doesNotContain(PASSWORD).doesNotContain(TestTree.PASSWORD));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void aRememberedPasswordIsRefusedOnceTheAccountIsLocked() throws Exception {
        String username = newAccount();
        mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD))).andExpect(status().isOk());

        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(username, "wrong-" + attempt)))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());
        assertThat(data.auditEvents(username, "ACCOUNT_LOCKED")).isEqualTo(1);
        assertThat(data.auditEvents(username, "SIGN_IN_LOCKED_OUT")).isEqualTo(1);
    }

    @Test
    void aPasswordResetEndsTheRememberedPasswordAtOnce() throws Exception {
        StaffAccount account = data.newAccount("signin", Role.STREET_STAFF, data.org(TestTree.ZHONGGUANCUN_STREET),
                PASSWORD);
        mvc.perform(get("/api/v1/me").with(httpBasic(account.username(), PASSWORD))).andExpect(status().isOk());

        staffAccounts.update(data.principal("admin"), account.id(), new AccountInput(account.username(),
                account.displayName(), account.role(), account.orgId(), "Another#Horse2", true));

        mvc.perform(get("/api/v1/me").with(httpBasic(account.username(), PASSWORD)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic(account.username(), "Another#Horse2")))
                .andExpect(status().isOk());
        assertThat(data.auditEvents(account.username(), "SIGN_IN_FAILED")).isEqualTo(1);
    }

    @Test
    void aDisabledAccountIsRefusedEvenWithARememberedPassword() throws Exception {
        StaffAccount account = data.newAccount("signin", Role.STREET_STAFF, data.org(TestTree.ZHONGGUANCUN_STREET),
                PASSWORD);
        mvc.perform(get("/api/v1/me").with(httpBasic(account.username(), PASSWORD))).andExpect(status().isOk());

        staffAccounts.update(data.principal("admin"), account.id(), new AccountInput(account.username(),
                account.displayName(), account.role(), account.orgId(), null, false));

        mvc.perform(get("/api/v1/me").with(httpBasic(account.username(), PASSWORD)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aRoleChangeAppliesToTheNextCallWithARememberedPassword() throws Exception {
        StaffAccount account = data.newAccount("signin", Role.STREET_STAFF, data.org(TestTree.ZHONGGUANCUN_STREET),
                PASSWORD);
        mvc.perform(get("/api/v1/me").with(httpBasic(account.username(), PASSWORD)))
                .andExpect(jsonPath("$.roles[0]").value("STREET_STAFF"));

        staffAccounts.update(data.principal("admin"), account.id(), new AccountInput(account.username(),
                account.displayName(), Role.LEADER, account.orgId(), null, true));

        mvc.perform(get("/api/v1/me").with(httpBasic(account.username(), PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("LEADER"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** A fresh street staff account of 中关村街道 with {@link #PASSWORD}. */
    private String newAccount() {
        return data.newAccount("signin", Role.STREET_STAFF, data.org(TestTree.ZHONGGUANCUN_STREET), PASSWORD)
                .username();
    }

    private OffsetDateTime lockedUntil(String username) {
        return data.jdbc().sql("SELECT locked_until FROM staff_account WHERE username = :u").param("u", username)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).list().get(0);
    }
}

package org.unionhub;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.unionhub.common.CreditCode;
import org.unionhub.identity.AccountInput;
import org.unionhub.identity.Role;
import org.unionhub.identity.SignIn;
import org.unionhub.identity.StaffAccount;
import org.unionhub.identity.StaffAccounts;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.organisation.Enterprise;
import org.unionhub.organisation.EnterpriseInput;
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.NewOrgUnit;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.outreach.OutreachSessions;
import org.unionhub.outreach.SessionInput;
import org.unionhub.outreach.domain.SessionWindow;

/**
 * Looks up the demo tree and demo accounts by name, and makes fresh, uniquely named nodes, enterprises and accounts
 * for tests that change data, so that no test depends on what another one did. Registered by {@link UnionHubTest}.
 */
public class TestTree {

    /** The password of every demo account. */
    public static final String PASSWORD = "Demo@2023";
    /** The demo bearer token of the bank (steps CARD_ISSUING and SUBSIDY_CLAIM). */
    public static final String BANK_TOKEN = "uh_demo_bank_token_2023";
    /** An id that no node, enterprise or account has. */
    public static final long MISSING_ID = 987_654_321L;

    public static final String CITY = "北京市总工会";
    public static final String HAIDIAN = "海淀区总工会";
    public static final String DONGCHENG = "东城区总工会";
    public static final String ZHONGGUANCUN_STREET = "中关村街道总工会";
    public static final String XUEYUANLU_STREET = "学院路街道总工会";
    public static final String CHONGWAI_STREET = "崇文门外街道总工会";
    public static final String DONGHUAMEN_STREET = "东华门街道总工会";
    public static final String ZHONGGUANCUN_JOINT = "中关村街道联合工会";
    public static final String XUEYUANLU_JOINT = "学院路街道联合工会";
    public static final String CHONGWAI_JOINT = "崇外街道联合工会";

    /** Random start so that codes stay unique even against a database kept from an earlier run. */
    private static final AtomicLong SERIAL = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000, 80_000_000));

    private final JdbcClient jdbc;
    private final OrgTree tree;
    private final EnterpriseRegistry enterprises;
    private final StaffAccounts accounts;
    private final SignIn signIn;
    private final OutreachSessions sessions;

    TestTree(JdbcClient jdbc, OrgTree tree, EnterpriseRegistry enterprises, StaffAccounts accounts, SignIn signIn,
            OutreachSessions sessions) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.enterprises = enterprises;
        this.accounts = accounts;
        this.signIn = signIn;
        this.sessions = sessions;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    // ---- looking things up -------------------------------------------------------------------------------------

    /** The id of the one node with this name. */
    public long org(String name) {
        return single(jdbc.sql("SELECT id FROM org_unit WHERE name = :n").param("n", name).query(Long.class).list(),
                "node " + name);
    }

    public long enterprise(String name) {
        return single(jdbc.sql("SELECT id FROM enterprise WHERE name = :n").param("n", name).query(Long.class).list(),
                "enterprise " + name);
    }

    public long account(String username) {
        return single(jdbc.sql("SELECT id FROM staff_account WHERE username = :u").param("u", username)
                .query(Long.class).list(), "account " + username);
    }

    public OrgUnit node(long id) {
        return tree.find(id).orElseThrow();
    }

    /** Whether node {@code id} lies in the subtree of {@code rootId}, judged by the stored paths. */
    public boolean inSubtree(long rootId, long id) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM org_unit u, org_unit r
                                        WHERE r.id = :root AND u.id = :id AND u.path LIKE r.path || '%')
                        """)
                .param("root", rootId).param("id", id).query(Boolean.class).single();
    }

    public long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    public long auditEvents(String actor, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :a AND action = :x")
                .param("a", actor).param("x", action).query(Long.class).single();
    }

    // ---- making fresh data -------------------------------------------------------------------------------------

    /** A name nobody else uses: {@code prefix-12345678}. */
    public static String unique(String prefix) {
        return prefix + "-" + SERIAL.incrementAndGet();
    }

    /** A lower-case username nobody else uses. */
    public static String uniqueUsername(String prefix) {
        return prefix + SERIAL.incrementAndGet();
    }

    /** A fresh, valid credit code of a grassroots or joint union ({@code 81…}) registered in {@code district}. */
    public static String unionCreditCode(String district) {
        return creditCode("81", district);
    }

    /** A fresh, valid credit code of a company ({@code 91…}) registered in {@code district}. */
    public static String companyCreditCode(String district) {
        return creditCode("91", district);
    }

    /** A fresh credit code with a valid check character: authority and type {@code prefix}, then {@code district}. */
    public static String creditCode(String prefix, String district) {
        return withCheck(prefix + district + "T" + String.format("%08d", SERIAL.incrementAndGet()));
    }

    /** The same code with a check character that does not match. */
    public static String withWrongCheckCharacter(String code) {
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        return code.substring(0, 17) + wrong;
    }

    private static String withCheck(String first17) {
        return first17 + CreditCode.checkCharacterFor(first17);
    }

    private OrgScope city() {
        return new OrgScope(org(CITY));
    }

    /** A fresh node made by the federation (no codes). */
    public OrgUnit newNode(long parentId, OrgKind kind, String namePrefix) {
        return tree.create(city(), new NewOrgUnit(parentId, unique(namePrefix), kind, null, null, null));
    }

    /** A fresh grassroots union below {@code parentId}. */
    public OrgUnit newUnion(long parentId) {
        return newNode(parentId, OrgKind.GRASSROOTS, "测试基层工会");
    }

    /** A fresh enterprise registered under {@code orgId}. */
    public Enterprise newEnterprise(long orgId) {
        return enterprises.create(city(), new EnterpriseInput(unique("测试企业"), companyCreditCode("110108"), null,
                orgId, null, null, null, 10, null, null, null, null, null));
    }

    /** A fresh staff account created by the federation admin, bound to {@code orgId}. */
    public StaffAccount newAccount(String usernamePrefix, Role role, long orgId, String password) {
        return accounts.create(principal("admin"), new AccountInput(uniqueUsername(usernamePrefix), "测试账号", role,
                orgId, password, true));
    }

    /**
     * The code of a fresh worker session planned by the federation for today's lunchtime at {@code orgId}: what a
     * worker's {@code /join?s=<code>} needs, since joining refuses codes that name no session.
     */
    public String newSessionCode(long orgId) {
        SessionWindow lunch = sessions.defaultWindow();
        return sessions.plan(principal("admin"), null, new SessionInput("WORKER", orgId, null, unique("测试沟通会"),
                "测试地点", null, null, lunch.startsAt().toString(), lunch.endsAt().toString(), null, null))
                .session().code();
    }

    /** The principal of a demo account, for calling services directly. */
    public StaffPrincipal principal(String username) {
        return signIn.withPassword(username, PASSWORD);
    }

    // ---- signing in over HTTP ----------------------------------------------------------------------------------

    /** HTTP Basic with a demo account's password (the API's sign-in for staff). */
    public static RequestPostProcessor basic(String username) {
        return httpBasic(username, PASSWORD);
    }

    /** {@code Authorization: Bearer …} (the API's sign-in for partners). */
    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    /** Signs in through the console's login form and returns the session. */
    public static MockHttpSession consoleSession(MockMvc mvc, String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    public static MockHttpSession consoleSession(MockMvc mvc, String username) throws Exception {
        return consoleSession(mvc, username, PASSWORD);
    }

    private static long single(List<Long> ids, String what) {
        if (ids.size() != 1) {
            throw new IllegalStateException("Expected exactly one " + what + ", found " + ids.size());
        }
        return ids.get(0);
    }
}

package org.unionhub.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff console in real Chromium against the running app (embedded PostgreSQL with the demo data). The main
 * journey: 王芳 of 中关村街道 signs in, sees who and where she is, registers a building union with a branch under it
 * (correcting a form error on the way), expands the tree lazily, searches, opens a union — and finds that Dongcheng
 * is invisible to her: its pages answer 404 and searching for it finds nothing. Shorter journeys cover a wrong
 * password, enterprise records, account administration with the audit log, and the English console.
 *
 * <p>Each step's time is printed ({@code journey <test>: <step> took <n> ms}); screenshots are in
 * {@code target/screenshots/}, and those the user guide shows are refreshed in {@code docs/img/} with
 * {@code -Dunionhub.docs-screenshots=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffConsoleJourneyTests extends ConsoleJourney {

    private static final String PASSWORD = "Demo@2023";
    private static final String BUILDING_UNION = "中关村创业大街楼宇工会";
    private static final String BRANCH_UNION = "北京云栖数据科技有限公司工会";


    @Autowired
    private JdbcClient jdbc;


    @Test
    void wrongPasswordShowsTheChineseErrorAndStaysOnSignIn() {
        page.navigate("/login");
        signIn("zhongguancun", "not-the-password");

        assertThat(page).hasURL(Pattern.compile("/login\\?error=bad$"));
        assertThat(page.locator("p.alert")).hasText("用户名或密码不正确。");
        assertThat(page.getByLabel("用户名")).isVisible();
        Browser.screenshot(page, "sign-in-wrong-password");
    }

    @Test
    void streetStaffWorksInsideTheirStreetAndCannotSeeDongcheng() {
        step("sign in", () -> {
            page.navigate("/");
            assertThat(page).hasURL(Pattern.compile("/login$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("智慧工会平台")))
                    .isVisible();
            page.getByLabel("用户名").fill("zhongguancun");
            page.getByLabel("密码").fill(PASSWORD);
            Browser.docsScreenshot(page, "sign-in");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();

            assertThat(page.locator("[data-test=who]")).hasText("中关村街道工会 王芳");
            assertThat(page.locator("[data-test=who-org]")).containsText("中关村街道");
            assertThat(page.locator(".who-role")).hasText("街道工会干部");
            assertThat(page.locator("main h1")).hasText("您好，中关村街道工会 王芳");
        });

        step("open 组织架构", () -> {
            nav("组织架构").click();
            assertThat(page).hasURL(Pattern.compile("/orgs$"));
            assertThat(page.locator("[data-test=tree] .node-root")).hasText("中关村街道总工会");
            Locator nodes = page.locator("[data-test=tree] li[data-node] > a");
            for (String union : List.of("中关村街道联合工会", "北京智联云软件有限公司工会", "北京捷达同城配送有限公司工会")) {
                assertThat(nodes.filter(new Locator.FilterOptions().setHasText(union))).hasCount(1);
            }
        });

        step("register a building union", () -> {
            page.locator("[data-test=tree] .node-root").click();
            assertThat(page.locator("[data-test=org-name]")).hasText("中关村街道总工会");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新增下级组织：楼宇工会")).click();
            assertThat(page.locator("select[name=kind]")).hasValue("BUILDING");

            page.locator("input[name=creditCode]").fill("81110108DM000009");
            saveButton().click();
            assertThat(page.locator("small.error[data-field=name]")).hasText("名称：必填");
            assertThat(page.locator("small.error[data-field=creditCode]")).hasText("统一社会信用代码：长度不正确");
            assertThat(page.locator("input[name=name]")).hasClass(Pattern.compile("\\binvalid\\b"));
            Browser.docsScreenshot(page, "form-errors");

            page.locator("input[name=name]").fill(BUILDING_UNION);
            page.locator("input[name=creditCode]").fill("");
            saveButton().click();
            assertThat(page.locator("p.notice")).hasText("组织已创建。");
            assertThat(page.locator("[data-test=org-name]")).hasText(BUILDING_UNION);
        });

        step("register a branch under it", () -> {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新增下级组织：基层工会")).click();
            page.locator("input[name=name]").fill(BRANCH_UNION);
            saveButton().click();
            assertThat(page.locator("p.notice")).hasText("组织已创建。");
            assertThat(page.locator("[data-test=org-name]")).hasText(BRANCH_UNION);
            assertThat(page.locator("p.crumbs a")).hasText(BUILDING_UNION);
        });

        long buildingId = orgId(BUILDING_UNION);
        step("expand a node lazily (htmx)", () -> {
            nav("组织架构").click();
            Locator node = page.locator("li[data-node='" + buildingId + "']");
            assertThat(node.locator(".count")).hasText("1");
            assertThat(node.locator(".sub li")).hasCount(0);

            Response children = page.waitForResponse(
                    r -> r.url().endsWith("/orgs/" + buildingId + "/children"), () -> node.locator(".toggle").click());
            assertThat(children.status()).isEqualTo(200);
            assertThat(node.locator(".sub li[data-node] > a")).hasText(BRANCH_UNION);
            assertThat(node.locator(".toggle")).isDisabled();
            Browser.docsScreenshot(page, "tree");
        });

        step("the tree on a phone", () -> {
            try (BrowserContext phone = browser.phone(baseUrl(), context)) {
                Page small = phone.newPage();
                small.onPageError(pageErrors::add);
                small.navigate("/orgs");
                Locator node = small.locator("li[data-node='" + buildingId + "']");
                node.locator(".toggle").click();
                assertThat(node.locator(".sub li[data-node] > a")).hasText(BRANCH_UNION);
                Browser.docsScreenshot(small, "tree-phone");
            }
        });

        step("search by name within scope", () -> {
            page.locator("#q").fill("联合工会");
            Locator results = page.locator("[data-test=search-results] li");
            assertThat(results).hasCount(1);
            assertThat(results).hasText(Pattern.compile("^\\s*中关村街道联合工会\\s*联合工会"));
            Browser.screenshot(page, "search");
        });

        step("open a union page", () -> {
            page.locator("[data-test=search-results]").getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("中关村街道联合工会")).click();
            assertThat(page).hasURL(Pattern.compile("/orgs/" + orgId("中关村街道联合工会") + "$"));
            assertThat(page.locator("[data-test=org-name]")).hasText("中关村街道联合工会");
            assertThat(page.locator("dl.facts")).containsText("联合工会");
            assertThat(page.locator("p.crumbs a")).hasText("中关村街道总工会");
            Browser.docsScreenshot(page, "union");
        });

        step("a Dongcheng page answers 404", () -> {
            for (String name : List.of("东城区总工会", "崇外街道联合工会")) {
                Response response = page.navigate("/orgs/" + orgId(name));
                assertThat(response.status()).as(name).isEqualTo(404);
                assertThat(page.locator("main h1")).hasText("404 · 无法完成操作");
                assertThat(page.locator("main .errors")).hasText("不存在或不在您的数据范围内");
                assertThat(page.locator("body")).not().containsText(name);
            }
            Browser.screenshot(page, "dongcheng-404");

            Response unknown = page.navigate("/no-such-page");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(page.locator("main h1")).hasText("404 · 无法完成操作");
            assertThat(page.locator("[data-test=who]")).hasText("中关村街道工会 王芳");
        });

        step("searching 东城 finds nothing", () -> {
            page.navigate("/orgs");
            page.locator("#q").fill("东城");
            assertThat(page.locator("#results")).containsText("未找到符合条件的组织");
            assertThat(page.locator("[data-test=search-results] li")).hasCount(0);
            Browser.screenshot(page, "search-dongcheng");
        });
    }

    @Test
    void streetStaffKeepsTheirEnterprisesUpToDate() {
        step("sign in", () -> signInAs("zhongguancun"));

        step("list enterprises in scope", () -> {
            nav("企业").click();
            Locator rows = page.locator("#rows tr");
            for (String enterprise : List.of("北京智联云软件有限公司", "北京捷达同城配送有限公司", "北京海淀书香咖啡馆",
                    "北京新芽科技有限公司", "北京中关村老字号食品厂")) {
                assertThat(rows.filter(new Locator.FilterOptions().setHasText(enterprise))).hasCount(1);
            }
            assertThat(page.locator("#rows")).not().containsText("北京崇文门饭店有限公司");
            assertThat(page.locator("#rows")).not().containsText("北京畅行网约车服务有限公司");
            page.locator("#q").fill("食品");
            assertThat(rows).hasCount(1);
            assertThat(rows).containsText("北京中关村老字号食品厂");
        });

        step("open an enterprise page", () -> {
            page.locator("#rows").getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("北京中关村老字号食品厂")).click();
            assertThat(page.locator("main h1")).hasText("北京中关村老字号食品厂");
            assertThat(page.locator("main p.warn")).containsText("未通过校验位检查");
            assertThat(page.locator("dl.facts")).containsText("中关村街道总工会");
            Browser.docsScreenshot(page, "enterprise");
        });

        step("an error shows beside its field", () -> {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("编辑")).click();
            assertThat(page.locator("input#name")).hasValue("北京中关村老字号食品厂");
            page.locator("input#employeeCount").fill("-60");
            saveButton().click();
            assertThat(page.locator("small.error[data-field=employeeCount]")).hasText("职工人数：不能为负数");
            assertThat(page.locator("input#employeeCount")).hasClass(Pattern.compile("\\binvalid\\b"));
            assertThat(page.locator("small.error")).hasCount(1);
            Browser.screenshot(page, "enterprise-form-errors");

            page.locator("input#employeeCount").fill("60");
            saveButton().click();
            assertThat(page.locator("p.notice")).hasText("已保存。");
        });
    }

    @Test
    void districtAdminManagesAccountsAndReadsTheAuditLogOfTheirDistrict() {
        step("sign in", () -> {
            signInAs("dongcheng");
            assertThat(page.locator("[data-test=who]")).hasText("东城区总工会 赵强");
            assertThat(page.locator(".who-role")).hasText("区总管理员");
        });

        step("accounts of the district only", () -> {
            nav("账号管理").click();
            Locator accounts = page.locator("[data-test=accounts] tbody");
            assertThat(accounts).containsText("dongcheng");
            assertThat(accounts).not().containsText("zhongguancun");
            assertThat(accounts).not().containsText("haidian");
        });

        step("create an account, correcting errors", () -> {
            Locator form = page.locator("form[action='/admin/accounts']");
            form.locator("input[name=username]").fill("Chongwai!");
            form.locator("input[name=displayName]").fill("崇外街道工会 刘洋");
            form.locator("select[name=role]").selectOption("STREET_STAFF");
            form.locator("input[name=orgId]").fill(String.valueOf(orgId("崇文门外街道总工会")));
            form.locator("input[name=password]").fill("short");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("创建")).click();
            assertThat(page.locator("form[action='/admin/accounts'] small.error")).hasText(new String[] {
                "用户名：须为 3–40 位小写字母、数字或 ._-，以字母开头", "密码：长度须为 8–72 位"});
            Browser.screenshot(page, "account-form-errors");

            form.locator("input[name=username]").fill("chongwai");
            form.locator("input[name=password]").fill("Chongwai@2023");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("创建")).click();
            assertThat(page.locator("p.notice")).hasText("账号已创建。");
            assertThat(page.locator("[data-test=accounts] tbody")).containsText("崇外街道工会 刘洋");
            Browser.docsScreenshot(page, "accounts");
        });

        step("read the audit log", () -> {
            nav("审计日志").click();
            Locator events = page.locator("[data-test=audit] tbody tr");
            assertThat(events.filter(new Locator.FilterOptions().setHasText("创建账号"))).hasCount(1);
            assertThat(events.filter(new Locator.FilterOptions().setHasText("chongwai"))).not().hasCount(0);
            page.locator("select[name=action]").selectOption("SIGN_IN");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).click();
            assertThat(page).hasURL(Pattern.compile("action=SIGN_IN"));
            assertThat(events.first()).containsText("dongcheng");
            assertThat(page.locator("[data-test=audit] tbody")).not().containsText("创建账号");
            assertThat(page.locator("[data-test=audit] tbody")).not().containsText("zhongguancun");
            Browser.docsScreenshot(page, "audit");
        });
    }

    @Test
    void consoleSwitchesToEnglishAndBack() {
        step("sign in in English", () -> {
            page.navigate("/login");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
            assertThat(page.locator("main h1")).hasText("UnionHub");
            signIn("zhongguancun", PASSWORD);
            assertThat(page.locator(".who-role")).hasText("Street staff");
        });

        step("browse in English", () -> {
            nav("Organisation").click();
            assertThat(page.locator("main h1")).hasText("Organisation");
            assertThat(page.locator("#q")).hasAttribute("placeholder",
                    "Search by name, credit code or division code");
            Browser.screenshot(page, "tree-english");
        });

        step("back to Chinese", () -> {
            page.locator("header.top").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("中文"))
                    .click();
            assertThat(page.locator("main h1")).hasText("组织架构");
            assertThat(page.locator(".who-role")).hasText("街道工会干部");
        });
    }


    private void signInAs(String username) {
        page.navigate("/login");
        signIn(username, PASSWORD);
        assertThat(page.locator("[data-test=who]")).isVisible();
    }

    private void signIn(String username, String password) {
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("form[action='/login'] button[type=submit]").click();
    }

    private Locator nav(String label) {
        return page.locator("header.top nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(label));
    }

    private Locator saveButton() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存"));
    }

    private long orgId(String name) {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = :name").param("name", name).query(Long.class).single();
    }
}

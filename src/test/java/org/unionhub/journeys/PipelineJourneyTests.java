package org.unionhub.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.unionhub.common.CreditCode;
import org.unionhub.organisation.Enterprise;
import org.unionhub.organisation.EnterpriseInput;
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.UnionFoundings;

/**
 * The enterprise pipeline on a phone: 王芳 of 中关村街道 opens 建会进度, takes up a new enterprise (有意向), sets a
 * follow-up task, ticks it off on 本周待办, and founds the enterprise's union with the founding form; the enterprise
 * is then unionised from that day and flagged to build a workers' home (150 employees). Screenshots for the guide:
 * {@code pipeline-board}, {@code pipeline-enterprise}, {@code pipeline-week}, {@code pipeline-founded}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PipelineJourneyTests extends ConsoleJourney {

    private static final String PASSWORD = "Demo@2023";
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @Autowired
    private EnterpriseRegistry enterprises;

    @Autowired
    private UnionFoundings foundings;

    @Autowired
    private OrgTree tree;

    @Autowired
    private Clock clock;

    @Test
    void streetStaffTakeAnEnterpriseFromFirstContactToAFoundedUnionOnAPhone() {
        long city = tree.findByDivisionCode("110000").orElseThrow().id();
        long street = tree.findByDivisionCode("110108011").orElseThrow().id();
        String serial = String.format("%07d", System.nanoTime() % 10_000_000);
        String name = "北京云杉智能科技有限公司" + serial.substring(3);
        Enterprise enterprise = enterprises.create(new OrgScope(city), new EnterpriseInput(name,
                withCheck("91110108MA" + serial), null, street, null, "海淀区中关村东路 1 号", "软件和信息技术服务业",
                150, true, null, null, null, null));
        String unionCode = withCheck("81110108PJ" + serial);

        step("sign in", () -> {
            page.navigate("/login");
            page.getByLabel("用户名").fill("zhongguancun");
            page.getByLabel("密码").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            assertThat(page.locator("[data-test=who]")).isVisible();
        });
        BrowserContext phoneContext = browser.phone(baseUrl(), context);
        Page phone = phoneContext.newPage();
        phone.onPageError(pageErrors::add);
        try {
            step("the board: demo pipelines by state", () -> {
                phone.navigate("/outreach/pipeline");
                assertThat(phone.locator("main h1")).hasText("企业建会进度");
                assertThat(phone.locator("[data-test=pipelines]")).containsText("北京新芽科技有限公司");
                Browser.docsScreenshot(phone, "pipeline-board");
            });

            step("take the enterprise up: 有意向", () -> {
                phone.navigate("/outreach/pipeline/" + enterprise.id());
                assertThat(phone.locator("[data-test=state]")).hasText("尚未开始跟进");
                assertThat(phone.locator("[data-test=workers-home]")).isVisible();
                phone.locator("select[name=state]").selectOption("INTERESTED");
                phone.getByLabel("备注", EXACT).fill("总经理同意建会");
                phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存进展")).click();
                assertThat(phone.locator("p.notice")).hasText("进展已记录。");
                assertThat(phone.locator("[data-test=state]")).containsText("有意向");
            });

            step("set a follow-up task due today", () -> {
                phone.getByLabel("跟进事项", EXACT).fill("送建会指导手册");
                phone.getByLabel("到期日", EXACT).fill(LocalDate.now(clock).toString());
                phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("添加任务")).click();
                assertThat(phone.locator("[data-test=tasks]")).containsText("送建会指导手册");
                Browser.docsScreenshot(phone, "pipeline-enterprise");
            });

            step("本周待办: tick the task off", () -> {
                phone.navigate("/outreach/tasks");
                Locator task = phone.locator("[data-test=due-tasks] li", new Page.LocatorOptions()
                        .setHasText("送建会指导手册")).filter(new Locator.FilterOptions().setHasText(name));
                assertThat(task).hasCount(1);
                Browser.docsScreenshot(phone, "pipeline-week");
                task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("完成")).click();
                assertThat(phone.locator("p.notice")).hasText("任务已完成。");
                assertThat(phone.locator("[data-test=due-tasks]")).not().containsText(name);
            });

            step("found the union", () -> {
                phone.navigate("/outreach/pipeline/" + enterprise.id());
                phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("建会登记")).click();
                assertThat(phone.getByLabel("工会名称", EXACT)).hasValue(name + "工会");
                phone.getByLabel("工会主席", EXACT).fill("陈志远");
                phone.getByLabel("统一社会信用代码", EXACT).fill(unionCode);
                phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认建会")).click();
                assertThat(phone).hasURL(Pattern.compile("/outreach/pipeline/" + enterprise.id() + "\\?founded"));
                assertThat(phone.locator("[data-test=state]")).containsText("已建会");
                assertThat(phone.locator("[data-test=founding]")).containsText("陈志远");
                Browser.docsScreenshot(phone, "pipeline-founded");
            });
        } finally {
            phoneContext.close();
        }

        assertThat(foundings.hadUnionOn(enterprise.id(), LocalDate.now(clock))).isTrue();
        assertThat(foundings.hadUnionOn(enterprise.id(), LocalDate.now(clock).minusDays(1))).isFalse();
    }

    private static String withCheck(String first17) {
        return first17 + CreditCode.checkCharacterFor(first17);
    }
}

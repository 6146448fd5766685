package org.unionhub.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unionhub.common.IdNumber;
import org.unionhub.identity.SignIn;
import org.unionhub.membership.ApplicationInput;
import org.unionhub.membership.MembershipApplications;

/**
 * A transfer in real Chromium: 王芳 of 中关村街道 finds the receiving union on the member's page (a union outside her
 * own scope) and asks for the transfer; the staff of 东城区 accept it on a phone in the transfer inbox (an htmx POST
 * that swaps the row for the new member number); back on the member's page the membership shows as transferred out,
 * with the history entry naming who accepted it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TransferJourneyTests extends ConsoleJourney {

    private static final String PASSWORD = "Demo@2023";
    private static final String MEMBER = "周晓峰";
    private static final String RECEIVING = "崇外街道联合工会";

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MembershipApplications applications;

    @Autowired
    private SignIn signIn;

    @Test
    void streetStaffTransferAMemberAndTheReceivingDistrictAcceptsOnAPhone() {
        String applicationNo = applications.submit(UUID.randomUUID().toString(), new ApplicationInput(MEMBER,
                "RESIDENT_ID", residentId(), "13712345678", null, null, "COURIER", streetId("中关村街道总工会"), null,
                null, true)).application().applicationNo();
        String memberNo = applications.approve(signIn.withPassword("zhongguancun", PASSWORD), applicationNo);

        step("sign in and open the member's page", () -> {
            signInAs(page, "zhongguancun");
            page.navigate("/members/" + memberNo);
            assertThat(page.locator("[data-test=member-name]")).hasText(MEMBER);
            assertThat(page.locator("[data-test=history]")).containsText("zhongguancun");
        });

        step("find the receiving union and ask for the transfer", () -> {
            Locator form = page.locator("[data-test=transfer-form]");
            form.getByLabel("接收工会").fill("崇外");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("查找")).click();
            form.getByLabel(RECEIVING).check();
            form.getByLabel("备注").fill("到东城送快递");
            Browser.docsScreenshot(page, "member-transfer");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("申请转出")).click();
            assertThat(page.locator("p.notice")).containsText("已提出转会申请");
            assertThat(page.locator("[data-test=transfers]")).containsText("待接收工会处理");
        });

        String transferNo = jdbc.sql("""
                        SELECT t.transfer_no FROM member_transfer t JOIN member m ON m.id = t.member_id
                         WHERE m.member_no = ?
                        """).param(memberNo).query(String.class).single();

        BrowserContext phone = browser.phone(baseUrl());
        try {
            Page inbox = phone.newPage();
            inbox.onPageError(pageErrors::add);
            step("the receiving district accepts on a phone", () -> {
                signInAs(inbox, "dongcheng");
                inbox.navigate("/transfers");
                Locator row = inbox.locator("#transfer-" + transferNo);
                assertThat(row).containsText(MEMBER);
                assertThat(row).containsText(RECEIVING);
                Browser.docsScreenshot(inbox, "transfer-inbox");
                row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("接收").setExact(true)).click();
                assertThat(inbox.locator("[data-outcome=" + transferNo + "]"))
                        .containsText(Pattern.compile("已接收，新会员编号 M\\d{10}"));
            });
        } finally {
            phone.close();
        }

        step("the old membership shows as transferred out, with who accepted it", () -> {
            page.reload();
            assertThat(page.locator("[data-test=member-status]")).hasText("已转出");
            assertThat(page.locator("[data-test=history] tr").last()).containsText("dongcheng");
            assertThat(page.locator("[data-test=history] tr").last()).containsText("已转出");
            assertThat(page.locator("[data-test=lineage]")).containsText("已接转为");
            assertThat(page.locator("[data-test=status-actions]")).hasCount(0);
        });
    }

    private static void signInAs(Page page, String username) {
        page.navigate("/login");
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page).hasURL(Pattern.compile("/$"));
    }

    private long streetId(String name) {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = ?").param(name).query(Long.class).single();
    }

    /** A valid resident ID (region 110102, unused by the other tests) that no member of this run holds. */
    private static String residentId() {
        LocalDate born = LocalDate.of(1980, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(7000));
        String first17 = "110102" + born.toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + IdNumber.checkCharacterFor(first17);
    }
}

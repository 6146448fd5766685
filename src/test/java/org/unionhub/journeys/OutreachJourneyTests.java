package org.unionhub.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.unionhub.common.IdNumber;

/**
 * A worker session in real Chromium against the running app: 王芳 of 中关村街道 plans a lunchtime session (an error
 * beside its field first), prints its poster, and runs the stall from a phone — taps counters (twice while the phone is
 * offline: the taps wait and are sent when it is back, each counted once), sees a worker who scanned the poster's code
 * apply, approves him on the spot, closes the session with its tallies, and sees the join in the street's funnel.
 *
 * <p>Each step's time is printed; screenshots are in {@code target/screenshots/}, and those the user guide shows are
 * refreshed in {@code docs/img/} with {@code -Dunionhub.docs-screenshots=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutreachJourneyTests extends ConsoleJourney {

    private static final String PASSWORD = "Demo@2023";
    private static final String TITLE = "中关村广场午间职工沟通会";
    private static final String WORKER = "韩立";

    @Test
    void streetStaffPlanASessionRunTheStallFromAPhoneAndCloseItWithItsTallies() {
        step("sign in and open 双沟通", () -> {
            page.navigate("/login");
            page.getByLabel("用户名").fill("zhongguancun");
            page.getByLabel("密码").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            page.locator("header.top nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("双沟通"))
                    .click();
            assertThat(page).hasURL(Pattern.compile("/outreach/sessions$"));
        });

        long[] joinedBefore = new long[1];
        step("the street's funnel before the session", () -> {
            page.navigate("/reports/funnel");
            assertThat(page.locator("[data-test=funnel-node]")).hasText("中关村街道总工会");
            joinedBefore[0] = figure(page, "membersJoined");
            page.navigate("/outreach/sessions");
        });

        step("plan: an error beside its field, then saved", () -> {
            page.locator("[data-test=plan-session]").click();
            assertThat(page.getByLabel("开始时间")).hasValue("11:30");
            assertThat(page.getByLabel("结束时间")).hasValue("13:30");
            page.getByLabel("地点").fill("中关村广场北侧（中关村大街 15 号）");
            page.getByLabel("现场合作方").fill("北京银行服务台、劳模志愿服务队");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存并生成二维码")).click();
            assertThat(page.locator("[data-field=title]")).hasText("主题：必填");
            Browser.docsScreenshot(page, "session-form");
            page.getByLabel("主题").fill(TITLE);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存并生成二维码")).click();
            assertThat(page.locator("main h1")).hasText(TITLE);
            assertThat(page.locator("[data-test=status]")).hasText("未开始");
            Browser.docsScreenshot(page, "session");
        });
        String code = page.locator("[data-test=code]").textContent().strip();
        String sessionUrl = page.url();

        step("the A4 poster carries the code and a QR code", () -> {
            Page poster = context.newPage();
            poster.navigate(sessionUrl + "/poster");
            assertThat(poster.locator("[data-test=poster-code]")).hasText(code);
            assertThat(poster.locator(".qr svg")).isVisible();
            poster.setViewportSize(800, 1131);
            Browser.docsScreenshot(poster, "session-poster");
            poster.close();
        });

        BrowserContext stall = browser.phone(baseUrl(), context);
        Page phone = stall.newPage();
        phone.onPageError(pageErrors::add);
        try {
            step("the live page on a phone: taps count at once", () -> {
                phone.navigate(sessionUrl + "/live");
                phone.locator("[data-test=tap-LEGAL]").click();
                phone.locator("[data-test=tap-LEGAL]").click();
                phone.locator("[data-test=tap-REACHED]").click();
                assertThat(phone.locator("[data-value=LEGAL]")).hasText("2");
                assertThat(phone.locator("[data-value=REACHED]")).hasText("1");
                assertThat(phone.locator("[data-pending]")).hasText("");
            });

            step("offline taps wait and are sent once the phone is back", () -> {
                stall.setOffline(true);
                phone.locator("[data-test=tap-REACHED]").click();
                phone.locator("[data-test=tap-HEALTH]").click();
                assertThat(phone.locator("[data-value=REACHED]")).hasText("2");
                assertThat(phone.locator("[data-pending]")).containsText("2");
                stall.setOffline(false);
                assertThat(phone.locator("[data-pending]")).hasText("");
                assertThat(phone.locator("[data-value=REACHED]")).hasText("2");
                assertThat(phone.locator("[data-value=HEALTH]")).hasText("1");
            });

            String applicationNo = measured("a worker scans the poster and applies", () -> {
                BrowserContext workerPhone = browser.phone(baseUrl());
                try {
                    Page worker = workerPhone.newPage();
                    worker.onPageError(pageErrors::add);
                    worker.navigate("/join?s=" + code);
                    assertThat(worker.locator("[data-test=session]")).containsText(TITLE);
                    worker.locator("input[name=name]").fill(WORKER);
                    worker.locator("input[name=idNumber]").fill(residentId());
                    worker.locator("input[name=phone]").fill("13811112222");
                    worker.getByText("无固定单位").click();
                    worker.locator("select[name=occupation]").selectOption("COURIER");
                    worker.locator("select[name=workStreetId]").selectOption(new SelectOption()
                            .setLabel("中关村街道总工会"));
                    worker.locator("input[name=consent]").check();
                    worker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
                    assertThat(worker).hasURL(Pattern.compile("/join/status/A\\d+"));
                    return worker.url().replaceAll(".*/join/status/([^?]+).*$", "$1");
                } finally {
                    workerPhone.close();
                }
            });

            step("the application arrives on the live page and is approved there", () -> {
                Locator arrival = phone.locator("#app-" + applicationNo);
                assertThat(arrival).containsText(WORKER);
                Browser.docsScreenshot(phone, "session-live");
                arrival.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("通过")).click();
                assertThat(phone.locator("[data-outcome=" + applicationNo + "]")).containsText("已通过，会员编号 M");
            });

            step("close the session: its tallies", () -> {
                phone.onceDialog(dialog -> dialog.accept());
                phone.locator("[data-test=close-session]").click();
                assertThat(phone.locator("[data-test=closing-tallies]")).isVisible();
                assertThat(phone.locator("[data-test=final-reached]")).hasText("2");
                assertThat(phone.locator("[data-test=final-LEGAL]")).hasText("2");
                assertThat(phone.locator("[data-test=final-HEALTH]")).hasText("1");
                assertThat(phone.locator("[data-test=final-applications]")).hasText("1");
                for (int look = 0; look < 20 && !"1".equals(phone.locator("[data-test=final-joined]").textContent());
                        look++) {
                    phone.waitForTimeout(500);
                    phone.reload();
                }
                assertThat(phone.locator("[data-test=final-joined]")).hasText("1");
                Browser.docsScreenshot(phone, "session-closed");
            });

            step("the funnel shows the join", () -> {
                phone.navigate("/reports/funnel");
                for (int look = 0; look < 20 && figure(phone, "membersJoined") == joinedBefore[0]; look++) {
                    phone.waitForTimeout(500);
                    phone.reload();
                }
                assertThat(figure(phone, "membersJoined")).isEqualTo(joinedBefore[0] + 1);
            });
        } finally {
            stall.close();
        }
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
    }

    /** One of the funnel page's nine figures, as shown (thousands separated). */
    private static long figure(Page on, String measure) {
        return Long.parseLong(on.locator("[data-measure=" + measure + "] dd").textContent().replace(",", "").strip());
    }

    /** A valid resident ID that no member of this run holds. */
    private static String residentId() {
        String first17 = "110108" + "19920315" + String.format("%03d", (int) (Math.random() * 1000));
        return first17 + IdNumber.checkCharacterFor(first17);
    }
}

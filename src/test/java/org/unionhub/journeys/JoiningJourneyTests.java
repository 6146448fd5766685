package org.unionhub.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.unionhub.QrDecoding;
import org.unionhub.TestTree;
import org.unionhub.common.IdNumber;

/**
 * Joining at a lunchtime stall, in real Chromium on cheap phones (360 × 740 CSS pixels at density 2, touch, an
 * Android user agent) against the running app (embedded PostgreSQL, demo data, the simulated bank). 王芳 of 中关村街道
 * (account {@code zhongguancun}) is signed in on her phone at the stall. A truck driver scans the session's QR code
 * ({@code /join?s=<session code>}), applies, and watches his status page; she filters the approval queue by the
 * session and approves him with one tap; his page turns approved by itself, he opens his e-membership card, and the QR
 * code on it — read back from the screen — holds a link whose signed token the platform confirms.
 *
 * <p>The time from opening the form to the card shown is printed and written with the other steps to
 * {@code target/journey-timings/}; the journey fails above {@link #GOAL}. Screenshots of the form, the queue on a
 * phone and the card are refreshed in {@code docs/img/} with {@code -Dunionhub.docs-screenshots=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTree.class)
class JoiningJourneyTests extends ConsoleJourney {

    static final Duration GOAL = Duration.ofSeconds(60);

    private static final String PASSWORD = "Demo@2023";
    private static final String WORKER = "刘建军";
    private static final String PHONE = "13912346688";
    private static final String STREET = "中关村街道总工会";
    private static final String HANDLING_UNION = "中关村街道联合工会";
    private static final Pattern STATUS_URL = Pattern.compile("/join/status/(A\\d+)\\?secret=[A-Za-z0-9_-]{24}$");
    /** Long enough for the status page's own refresh (every 5 s) to come round. */
    private static final LocatorAssertions.HasTextOptions REFRESH_PATIENCE =
            new LocatorAssertions.HasTextOptions().setTimeout(15_000);

    /** The consent text names the fields too: a field is found by its own label exactly. */
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    TestTree tree;

    @Test
    void aWorkerJoinsAtALunchtimeStallAndHoldsTheCardWithinAMinute() {
        try (BrowserContext staffPhone = browser.cheapPhone(baseUrl());
                BrowserContext workerPhone = browser.cheapPhone(baseUrl())) {
            Page staff = staffPhone.newPage();
            staff.onPageError(pageErrors::add);
            Page worker = workerPhone.newPage();
            worker.onPageError(pageErrors::add);

            step("staff sign in on a phone at the stall", () -> {
                staff.navigate("/login");
                staff.getByLabel("用户名").fill("zhongguancun");
                staff.getByLabel("密码").fill(PASSWORD);
                staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).tap();
                assertThat(staff).hasURL(Pattern.compile("/$"));
            });

            String sessionCode = tree.newSessionCode(tree.org(TestTree.ZHONGGUANCUN_STREET));
            long started = System.nanoTime();
            String applicationNo = measured("the worker opens the session link and applies", () -> {
                worker.navigate("/join?s=" + sessionCode);
                assertThat(worker.locator("header h1")).hasText("加入工会");
                assertThat(worker.locator("[data-test=join-form]")).containsText("（" + sessionCode + "）申请");
                worker.getByLabel("姓名", EXACT).fill(WORKER);
                worker.getByLabel("证件号码", EXACT).fill(residentId());
                worker.getByLabel("手机号码", EXACT).fill(PHONE);
                worker.getByLabel("无固定单位").check();
                worker.getByLabel("职业").selectOption(new SelectOption().setLabel("货车司机"));
                worker.getByLabel("工作所在街道").selectOption(new SelectOption().setLabel(STREET));
                worker.getByLabel("我已阅读并同意").check();
                worker.evaluate("window.scrollTo(0, 0)");
                Browser.docsScreenshot(worker, "join-form");
                worker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).tap();
                assertThat(worker).hasURL(STATUS_URL);
                assertThat(worker.locator("[data-test=application-status]")).hasText("已提交，待审核");
                assertThat(worker.locator("[data-test=handling-unit]")).hasText(HANDLING_UNION);
                Matcher url = STATUS_URL.matcher(worker.url());
                assertThat(url.find()).isTrue();
                return url.group(1);
            });

            step("staff filter the queue by the session and approve with one tap", () -> {
                staff.navigate("/join/queue");
                staff.getByLabel("沟通会编码").fill(sessionCode);
                staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).tap();
                assertThat(staff).hasURL(Pattern.compile("/join/queue\\?s=" + sessionCode + "$"));
                assertThat(staff.getByLabel("沟通会编码")).hasValue(sessionCode);
                Locator item = staff.locator("#app-" + applicationNo);
                assertThat(staff.locator("[data-test=queue] li.queue-item")).hasCount(1);
                assertThat(item).containsText(WORKER);
                assertThat(item).containsText("139****6688");
                assertThat(item).containsText(sessionCode);
                Browser.docsScreenshot(staff, "join-queue-phone");
                item.locator("[data-approve]").tap();
                assertThat(staff.locator("[data-outcome=" + applicationNo + "]"))
                        .containsText(Pattern.compile("已通过，会员编号 M\\d+"));
            });

            step("the worker's page turns approved by itself", () -> {
                assertThat(worker.locator("[data-test=application-status]")).hasText("已通过", REFRESH_PATIENCE);
                assertThat(worker.locator("[data-test=member-no]")).hasText(Pattern.compile("^M\\d+$"));
            });

            step("the worker opens the e-card", () -> {
                worker.locator("[data-test=open-ecard]").tap();
                assertThat(worker.locator("[data-test=ecard-name]")).hasText(WORKER);
                assertThat(worker.locator("[data-test=ecard-qr] svg")).isVisible();
            });
            Duration formToCard = Duration.ofNanos(System.nanoTime() - started);
            timings.put("from opening the form to the card shown", formToCard);

            step("the card's QR code, read from the screen, holds a token the platform confirms", () -> {
                String memberNo = worker.locator("[data-test=ecard-member-no]").textContent();
                assertThat(worker.locator("[data-test=ecard-union]")).hasText(HANDLING_UNION);
                assertThat(worker.locator("[data-test=mutual-aid-status]")).hasText("已发卡", REFRESH_PATIENCE);
                assertThat(worker.locator("[data-test=mutual-aid-number]"))
                        .hasText(Pattern.compile("^\\*{4} \\*{4} \\*{4} \\d{4}$"));
                assertThat(worker.locator("main")).not().containsText(PHONE);
                String link = scan(worker.locator("[data-test=ecard-qr]"));
                assertThat(link).startsWith(baseUrl() + "/api/v1/cards/verify?token=");
                APIResponse answer = workerPhone.request().get(link);
                assertThat(answer.status()).isEqualTo(200);
                JsonNode verification = read(answer.text());
                assertThat(verification.get("valid").asBoolean()).isTrue();
                assertThat(verification.get("memberNo").asText()).isEqualTo(memberNo);
                assertThat(verification.get("unionName").asText()).isEqualTo(HANDLING_UNION);
                assertThat(verification.get("status").asText()).isEqualTo("ACTIVE");
                Browser.docsScreenshot(worker, "ecard");
            });

            System.out.printf("journey: from opening the form to the card shown: %d ms (goal: under %d s)%n",
                    formToCard.toMillis(), GOAL.toSeconds());
            assertThat(formToCard).as("from opening the form to the card shown").isLessThan(GOAL);
        }
    }

    /** What a phone's camera reads from the QR code as it is drawn on the screen (at the screen's own density). */
    private static String scan(Locator qr) {
        try {
            return QrDecoding.fromImage(ImageIO.read(new ByteArrayInputStream(qr.screenshot())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid resident ID born in 1990 that no member of this run holds. */
    private static String residentId() {
        String first17 = "110108" + "19900321" + String.format("%03d", (int) (Math.random() * 1000));
        return first17 + IdNumber.checkCharacterFor(first17);
    }
}

package org.unionhub.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.outreach.SessionKind;
import org.unionhub.outreach.SessionPlanned;
import org.unionhub.outreach.WorkersReached;

/**
 * The funnel and a campaign day in real Chromium on a phone-sized screen: 海淀区's admin opens 统计报表, sees the nine
 * figures and the month chart drawn, drills down to 中关村街道, exports the figures, then watches a campaign's live page
 * pick up workers reached at a stall without reloading. Events are published as outreach will publish them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FunnelJourneyTests extends ConsoleJourney {

    private static final String PASSWORD = "Demo@2023";

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ApplicationEventPublisher publisher;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void aDistrictAdminReadsTheFunnelAndWatchesACampaignLive() {
        LocalDate day = LocalDate.of(2022, 5, 30);
        long campaign = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        long street = orgId("中关村街道总工会");
        SessionPlanned stall = new SessionPlanned(campaign, "J" + campaign, SessionKind.WORKER, street,
                path(street), campaign, day);
        publish(stall);
        publish(new WorkersReached(stall.sessionId(), 25, day));

        context.close();
        context = browser.phone(baseUrl());
        page = context.newPage();
        page.onPageError(pageErrors::add);

        step("sign in and open 统计报表", () -> {
            page.navigate("/login");
            page.getByLabel("用户名").fill("haidian");
            page.getByLabel("密码").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            page.locator("header.top nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("统计报表"))
                    .click();
            assertThat(page.locator("[data-test=funnel-node]")).hasText("海淀区总工会");
        });

        step("choose the period: the figures and the month chart", () -> {
            page.getByLabel("开始日期").fill("2022-01-01");
            page.getByLabel("结束日期").fill("2022-12-31");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
            assertThat(page.locator("[data-measure=workerSessions] dd")).not().hasText("0");
            assertThat(page.locator("#funnel-chart canvas")).hasCount(1);
            assertThat(page.locator("[data-test=funnel-months] tbody tr")).hasCount(12);
            Browser.docsScreenshot(page, "funnel-phone");
        });

        step("drill down to the street", () -> {
            page.locator("[data-test=funnel-children]").getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("中关村街道总工会")).click();
            assertThat(page.locator("[data-test=funnel-node]")).hasText("中关村街道总工会");
            assertThat(page).hasURL(Pattern.compile("from=2022-01-01&to=2022-12-31"));
            assertThat(page.locator("[data-test=funnel-up]")).containsText("海淀区总工会");
        });

        step("export to Excel: figures as numbers", () -> {
            Download download = page.waitForDownload(() -> page.locator("[data-test=funnel-export]").click());
            assertThat(download.suggestedFilename()).endsWith(".xlsx");
            Row street0 = rows(download).get(1);
            assertThat(street0.getCell(0).getText()).isEqualTo("中关村街道总工会");
            assertThat(street0.getCell(4).getType()).isEqualTo(CellType.NUMBER);
            assertThat(street0.getCell(4).asNumber().longValue()).isGreaterThanOrEqualTo(25);
        });

        step("the campaign page picks up new tallies by itself", () -> {
            page.navigate("/reports/campaigns/" + campaign);
            Locator total = page.locator("[data-test=campaign-total] td").nth(1);
            assertThat(total).hasText("25");
            assertThat(page.locator("#campaign-chart canvas")).hasCount(1);
            publish(new WorkersReached(stall.sessionId(), 12, day));
            assertThat(total).hasText("37", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                    .setTimeout(15_000));
            Browser.docsScreenshot(page, "campaign-live");
        });
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> publisher.publishEvent(event));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication
                 WHERE completion_date IS NULL AND listener_id LIKE 'org.unionhub.reporting.%'
                """).query(Long.class).single() == 0);
    }

    private static List<Row> rows(Download download) {
        try (InputStream in = Files.newInputStream(download.path());
                ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            return workbook.getFirstSheet().read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long orgId(String name) {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = ?").param(name).query(Long.class).single();
    }

    private String path(long id) {
        return jdbc.sql("SELECT path FROM org_unit WHERE id = ?").param(id).query(String.class).single();
    }
}

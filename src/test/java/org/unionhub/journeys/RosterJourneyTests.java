package org.unionhub.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unionhub.common.IdNumber;
import org.unionhub.identity.SignIn;
import org.unionhub.membership.ApplicationInput;
import org.unionhub.membership.MembershipApplications;

/**
 * The member roster in real Chromium against the running app: 王芳 of 中关村街道 finds a new member by name (htmx
 * swaps the table), opens the member, reveals the document number with 显示 (an htmx POST carrying the form's CSRF
 * token) — the phone stays masked and the reveal is in the audit log — and exports the roster, masked by default and
 * in full when she ticks 导出完整个人信息.
 *
 * <p>Each step's time is printed ({@code journey <test>: <step> took <n> ms}); screenshots are in
 * {@code target/screenshots/}, and those the user guide shows are refreshed in {@code docs/img/} with
 * {@code -Dunionhub.docs-screenshots=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RosterJourneyTests extends ConsoleJourney {

    private static final String PASSWORD = "Demo@2023";
    private static final String MEMBER = "林晓雨";
    private static final String PHONE = "13912345678";
    private static final String PHONE_MASKED = "139****5678";


    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MembershipApplications applications;

    @Autowired
    private SignIn signIn;


    @Test
    void streetStaffFindRevealAndExportAMember() throws IOException {
        String idNumber = residentId();
        String idMasked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
        String applicationNo = applications.submit(UUID.randomUUID().toString(), new ApplicationInput(MEMBER,
                "RESIDENT_ID", idNumber, PHONE, null, null, "FOOD_DELIVERY_RIDER", streetId("中关村街道总工会"), null,
                null, true)).application().applicationNo();
        String memberNo = applications.approve(signIn.withPassword("zhongguancun", PASSWORD), applicationNo);

        step("sign in and open 会员", () -> {
            page.navigate("/login");
            page.getByLabel("用户名").fill("zhongguancun");
            page.getByLabel("密码").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            page.locator("header.top nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("会员"))
                    .click();
            assertThat(page).hasURL(Pattern.compile("/members$"));
            assertThat(page.locator("main h1")).hasText("会员名册");
        });

        step("filter by name: the table is swapped in place", () -> {
            page.getByLabel("姓名或会员编号").fill(MEMBER);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).click();
            assertThat(page).hasURL(Pattern.compile("[?&]q="));
            Locator rows = page.locator("[data-test=roster] tbody tr");
            assertThat(rows).hasCount(1);
            assertThat(rows.first()).containsText(memberNo);
            assertThat(rows.first()).containsText(idMasked);
            assertThat(rows.first()).containsText(PHONE_MASKED);
            assertThat(rows.first()).containsText("流动会员");
            assertThat(page.locator("main")).not().containsText(idNumber);
            Browser.docsScreenshot(page, "roster");
        });

        step("open the member and reveal the ID number", () -> {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(memberNo)).click();
            assertThat(page.locator("[data-test=member-name]")).hasText(MEMBER);
            Locator id = page.locator("dd[data-field=ID_NUMBER]");
            Locator phone = page.locator("dd[data-field=PHONE]");
            assertThat(id.locator("code")).hasText(idMasked);
            assertThat(phone.locator("code")).hasText(PHONE_MASKED);
            id.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("显示")).click();
            assertThat(id.locator("code")).hasText(idNumber);
            assertThat(id).containsText("已记入审计日志");
            assertThat(phone.locator("code")).hasText(PHONE_MASKED);
            assertThat(page).hasURL(Pattern.compile("/members/" + memberNo + "$"));
            Browser.docsScreenshot(page, "member-reveal");
            assertThat(jdbc.sql("""
                            SELECT detail FROM audit_event
                             WHERE actor = 'zhongguancun' AND action = 'PERSONAL_FIELD_REVEALED' AND target = ?
                            """).param(memberNo).query(String.class).list()).containsExactly("ID_NUMBER");
        });

        step("export: masked by default, in full when asked", () -> {
            page.goBack();
            assertThat(page.locator("[data-test=roster] tbody tr")).hasCount(1);
            Locator export = page.locator("[data-test=roster-export]");
            List<String> masked = firstDataRow(page.waitForDownload(() -> export.getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("导出 Excel")).click()));
            assertThat(masked).contains(memberNo, idMasked, PHONE_MASKED);
            export.getByLabel("导出完整个人信息").check();
            List<String> full = firstDataRow(page.waitForDownload(() -> export.getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("导出 Excel")).click()));
            assertThat(full).contains(memberNo, idNumber, PHONE);
            assertThat(jdbc.sql("""
                            SELECT detail FROM audit_event WHERE actor = 'zhongguancun' AND action = 'PERSONAL_DATA_EXPORTED'
                             ORDER BY id DESC LIMIT 2
                            """).query(String.class).list()).containsExactly("rows=1; unmasked=true",
                    "rows=1; unmasked=false");
        });
    }

    private static List<String> firstDataRow(Download download) {
        assertThat(download.suggestedFilename()).startsWith("会员名册-").endsWith(".xlsx");
        try (InputStream in = Files.newInputStream(download.path());
                ReadableWorkbook workbook = new ReadableWorkbook(in);
                var rows = workbook.getFirstSheet().openStream()) {
            return rows.skip(1).findFirst().orElseThrow().stream().map(c -> c.getText()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long streetId(String name) {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = ?").param(name).query(Long.class).single();
    }

    /** A valid resident ID that no member of this run holds. */
    private static String residentId() {
        String first17 = "110108" + "19950817" + String.format("%03d", (int) (Math.random() * 1000));
        return first17 + IdNumber.checkCharacterFor(first17);
    }
}

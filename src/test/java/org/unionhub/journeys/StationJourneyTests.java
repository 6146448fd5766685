package org.unionhub.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.SelectOption;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unionhub.station.domain.GeoMath;

/**
 * The service stations in real Chromium against the running app (embedded PostgreSQL with the demo data). A rider on
 * a phone, without signing in, finds the nearest station with a microwave that is open now, by the phone's position
 * (a WGS-84 fix the page converts to GCJ-02) or by choosing a street, and opens its card with the link into 高德地图.
 * 李明 of the Haidian district union registers a warm station under 中关村街道 (correcting the form on the way),
 * marks it built — which requests its ¥2,000 grant — and accepts it, which releases the grant; the district's budget
 * shows it, and the rider finds the new station. Street staff may register stations but not accept them.
 *
 * <p>Each step's time is printed ({@code journey <test>: <step> took <n> ms}); screenshots are in
 * {@code target/screenshots/}, and those the user guide shows are refreshed in {@code docs/img/} with
 * {@code -Dunionhub.docs-screenshots=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StationJourneyTests extends ConsoleJourney {

    private static final String PASSWORD = "Demo@2023";
    private static final String STREET_UNION = "中关村街道总工会";
    private static final String HOT_MEALS = "热饭（微波炉）";
    private static final String OPEN = "营业中";
    /** Where the rider stands: a GPS (WGS-84) fix on 中关村大街, a few hundred metres from the demo stations. */
    private static final Geolocation RIDER_GPS = new Geolocation(39.9787, 116.3046);

    private static final String WARM_STATION = "中关村南大街便利店暖心驿站";
    private static final String WARM_STATION_LAT = "39.975800";
    private static final String WARM_STATION_LNG = "116.309500";
    private static final String OUTDOOR_STATION = "中关村东路户外劳动者服务站";

    private static final Pattern DISTANCE = Pattern.compile("^([0-9]+(?:\\.[0-9])?) (米|公里)$");
    private static final Pattern HOURS = Pattern.compile("^(24h|[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}(,[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2})*)$");


    @Autowired
    private JdbcClient jdbc;


    @Test
    void riderFindsAHotMealOpenNowByPositionOrStreet() {
        try (BrowserContext phone = riderAt(RIDER_GPS)) {
            Page rider = phone.newPage();
            rider.onPageError(pageErrors::add);
            long started = System.nanoTime();

            step("open /find", () -> {
                rider.navigate("/find");
                assertThat(rider.locator("header h1")).hasText("找驿站");
                assertThat(rider.getByLabel("只看现在开放的")).isChecked();
                assertThat(rider.locator("[data-test=results]")).hasCount(0);
            });

            Locator results = rider.locator("[data-test=results] > li");
            step("find by my position", () -> {
                rider.getByLabel(HOT_MEALS).check();
                rider.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("按我的位置找")).click();
                assertThat(rider).hasURL(Pattern.compile(
                        "/find\\?lat=39\\.9787&lng=116\\.3046&crs=WGS84&amenity=HOT_MEALS&openNow=true&street=$"));
                assertThat(results.first()).isVisible();
                assertThat(rider.getByLabel(HOT_MEALS)).isChecked();
                assertThat(rider.getByLabel("只看现在开放的")).isChecked();
                assertOpenWithHotMealsNearestFirst(results);
                Browser.docsScreenshot(rider, "finder-results");
            });

            step("open the nearest card", () -> {
                String name = results.first().locator("strong").textContent();
                results.first().getByRole(AriaRole.LINK).click();
                assertThat(rider.locator("[data-test=card-name]")).hasText(name);
            });
            timings.put("from opening /find to the card shown", Duration.ofNanos(System.nanoTime() - started));

            step("read the card", () -> {
                Matcher url = Pattern.compile("/find/stations/([0-9]+)\\?distance=([0-9]+)$").matcher(rider.url());
                assertThat(url.find()).as(rider.url()).isTrue();
                Map<String, Object> station = jdbc.sql("SELECT address, lat::text AS lat, lng::text AS lng FROM station"
                        + " WHERE id = :id").param("id", Long.parseLong(url.group(1))).query().singleRow();
                assertThat(rider.locator("[data-test=card-open]")).hasText(OPEN);
                assertThat(rider.locator("main .card")).containsText("距您约 " + url.group(2) + " 米");
                assertThat(fact(rider, "今天")).hasText(HOURS);
                assertThat(fact(rider, "地址")).hasText((String) station.get("address"));
                assertThat(fact(rider, "服务设施").locator(".chip").filter(new Locator.FilterOptions().setHasText(HOT_MEALS)))
                        .hasCount(1);
                Locator amap = rider.locator("[data-test=nav-amap]");
                assertThat(amap).hasText("高德地图导航");
                assertThat(amap).hasAttribute("href", Pattern.compile("^https://uri\\.amap\\.com/marker\\?position="
                        + literal(station.get("lng") + "," + station.get("lat")) + "&"));
                assertThat(amap).hasAttribute("href", Pattern.compile("&coordinate=gaode&"));
                Browser.docsScreenshot(rider, "finder-card");
            });

            step("find by street", () -> {
                rider.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("返回查找")).click();
                rider.getByLabel(HOT_MEALS).check();
                rider.getByLabel("选择街道").selectOption(new SelectOption().setLabel(STREET_UNION));
                rider.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找")).click();
                assertThat(rider).hasURL(Pattern.compile("[?&]street=" + orgId(STREET_UNION) + "$"));
                assertThat(rider.getByLabel("选择街道")).hasValue(String.valueOf(orgId(STREET_UNION)));
                assertThat(results.first()).isVisible();
                assertOpenWithHotMealsNearestFirst(results);
                Browser.screenshot(rider, "finder-street");
            });
        }
    }

    @Test
    void districtAdminRegistersAWarmStationAcceptsItAndRidersFindIt() {
        long streetUnion = orgId(STREET_UNION);
        step("sign in", () -> {
            signInAs("haidian");
            assertThat(page.locator("[data-test=who]")).hasText("海淀区总工会 李明");
        });

        BigDecimal committedBefore = measured("read the district's budget", () -> {
            page.navigate("/stations/funding");
            return committed();
        });

        long countBefore = measured("open 服务阵地 with its counts", () -> {
            nav("服务阵地").click();
            assertThat(page).hasURL(Pattern.compile("/stations$"));
            assertThat(page.locator("main h1")).hasText("服务阵地");
            Locator counts = page.locator("[data-test=station-counts]");
            assertThat(counts.locator("thead th").first()).hasText("区");
            assertThat(counts.locator("thead")).containsText("职工暖心驿站");
            assertThat(counts.locator("tbody tr").first().locator("td").first()).hasText("海淀区总工会");
            assertThat(counts).not().containsText("东城区总工会");
            assertThat(page.locator("[data-test=stations]")).containsText("中关村e世界暖心驿站");
            long total = countTotal();

            page.locator("select[name=kind]").selectOption(new SelectOption().setLabel("职工暖心驿站"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).click();
            assertThat(page).hasURL(Pattern.compile("[?&]kind=WARM_STATION"));
            Locator rows = page.locator("[data-test=stations] tbody tr");
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("中关村e世界暖心驿站"))).hasCount(1);
            assertThat(rows.filter(new Locator.FilterOptions().setHasNotText("职工暖心驿站"))).hasCount(0);
            assertThat(page.locator("[data-test=station-counts] tr.total th").last()).hasText(String.valueOf(total));
            Browser.docsScreenshot(page, "stations");
            return total;
        });

        step("a new station: errors beside their fields", () -> {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新增阵地")).click();
            assertThat(page).hasURL(Pattern.compile("/stations/new$"));
            assertThat(page.locator("select[name=kindCode]")).hasValue("WARM_STATION");
            field("name").fill(WARM_STATION);
            field("ownerOrgId").fill(String.valueOf(streetUnion));
            page.locator("select[name=hostTypeCode]").selectOption("CONVENIENCE_STORE");
            field("hostName").fill("便利蜂中关村南大街店");
            field("address").fill("海淀区中关村南大街 5 号");
            field("lat").fill("399.758");
            field("lng").fill(WARM_STATION_LNG);
            for (String amenity : List.of("HOT_MEALS", "CHARGING", "REST_SEATS")) {
                page.locator("input[name=amenities][value=" + amenity + "]").check();
            }
            field("weeklyHours").fill("每天 9点到18点");
            field("contactPhone").fill("010-62551234");
            saveButton().click();

            assertThat(page.locator("small.error[data-field=lat]")).hasText("纬度：超出允许范围");
            assertThat(page.locator("small.error[data-field=weeklyHours]")).hasText("开放时间：格式不正确");
            assertThat(page.locator("small.error")).hasCount(2);
            assertThat(field("lat")).hasClass(Pattern.compile("\\binvalid\\b"));
            assertThat(field("weeklyHours")).hasClass(Pattern.compile("\\binvalid\\b"));
            assertThat(field("name")).hasValue(WARM_STATION);
            assertThat(page.locator("input[name=amenities][value=HOT_MEALS]")).isChecked();
            Browser.screenshot(page, "station-form-errors");
        });

        long id = measured("fix them and save", () -> {
            field("lat").fill(WARM_STATION_LAT);
            field("weeklyHours").fill("1-7 24h");
            saveButton().click();
            assertThat(page).hasURL(Pattern.compile("/stations/[0-9]+\\?saved$"));
            assertThat(page.locator("p.notice")).hasText("已保存。");
            assertThat(page.locator("[data-test=station-name]")).hasText(WARM_STATION);
            assertThat(page.locator("[data-test=station-status]")).hasText("规划中");
            assertThat(page.locator("dl.facts").first()).containsText(STREET_UNION);
            assertThat(page.locator("dl.facts").first()).containsText(WARM_STATION_LAT + ", " + WARM_STATION_LNG);
            Matcher url = Pattern.compile("/stations/([0-9]+)\\?saved$").matcher(page.url());
            assertThat(url.find()).isTrue();
            return Long.parseLong(url.group(1));
        });

        step("登记建成 requests the grant", () -> {
            statusButton("登记建成（申请经费）").click();
            assertThat(page).hasURL(Pattern.compile("/stations/" + id + "\\?status$"));
            assertThat(page.locator("[data-test=station-status]")).hasText("已建成");
            assertThat(fact(page, "补助金额")).hasText("¥2000.00");
            assertThat(page.locator("[data-test=grant-status]")).hasText("已申请");
            assertThat(fact(page, "申请人")).hasText("haidian");
        });

        step("验收通过 releases it", () -> {
            statusButton("验收通过（拨付经费）").click();
            assertThat(page.locator("[data-test=station-status]")).hasText("已验收");
            assertThat(page.locator("[data-test=grant-status]")).hasText("已拨付");
            assertThat(fact(page, "补助金额")).hasText("¥2000.00");
            assertThat(fact(page, "拨付人")).hasText("haidian");
            assertThat(statusButton("验收通过（拨付经费）")).hasCount(0);
            assertThat(statusButton("暂停服务")).isVisible();
            page.locator("[data-test=station-name]").evaluate("h1 => h1.scrollIntoView({block: 'start'})");
            assertThat(page.locator("[data-test=grant]")).isInViewport();
            Browser.docsScreenshot(page, "station-grant");
        });

        step("suspend and resume", () -> {
            statusButton("暂停服务").click();
            assertThat(page.locator("[data-test=station-status]")).hasText("暂停服务");
            assertThat(statusButton("验收通过（拨付经费）")).hasCount(0);
            statusButton("恢复服务").click();
            assertThat(page.locator("[data-test=station-status]")).hasText("已验收");
            assertThat(page.locator("[data-test=grant-status]")).hasText("已拨付");
        });

        step("the list and the budget count it", () -> {
            nav("服务阵地").click();
            assertThat(page.locator("[data-test=station-counts] tr.total th").last())
                    .hasText(String.valueOf(countBefore + 1));
            Locator row = page.locator("[data-test=stations] tbody tr")
                    .filter(new Locator.FilterOptions().setHasText(WARM_STATION));
            assertThat(row.locator(".tag")).hasText("已验收");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("建设经费")).click();
            assertThat(page).hasURL(Pattern.compile("/stations/funding$"));
            assertThat(page.locator("main h2").first()).containsText("海淀区总工会");
            assertThat(committed()).isEqualByComparingTo(committedBefore.add(new BigDecimal("2000.00")));
            Browser.screenshot(page, "station-funding");
        });

        step("a rider next to it finds it", () -> {
            GeoMath.LatLng gps = GeoMath.gcj02ToWgs84(Double.parseDouble(WARM_STATION_LAT),
                    Double.parseDouble(WARM_STATION_LNG));
            try (BrowserContext phone = riderAt(new Geolocation(gps.lat(), gps.lng()))) {
                Page rider = phone.newPage();
                rider.onPageError(pageErrors::add);
                rider.navigate("/find");
                rider.getByLabel(HOT_MEALS).check();
                assertThat(rider.getByLabel("只看现在开放的")).isChecked();
                rider.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("按我的位置找")).click();
                Locator nearest = rider.locator("[data-test=results] > li").first();
                assertThat(nearest.locator("strong")).hasText(WARM_STATION);
                assertThat(nearest.locator(".open")).hasText(OPEN);
                assertThat(metres(nearest.locator(".dist").textContent())).isLessThan(20);
                nearest.getByRole(AriaRole.LINK).click();
                assertThat(rider.locator("[data-test=card-name]")).hasText(WARM_STATION);
                assertThat(fact(rider, "今天")).hasText("24h");
                assertThat(rider.locator("[data-test=nav-amap]")).hasAttribute("href", Pattern.compile(
                        "position=" + literal(WARM_STATION_LNG + "," + WARM_STATION_LAT) + "&"));
            }
        });
    }

    @Test
    void streetStaffRegistersStationsButCannotAcceptThem() {
        step("sign in", () -> signInAs("zhongguancun"));

        step("register and mark built", () -> {
            page.navigate("/stations/new");
            page.locator("select[name=kindCode]").selectOption("OUTDOOR_STATION");
            field("name").fill(OUTDOOR_STATION);
            field("address").fill("海淀区中关村东路 18 号");
            field("lat").fill("39.983900");
            field("lng").fill("116.326400");
            field("weeklyHours").fill("1-5 09:00-18:00");
            saveButton().click();
            assertThat(page.locator("[data-test=station-name]")).hasText(OUTDOOR_STATION);
            assertThat(page.locator("dl.facts").first()).containsText(STREET_UNION);
            statusButton("登记建成（申请经费）").click();
            assertThat(page.locator("[data-test=station-status]")).hasText("已建成");
        });

        step("no 验收通过 for street staff", () -> {
            assertThat(statusButton("撤销")).isVisible();
            assertThat(statusButton("验收通过（拨付经费）")).hasCount(0);
            assertThat(page.locator("button[data-next=ACCEPTED]")).hasCount(0);
        });

        step("posting ACCEPTED anyway is refused", () -> {
            String station = page.url().replaceAll("\\?.*$", "");
            Locator form = page.locator("form").filter(new Locator.FilterOptions().setHas(statusButton("撤销")));
            Response refused = page.waitForResponse(r -> r.url().endsWith("/status") && r.request().method().equals("POST"),
                    () -> form.evaluate("f => { f.elements.status.value = 'ACCEPTED'; f.submit(); }"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(page.locator("main h1")).hasText("403 · 无法完成操作");
            assertThat(page.locator("main .errors")).hasText("您的角色无权执行此操作");
            Browser.screenshot(page, "station-accept-forbidden");

            page.navigate(station);
            assertThat(page.locator("[data-test=station-status]")).hasText("已建成");
        });
    }

    private void assertOpenWithHotMealsNearestFirst(Locator results) {
        List<String> distances = results.locator(".dist").allTextContents();
        assertThat(distances).isNotEmpty();
        List<Long> metres = distances.stream().map(StationJourneyTests::metres).toList();
        assertThat(metres).as("distances shown, in metres: %s", distances).isSorted();
        for (int i = 0; i < distances.size(); i++) {
            Locator result = results.nth(i);
            assertThat(result.locator(".open")).hasText(OPEN);
            assertThat(result.locator(".closed")).hasCount(0);
            assertThat(result.locator(".chip").filter(new Locator.FilterOptions().setHasText(HOT_MEALS))).hasCount(1);
        }
    }

    /** "350 米" or "1.2 公里" in metres. */
    private static long metres(String shown) {
        Matcher m = DISTANCE.matcher(shown.strip());
        assertThat(m.matches()).as("distance shown: %s", shown).isTrue();
        BigDecimal value = new BigDecimal(m.group(1));
        return (m.group(2).equals("公里") ? value.movePointRight(3) : value).longValueExact();
    }

    /** Text matched literally by a regular expression Playwright runs in the browser (no {@code \Q…\E} there). */
    private static String literal(String text) {
        return text.replaceAll("[.\\\\^$|?*+()\\[\\]{}]", "\\\\$0");
    }

    /** A phone with no session whose GPS reports {@code position}, the finder allowed to ask for it. */
    private BrowserContext riderAt(Geolocation position) {
        BrowserContext phone = browser.phone(baseUrl());
        phone.setDefaultTimeout(15_000);
        phone.grantPermissions(List.of("geolocation"));
        phone.setGeolocation(position);
        return phone;
    }

    /** The value beside a label in a card's or page's list of facts. */
    private static Locator fact(Page on, String label) {
        return on.locator("dl dt:text-is('" + label + "') + dd");
    }

    private BigDecimal committed() {
        Locator committed = fact(page, "已申请/已拨付");
        assertThat(committed).hasText(Pattern.compile("^¥[0-9]+\\.[0-9]{2}$"));
        return new BigDecimal(committed.textContent().substring(1));
    }

    private long countTotal() {
        Locator total = page.locator("[data-test=station-counts] tr.total th").last();
        assertThat(total).hasText(Pattern.compile("^[0-9]+$"));
        return Long.parseLong(total.textContent());
    }


    private void signInAs(String username) {
        page.navigate("/login");
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        assertThat(page.locator("[data-test=who]")).isVisible();
    }

    private Locator nav(String label) {
        return page.locator("header.top nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(label));
    }

    private Locator field(String name) {
        return page.locator("form.stack [name=" + name + "]:not([type=hidden])");
    }

    private Locator statusButton(String label) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    private Locator saveButton() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存"));
    }

    private long orgId(String name) {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = :name").param("name", name).query(Long.class).single();
    }
}

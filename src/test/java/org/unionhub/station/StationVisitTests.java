package org.unionhub.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionhub.UnionHubTest;
import org.springframework.test.web.servlet.MvcResult;

/** The worker's side without signing in: scanning a station's QR code on arrival, and the finder's pages. */
@UnionHubTest
class StationVisitTests extends StationApiSupport {

    private static final String VISITOR_COOKIE = "uh_visitor";

    private long street() {
        return orgId("110108011");
    }

    @Test
    void scanningTwiceFromTheSamePhoneCountsOneVisitAndAnotherPhoneASecond() throws Exception {
        JsonNode station = create("admin", station(street(), 39.9801, 116.3102));
        long id = station.get("id").asLong();
        changeStatus("admin", id, "BUILT");
        String code = station.get("scanCode").asText();

        MvcResult first = mvc.perform(get("/s/" + code)).andExpect(status().isOk()).andReturn();
        Cookie visitor = first.getResponse().getCookie(VISITOR_COOKIE);
        assertThat(visitor).isNotNull();
        assertThat(visitor.getValue()).hasSize(36);
        assertThat(visitor.isHttpOnly()).isTrue();
        assertThat(visitor.getMaxAge()).isEqualTo((int) Duration.ofDays(365).toSeconds());
        assertThat(page(first)).contains("本次到站已记录").contains(station.get("name").asText());
        assertThat(visits(id)).isOne();

        MvcResult again = mvc.perform(get("/s/" + code).cookie(visitor)).andExpect(status().isOk()).andReturn();
        assertThat(again.getResponse().getCookie(VISITOR_COOKIE)).as("the phone keeps its cookie").isNull();
        assertThat(visits(id)).isOne();

        mvc.perform(get("/s/" + code)).andExpect(status().isOk());
        assertThat(visits(id)).isEqualTo(2);
        mvc.perform(get("/s/" + code).cookie(new Cookie(VISITOR_COOKIE, "forged"))).andExpect(status().isOk());
        assertThat(visits(id)).as("a malformed cookie is a new device").isEqualTo(3);

        assertThat(jdbc.sql("SELECT visitor_key FROM station_visit WHERE station_id = ?").param(id)
                .query(String.class).list()).allSatisfy(key -> assertThat(key).matches("[0-9a-f]{64}"))
                .doesNotContain(visitor.getValue());
        assertThat(getJson("/api/v1/stations/" + id, as("admin")).get("scanCode").asText()).isEqualTo(code);
    }

    @Test
    void aStationNotInServiceHasNoScanPageAndCountsNothing() throws Exception {
        JsonNode planned = create("admin", station(street(), 39.9802, 116.3103));
        JsonNode suspended = create("admin", station(street(), 39.9803, 116.3104));
        long suspendedId = suspended.get("id").asLong();
        changeStatus("admin", suspendedId, "BUILT");
        mvc.perform(get("/s/" + suspended.get("scanCode").asText())).andExpect(status().isOk());
        changeStatus("admin", suspendedId, "ACCEPTED");
        changeStatus("admin", suspendedId, "SUSPENDED");

        mvc.perform(get("/s/" + planned.get("scanCode").asText())).andExpect(status().isNotFound());
        mvc.perform(get("/s/" + suspended.get("scanCode").asText())).andExpect(status().isNotFound());
        mvc.perform(get("/s/NOSUCHCODE")).andExpect(status().isNotFound());
        mvc.perform(get("/find/stations/" + planned.get("id").asLong())).andExpect(status().isNotFound());

        assertThat(visits(planned.get("id").asLong())).isZero();
        assertThat(visits(suspendedId)).as("only the scan while it was in service").isOne();
    }

    @Test
    void theFinderPagesOpenWithoutSignIn() throws Exception {
        Map<String, Object> body = station(street(), 39.9805, 116.3105);
        body.put("amenities", java.util.List.of("HOT_MEALS", "PARKING"));
        body.put("parkingFreeMinutes", 30);
        long id = createInService(body);
        String name = (String) body.get("name");

        String form = page(mvc.perform(get("/find")).andExpect(status().isOk()).andReturn());
        assertThat(form).contains("找驿站").contains("中关村街道总工会");

        String results = page(mvc.perform(get("/find?lat=39.9805&lng=116.3105&crs=GCJ02&amenity=PARKING"))
                .andExpect(status().isOk()).andReturn());
        assertThat(results).contains(name).contains("/find/stations/" + id + "?distance=0");

        String card = page(mvc.perform(get("/find/stations/" + id + "?distance=350")).andExpect(status().isOk())
                .andReturn());
        assertThat(card).contains(name).contains("距您约 350 米").contains("30 分钟免费").contains("营业中")
                .contains("uri.amap.com/marker").contains("116.310500");
    }

    @Test
    void aStationNameWithMarkupIsShownAsText() throws Exception {
        String name = "<script>alert(1)</script>驿站" + unique("");
        Map<String, Object> body = station(street(), 39.9806, 116.3106);
        body.put("name", name);
        long id = createInService(body);
        String escaped = "&lt;script&gt;alert(1)&lt;/script&gt;驿站";

        String card = page(mvc.perform(get("/find/stations/" + id)).andExpect(status().isOk()).andReturn());
        String list = page(mvc.perform(get("/find?lat=39.9806&lng=116.3106&crs=GCJ02")).andExpect(status().isOk())
                .andReturn());
        String scan = page(mvc.perform(get("/s/" + getJson("/api/v1/stations/" + id, as("admin"))
                .get("scanCode").asText())).andExpect(status().isOk()).andReturn());

        for (String page : new String[] {card, list, scan}) {
            assertThat(page).doesNotContain("<script>alert(1)").contains(escaped);
        }
    }

    @Test
    void theOtherMapsLinkCarriesDecimalPointsWhateverTheServersLocale() throws Exception {
        long id = createInService(station(street(), 39.9807, 116.3107));
        Locale before = Locale.getDefault();
        String card;
        try {
            Locale.setDefault(Locale.GERMANY);
            card = page(mvc.perform(get("/find/stations/" + id)).andExpect(status().isOk()).andReturn());
        } finally {
            Locale.setDefault(before);
        }
        assertThat(card).containsPattern("href=\"geo:39\\.\\d{6},116\\.\\d{6}\\?q=39\\.\\d{6},116\\.\\d{6}\"");
    }

    private long visits(long stationId) {
        return count("SELECT count(*) FROM station_visit WHERE station_id = ?", stationId);
    }

    private static String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}

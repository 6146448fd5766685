package org.unionhub.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.servlet.MvcResult;
import org.unionhub.UnionHubTest;
import org.unionhub.station.domain.GeoMath;

/** The staff registry API: registering stations, the rules their input must keep, scope and permissions. */
@UnionHubTest
class StationRegistryApiTests extends StationApiSupport {

    /** 中关村街道 (zhongguancun's own street) and 崇文门外街道 (Dongcheng). */
    private long zhongguancun() {
        return orgId("110108011");
    }

    private long chongwenmen() {
        return orgId("110101012");
    }

    private Map<String, Object> zhongguancunStation() {
        return station(zhongguancun(), 39.982, 116.316);
    }

    @Test
    void registeringAStationAnswers201WithTheStoredStation() throws Exception {
        Map<String, Object> body = zhongguancunStation();
        body.put("kindCode", "WARM_STATION");
        body.put("amenities", List.of("HOT_MEALS", "CHARGING"));
        body.put("weeklyHours", "1-5 09:00-18:00; 6,7 10:00-16:00");
        body.put("hoursExceptions", "2026-10-01 closed");
        body.put("photoUrls", List.of("https://img.example/station.jpg"));

        JsonNode created = create("zhongguancun", body);

        long id = created.get("id").asLong();
        assertThat(id).isPositive();
        assertThat(created.get("status").asText()).isEqualTo("PLANNED");
        assertThat(created.get("name").asText()).isEqualTo(body.get("name"));
        assertThat(created.get("ownerOrgId").asLong()).isEqualTo(zhongguancun());
        assertThat(created.get("ownerOrgName").asText()).isEqualTo("中关村街道总工会");
        assertThat(created.get("scanCode").asText()).matches("[2-9A-HJ-NP-Z]{10}");
        assertThat(created.get("weeklyHours").asText()).isEqualTo("1-5 09:00-18:00; 6,7 10:00-16:00");
        assertThat(created.get("hoursExceptions").asText()).isEqualTo("2026-10-01 closed");
        assertThat(created.get("lat").decimalValue()).isEqualByComparingTo("39.982");
        assertThat(created.get("photoUrls").get(0).asText()).isEqualTo("https://img.example/station.jpg");
        assertThat(getJson("/api/v1/stations/" + id, as("zhongguancun")).get("name").asText())
                .isEqualTo(body.get("name"));
        assertThat(count("SELECT count(*) FROM station_status_change WHERE station_id = ?", id)).isZero();
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("a blank name", b -> b.put("name", "   "), "name:REQUIRED"),
                bad("a name over 100 characters", b -> b.put("name", "长".repeat(101)), "name:TOO_LONG"),
                bad("an unknown kind", b -> b.put("kindCode", "SPACE_STATION"), "kindCode:UNKNOWN_CODE"),
                bad("no kind", b -> b.put("kindCode", null), "kindCode:REQUIRED"),
                bad("no owner", b -> b.put("ownerOrgId", null), "ownerOrgId:REQUIRED"),
                bad("an unknown host type", b -> b.put("hostTypeCode", "CASTLE"), "hostTypeCode:UNKNOWN_CODE"),
                bad("no address", b -> b.put("address", ""), "address:REQUIRED"),
                bad("a latitude north of China", b -> b.put("lat", new BigDecimal("60.1")), "lat:OUT_OF_RANGE"),
                bad("a latitude south of China", b -> b.put("lat", new BigDecimal("2.9")), "lat:OUT_OF_RANGE"),
                bad("a longitude west of China", b -> b.put("lng", new BigDecimal("-0.12")), "lng:OUT_OF_RANGE"),
                bad("no latitude", b -> b.put("lat", null), "lat:REQUIRED"),
                bad("an unknown coordinate system", b -> b.put("crs", "BD09"), "crs:UNKNOWN_CODE"),
                bad("unreadable hours", b -> b.put("weeklyHours", "Mon-Fri nine to five"), "weeklyHours:FORMAT"),
                bad("hours on day 8", b -> b.put("weeklyHours", "8 09:00-18:00"), "weeklyHours:FORMAT"),
                bad("no hours", b -> b.put("weeklyHours", " "), "weeklyHours:REQUIRED"),
                bad("an impossible exception date", b -> b.put("hoursExceptions", "2026-02-30 closed"),
                        "hoursExceptions:FORMAT"),
                bad("an unknown amenity", b -> b.put("amenities", List.of("DRINKING_WATER", "FREE_BEER")),
                        "amenities:UNKNOWN_CODE"),
                bad("a negative capacity", b -> b.put("capacity", -1), "capacity:NEGATIVE"),
                bad("no free parking minutes", b -> b.put("parkingFreeMinutes", 0), "parkingFreeMinutes:NOT_POSITIVE"),
                bad("a phone number with letters", b -> b.put("contactPhone", "call 010-6255"), "contactPhone:FORMAT"),
                bad("a photo link that is not http", b -> b.put("photoUrls", List.of("ftp://img.example/a.jpg")),
                        "photoUrls:FORMAT"),
                bad("a capacity that is not a number", b -> b.put("capacity", "many"), "capacity:FORMAT"));
    }

    private static Arguments bad(String what, Consumer<Map<String, Object>> change, String error) {
        return Arguments.of(what, change, error);
    }

    @ParameterizedTest(name = "{0} → 400 {2}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithTheFieldAndCodeAndNothingIsStored(String what, Consumer<Map<String, Object>> change,
            String error) throws Exception {
        Map<String, Object> body = zhongguancunStation();
        String address = (String) body.get("address");
        change.accept(body);
        long stations = count("SELECT count(*) FROM station");

        MvcResult result = mvc.perform(postJson("/api/v1/stations", body).with(as("zhongguancun")))
                .andExpect(status().isBadRequest()).andReturn();

        assertThat(errors(result)).containsExactly(error);
        assertThat(count("SELECT count(*) FROM station WHERE address = ?", address)).isZero();
        assertThat(count("SELECT count(*) FROM station")).isEqualTo(stations);
    }

    @Test
    void anOwnerOutsideTheCallersScopeIsNotFound() throws Exception {
        Map<String, Object> body = station(chongwenmen(), 39.8995, 116.4167);

        MvcResult result = mvc.perform(postJson("/api/v1/stations", body).with(as("zhongguancun")))
                .andExpect(status().isBadRequest()).andReturn();

        assertThat(errors(result)).containsExactly("ownerOrgId:NOT_FOUND");
        assertThat(count("SELECT count(*) FROM station WHERE address = ?", body.get("address"))).isZero();
        create("dongcheng", body);
        assertThat(count("SELECT count(*) FROM station WHERE address = ?", body.get("address"))).isOne();
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() throws Exception {
        Map<String, Object> body = zhongguancunStation();
        body.put("name", "");
        body.put("lat", new BigDecimal("99"));
        body.put("capacity", -5);
        body.put("contactPhone", "???");

        MvcResult result = mvc.perform(postJson("/api/v1/stations", body).with(as("zhongguancun")))
                .andExpect(status().isBadRequest()).andReturn();

        assertThat(errors(result)).containsExactlyInAnyOrder("name:REQUIRED", "lat:OUT_OF_RANGE", "capacity:NEGATIVE",
                "contactPhone:FORMAT");
        assertThat(json(result).get("errors").get(0).get("message").asText()).contains("：");
    }

    @Test
    void theSameUnionNameAndAddressTwiceIsOneStation() throws Exception {
        Map<String, Object> body = zhongguancunStation();
        long first = create("zhongguancun", body).get("id").asLong();
        body.put("capacity", 42);
        body.put("name", "  " + body.get("name") + " ");

        long second = create("zhongguancun", body).get("id").asLong();

        assertThat(second).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM station WHERE owner_org_id = ? AND address = ?", zhongguancun(),
                body.get("address"))).isOne();
        assertThat(count("SELECT capacity FROM station WHERE id = ?", first)).isEqualTo(42);
    }

    @Test
    void gpsCoordinatesAreStoredAsGcj02() throws Exception {
        Map<String, Object> body = zhongguancunStation();
        body.put("lat", new BigDecimal("39.976543"));
        body.put("lng", new BigDecimal("116.305678"));
        body.put("crs", "WGS84");

        JsonNode created = create("zhongguancun", body);

        GeoMath.LatLng gcj = GeoMath.wgs84ToGcj02(39.976543, 116.305678);
        String lat = BigDecimal.valueOf(gcj.lat()).setScale(6, RoundingMode.HALF_UP).toPlainString();
        String lng = BigDecimal.valueOf(gcj.lng()).setScale(6, RoundingMode.HALF_UP).toPlainString();
        assertThat(created.get("lat").decimalValue().toPlainString()).isEqualTo(lat);
        assertThat(created.get("lng").decimalValue().toPlainString()).isEqualTo(lng);
        long id = created.get("id").asLong();
        assertThat(jdbc.sql("SELECT lat::text || ',' || lng::text FROM station WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo(lat + "," + lng);
        double shift = NearestStationsApiTests.haversine(39.976543, 116.305678, gcj.lat(), gcj.lng());
        assertThat(shift).isBetween(100.0, 700.0);
    }

    @Test
    void aStreetCannotSeeOrChangeAnotherDistrictsStation() throws Exception {
        Map<String, Object> body = station(chongwenmen(), 39.8995, 116.4167);
        long id = create("dongcheng", body).get("id").asLong();

        MvcResult read = mvc.perform(get("/api/v1/stations/" + id).with(as("zhongguancun")))
                .andExpect(status().isNotFound()).andReturn();
        assertThat(errors(read)).containsExactly("NOT_FOUND");
        Map<String, Object> change = new java.util.LinkedHashMap<>(body);
        change.put("ownerOrgId", zhongguancun());
        change.put("name", "被改名的驿站");
        mvc.perform(putJson("/api/v1/stations/" + id, change).with(as("zhongguancun")))
                .andExpect(status().isNotFound());
        mvc.perform(postJson("/api/v1/stations/" + id + "/status", Map.of("status", "BUILT")).with(as("zhongguancun")))
                .andExpect(status().isNotFound());

        JsonNode unchanged = getJson("/api/v1/stations/" + id, as("dongcheng"));
        assertThat(unchanged.get("name").asText()).isEqualTo(body.get("name"));
        assertThat(unchanged.get("ownerOrgId").asLong()).isEqualTo(chongwenmen());
        assertThat(unchanged.get("status").asText()).isEqualTo("PLANNED");
        assertThat(ids(getJson("/api/v1/stations?q=" + body.get("name"), as("zhongguancun")))).isEmpty();
        assertThat(ids(getJson("/api/v1/stations?q=" + body.get("name"), as("admin")))).containsExactly(id);
    }

    @Test
    void aStreetCanChangeItsOwnStation() throws Exception {
        Map<String, Object> body = zhongguancunStation();
        long id = create("zhongguancun", body).get("id").asLong();
        body.put("capacity", 99);
        body.put("weeklyHours", "1-7 22:00-06:00");

        JsonNode changed = json(mvc.perform(putJson("/api/v1/stations/" + id, body).with(as("zhongguancun")))
                .andExpect(status().isOk()).andReturn());

        assertThat(changed.get("capacity").asInt()).isEqualTo(99);
        assertThat(changed.get("weeklyHours").asText()).isEqualTo("1-7 22:00-06:00");
        assertThat(count("SELECT count(*) FROM station_hours WHERE station_id = ?", id)).isEqualTo(7);
    }

    @Test
    void aLeaderReadsButCannotRegister() throws Exception {
        Map<String, Object> body = zhongguancunStation();

        MvcResult result = mvc.perform(postJson("/api/v1/stations", body).with(as("leader")))
                .andExpect(status().isForbidden()).andReturn();

        assertThat(errors(result)).containsExactly("FORBIDDEN");
        assertThat(count("SELECT count(*) FROM station WHERE address = ?", body.get("address"))).isZero();
        assertThat(ids(getJson("/api/v1/stations?q=中关村e世界", as("leader")))).hasSize(1);
    }

    @Test
    void aPartnerCanNeitherReadNorRegisterStations() throws Exception {
        Map<String, Object> body = zhongguancunStation();
        var bearer = (org.springframework.test.web.servlet.request.RequestPostProcessor) request -> {
            request.addHeader("Authorization", "Bearer uh_demo_bank_token_2023");
            return request;
        };

        mvc.perform(get("/api/v1/me").with(bearer)).andExpect(status().isOk());
        assertThat(errors(mvc.perform(get("/api/v1/stations").with(bearer)).andExpect(status().isForbidden())
                .andReturn())).containsExactly("FORBIDDEN");
        mvc.perform(postJson("/api/v1/stations", body).with(bearer)).andExpect(status().isForbidden());
        mvc.perform(postJson("/api/v1/stations", body).with(httpBasic("bank", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(postJson("/api/v1/stations", body)).andExpect(status().isUnauthorized());
        assertThat(count("SELECT count(*) FROM station WHERE address = ?", body.get("address"))).isZero();
    }

    @Test
    void aStreetBuildsButOnlyADistrictAdminAccepts() throws Exception {
        long id = create("zhongguancun", zhongguancunStation()).get("id").asLong();
        assertThat(changeStatus("zhongguancun", id, "BUILT").get("status").asText()).isEqualTo("BUILT");

        MvcResult refused = mvc.perform(postJson("/api/v1/stations/" + id + "/status", Map.of("status", "ACCEPTED"))
                .with(as("zhongguancun"))).andExpect(status().isForbidden()).andReturn();
        assertThat(errors(refused)).containsExactly("FORBIDDEN");
        assertThat(getJson("/api/v1/stations/" + id, as("zhongguancun")).get("status").asText()).isEqualTo("BUILT");
        mvc.perform(postJson("/api/v1/stations/" + id + "/status", Map.of("status", "ACCEPTED")).with(as("dongcheng")))
                .andExpect(status().isNotFound());

        assertThat(changeStatus("haidian", id, "ACCEPTED").get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("SELECT to_status || ' by ' || by_user FROM station_status_change WHERE station_id = ? "
                + "ORDER BY id").param(id).query(String.class).list())
                .containsExactly("BUILT by zhongguancun", "ACCEPTED by haidian");
    }

    @Test
    void aStationMovesOnlyToItsNextStatus() throws Exception {
        long id = create("admin", zhongguancunStation()).get("id").asLong();

        MvcResult skipped = mvc.perform(postJson("/api/v1/stations/" + id + "/status", Map.of("status", "ACCEPTED"))
                .with(as("admin"))).andExpect(status().isBadRequest()).andReturn();
        assertThat(errors(skipped)).containsExactly("status:STATUS_TRANSITION_NOT_ALLOWED");
        changeStatus("admin", id, "CLOSED");
        MvcResult reopened = mvc.perform(postJson("/api/v1/stations/" + id + "/status", Map.of("status", "BUILT"))
                .with(as("admin"))).andExpect(status().isBadRequest()).andReturn();
        assertThat(errors(reopened)).containsExactly("status:STATUS_TRANSITION_NOT_ALLOWED");
        assertThat(getJson("/api/v1/stations/" + id, as("admin")).get("status").asText()).isEqualTo("CLOSED");
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(s -> ids.add(s.get("id").asLong()));
        return ids;
    }
}

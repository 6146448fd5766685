package org.unionhub.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.UnionHubTest;
import org.unionhub.station.domain.GeoMath;
import org.unionhub.station.domain.OpeningHours;
import org.unionhub.station.persistence.StationRepository;

/**
 * The public finder API, end to end: the stations are registered and built through the staff API, then looked for
 * without signing in. Each test works in its own remote map area (stations 100+ km from Beijing's demo stations and
 * from each other's areas), so that what it finds is exactly what it made.
 */
@UnionHubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NearestStationsApiTests extends StationApiSupport {

    /** The amenity codes the API documents, in the code table's order. */
    static final List<String> AMENITIES = List.of("DRINKING_WATER", "HOT_MEALS", "REST_SEATS", "TOILET", "CHARGING",
            "PARKING", "MEDICINE_KIT", "MOTHER_BABY", "BOOKS", "WIFI", "RAIN_GEAR", "HEATING_COOLING");

    private static final double METRES_PER_DEGREE_OF_LATITUDE = Math.PI * 6_371_008.8 / 180;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** Map areas, one per test, far apart (GCJ-02). */
    private static final double[] SHAPE_AREA = {31.0, 88.0};
    private static final double[] DISTANCE_AREA = {29.0, 88.0};
    private static final double[] AMENITY_AREA = {31.0, 90.0};
    private static final double[] OPEN_NOW_AREA = {33.0, 88.0};
    private static final double[] HOLIDAY_AREA = {33.0, 90.0};
    private static final double[] RADIUS_AREA = {35.0, 88.0};
    private static final double[] STATUS_AREA = {35.0, 90.0};
    private static final double[] CONCURRENT_AREA = {37.0, 88.0};
    private static final double[] NIGHT_AREA = {37.0, 90.0};

    @Autowired
    StationFinder finder;
    @Autowired
    StationRegistry registry;
    @Autowired
    StationRepository repository;
    @Autowired
    StationCodes codes;
    @Autowired
    PlatformTransactionManager transactions;

    private long owner;
    /** Amenity area: station i has amenities i and i+1 (mod 12), 200 m × (i+1) north of the area's centre. */
    private final List<Long> amenityStations = new ArrayList<>();

    @BeforeAll
    void registerTheAmenityStations() throws Exception {
        owner = firstStreetOf("110119");
        for (int i = 0; i < AMENITIES.size(); i++) {
            Map<String, Object> body = station(owner, AMENITY_AREA[0] + north(200 * (i + 1)), AMENITY_AREA[1]);
            body.put("amenities", List.of(AMENITIES.get(i), AMENITIES.get((i + 1) % AMENITIES.size())));
            amenityStations.add(createInService(body));
        }
    }

    @Test
    void answersWithoutSignInAsDocumentedNearestFirst() throws Exception {
        long far = createInService(station(owner, SHAPE_AREA[0] + north(5_000), SHAPE_AREA[1]));
        long near = createInService(station(owner, SHAPE_AREA[0] + north(300), SHAPE_AREA[1]));
        long middle = createInService(station(owner, SHAPE_AREA[0], SHAPE_AREA[1] + east(1_200, SHAPE_AREA[0])));

        JsonNode answer = nearest(SHAPE_AREA, "");

        assertThat(fieldNames(answer)).containsExactly("stations");
        assertThat(ids(answer)).containsExactly(near, middle, far);
        for (JsonNode found : answer.get("stations")) {
            assertThat(fieldNames(found)).containsExactlyInAnyOrder("id", "name", "kind", "lat", "lng",
                    "distanceMeters", "amenities", "openNow");
            assertThat(found.get("kind").asText()).isEqualTo("OUTDOOR_STATION");
            assertThat(found.get("amenities").isArray()).isTrue();
            assertThat(found.get("openNow").isBoolean()).isTrue();
            assertThat(found.get("distanceMeters").isIntegralNumber()).isTrue();
        }
        assertThat(distances(answer)).isSorted();
        assertThat(distances(answer).get(0)).isBetween(299L, 301L);
    }

    @Test
    void distanceIsTheGreatCircleDistanceToTheStoredPosition() throws Exception {
        double[] from = {DISTANCE_AREA[0] + 0.0123, DISTANCE_AREA[1] - 0.0456};
        Map<String, Object> body = station(owner, DISTANCE_AREA[0] + 0.021_357, DISTANCE_AREA[1] + 0.034_579);
        long id = createInService(body);
        createInService(station(owner, DISTANCE_AREA[0] - 0.1, DISTANCE_AREA[1] + 0.2));

        JsonNode answer = nearest(from, "&limit=50");

        assertThat(ids(answer)).hasSize(2).contains(id);
        for (JsonNode found : answer.get("stations")) {
            double lat = found.get("lat").asDouble();
            double lng = found.get("lng").asDouble();
            assertThat((double) found.get("distanceMeters").asLong())
                    .isCloseTo(haversine(from[0], from[1], lat, lng), org.assertj.core.data.Offset.offset(1.0));
            if (found.get("id").asLong() == id) {
                assertThat(found.get("lat").decimalValue()).isEqualByComparingTo(body.get("lat").toString());
                assertThat(found.get("lng").decimalValue()).isEqualByComparingTo(body.get("lng").toString());
            }
        }
        assertThat(distances(answer)).isSorted();
    }

    static Stream<String> amenityCodes() {
        return AMENITIES.stream();
    }

    @Test
    void theDocumentedAmenityCodesAreTheCodeTable() {
        assertThat(codes.amenities()).extracting(StationCode::code).containsExactlyElementsOf(AMENITIES);
    }

    @ParameterizedTest(name = "amenities={0}")
    @MethodSource("amenityCodes")
    void oneAmenityFindsExactlyTheStationsThatHaveIt(String amenity) throws Exception {
        int i = AMENITIES.indexOf(amenity);
        JsonNode answer = nearest(AMENITY_AREA, "&limit=50&amenities=" + amenity);

        for (JsonNode found : answer.get("stations")) {
            assertThat(strings(found.get("amenities"))).contains(amenity);
        }
        long before = amenityStations.get((i + AMENITIES.size() - 1) % AMENITIES.size());
        assertThat(ids(answer)).containsExactlyInAnyOrder(before, amenityStations.get(i));
    }

    @Test
    void twoAmenitiesFindOnlyTheStationsThatHaveBoth() throws Exception {
        for (int i = 0; i < AMENITIES.size(); i++) {
            String first = AMENITIES.get(i);
            String second = AMENITIES.get((i + 1) % AMENITIES.size());
            JsonNode answer = nearest(AMENITY_AREA, "&limit=50&amenities=" + first + "," + second);
            assertThat(ids(answer)).as("%s and %s", first, second).containsExactly(amenityStations.get(i));
            assertThat(strings(answer.get("stations").get(0).get("amenities"))).containsExactlyInAnyOrder(first, second);
            JsonNode reversed = nearest(AMENITY_AREA, "&limit=50&amenities=" + second + "," + first);
            assertThat(ids(reversed)).containsExactly(amenityStations.get(i));
        }
        assertThat(ids(nearest(AMENITY_AREA, "&limit=50&amenities=DRINKING_WATER,CHARGING"))).isEmpty();
    }

    @Test
    void theIssuesExampleOnlyListsStationsWithHotMealsAndCharging() throws Exception {
        JsonNode all = getJson("/api/v1/stations/nearest?lat=39.98&lng=116.31&amenities=HOT_MEALS,CHARGING&limit=50");
        assertThat(names(all)).contains("中关村e世界暖心驿站", "中关村广场骑手之家", "中关村网约车司机小站")
                .doesNotContain("海龙大厦户外劳动者服务站", "中关村银行网点暖心驿站");
        for (JsonNode found : all.get("stations")) {
            assertThat(strings(found.get("amenities"))).contains("HOT_MEALS", "CHARGING");
        }
        JsonNode openNow = getJson(
                "/api/v1/stations/nearest?lat=39.98&lng=116.31&amenities=HOT_MEALS,CHARGING&openNow=true&limit=10");
        for (JsonNode found : openNow.get("stations")) {
            assertThat(found.get("openNow").asBoolean()).isTrue();
        }
        assertThat(ids(all)).containsAll(ids(openNow));
        assertThat(distances(openNow)).isSorted();
    }

    @Test
    void openNowListsOnlyStationsOpenAtTheRequestTimeInShanghai() throws Exception {
        LocalDateTime now = LocalDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> openBody = station(owner, OPEN_NOW_AREA[0] + north(100), OPEN_NOW_AREA[1]);
        openBody.put("weeklyHours", interval(now.minusHours(1), now.plusHours(1)));
        long open = createInService(openBody);
        Map<String, Object> laterBody = station(owner, OPEN_NOW_AREA[0] + north(200), OPEN_NOW_AREA[1]);
        laterBody.put("weeklyHours", interval(now.plusHours(3), now.plusHours(4)));
        long later = createInService(laterBody);
        Map<String, Object> alwaysBody = station(owner, OPEN_NOW_AREA[0] + north(300), OPEN_NOW_AREA[1]);
        long always = createInService(alwaysBody);

        JsonNode openNow = nearest(OPEN_NOW_AREA, "&openNow=true");
        JsonNode all = nearest(OPEN_NOW_AREA, "&openNow=false");

        assertThat(ids(openNow)).as("open now, hours %s / %s at %s", openBody.get("weeklyHours"),
                laterBody.get("weeklyHours"), now).containsExactly(open, always);
        assertThat(ids(all)).containsExactly(open, later, always);
        assertThat(openFlags(all)).containsEntry(open, true).containsEntry(later, false).containsEntry(always, true);
    }

    @Test
    void hoursPastMidnightAreOpenFromTheirStartDayIntoTheNextMorning() throws Exception {
        LocalDateTime now = LocalDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.MINUTES);
        DayOfWeek today = now.getDayOfWeek();
        DayOfWeek yesterday = today.minus(1);
        String openHours;
        String closedHours;
        if (now.getHour() >= 12) {
            // Opened an hour ago and runs into tomorrow morning; yesterday's night ended at 06:00 this morning.
            openHours = today.getValue() + " " + now.minusHours(1).format(HH_MM) + "-06:00";
            closedHours = yesterday.getValue() + " 22:00-06:00";
        } else {
            // Opened last night and closes in an hour; tonight's night has not begun.
            openHours = yesterday.getValue() + " 22:00-" + now.plusHours(1).format(HH_MM);
            closedHours = today.getValue() + " 22:00-06:00";
        }
        Map<String, Object> openBody = station(owner, NIGHT_AREA[0] + north(100), NIGHT_AREA[1]);
        openBody.put("weeklyHours", openHours);
        long open = createInService(openBody);
        Map<String, Object> closedBody = station(owner, NIGHT_AREA[0] + north(200), NIGHT_AREA[1]);
        closedBody.put("weeklyHours", closedHours);
        long closed = createInService(closedBody);

        assertThat(ids(nearest(NIGHT_AREA, "&openNow=true"))).as("%s open, %s closed at %s", openHours, closedHours, now)
                .containsExactly(open);
        assertThat(openFlags(nearest(NIGHT_AREA, ""))).containsEntry(open, true).containsEntry(closed, false);
    }

    @Test
    void hoursPastMidnightAreStoredAndReadBackAsOneNight() throws Exception {
        Map<String, Object> body = station(owner, NIGHT_AREA[0] - north(500), NIGHT_AREA[1]);
        body.put("weeklyHours", "5 22:00-06:00");
        long id = create("admin", body).get("id").asLong();

        assertThat(getJson("/api/v1/stations/" + id, as("admin")).get("weeklyHours").asText())
                .isEqualTo("5 22:00-06:00");
        OpeningHours hours = repository.findById(id).orElseThrow().hours();
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertThat(friday.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(hours.isOpenAt(friday.atTime(21, 59), Set.of())).isFalse();
        assertThat(hours.isOpenAt(friday.atTime(22, 0), Set.of())).isTrue();
        assertThat(hours.isOpenAt(friday.plusDays(1).atTime(5, 59), Set.of())).isTrue();
        assertThat(hours.isOpenAt(friday.plusDays(1).atTime(6, 0), Set.of())).isFalse();
        assertThat(hours.isOpenAt(friday.atTime(3, 0), Set.of())).isFalse();
    }

    @Test
    void aStationClosedOnPublicHolidaysDisappearsFromOpenNowOnOne() throws Exception {
        Map<String, Object> closesBody = station(owner, HOLIDAY_AREA[0] + north(100), HOLIDAY_AREA[1]);
        closesBody.put("closedOnHolidays", true);
        long closesOnHolidays = createInService(closesBody);
        long opensOnHolidays = createInService(station(owner, HOLIDAY_AREA[0] + north(200), HOLIDAY_AREA[1]));
        LocalDate today = LocalDate.now(SHANGHAI);
        String existing = jdbc.sql("SELECT name FROM public_holiday WHERE on_date = ?").param(today)
                .query(String.class).optional().orElse(null);
        try {
            jdbc.sql("DELETE FROM public_holiday WHERE on_date = ?").param(today).update();
            finder.reload();
            assertThat(ids(nearest(HOLIDAY_AREA, "&openNow=true"))).containsExactly(closesOnHolidays, opensOnHolidays);

            jdbc.sql("INSERT INTO public_holiday (on_date, name) VALUES (?, '测试节日')").param(today).update();
            finder.reload();
            assertThat(ids(nearest(HOLIDAY_AREA, "&openNow=true"))).containsExactly(opensOnHolidays);
            assertThat(openFlags(nearest(HOLIDAY_AREA, ""))).containsEntry(closesOnHolidays, false)
                    .containsEntry(opensOnHolidays, true);
        } finally {
            jdbc.sql("DELETE FROM public_holiday WHERE on_date = ?").param(today).update();
            if (existing != null) {
                jdbc.sql("INSERT INTO public_holiday (on_date, name) VALUES (?, ?)").param(today).param(existing)
                        .update();
            }
            finder.reload();
        }
        assertThat(ids(nearest(HOLIDAY_AREA, "&openNow=true"))).contains(opensOnHolidays);
    }

    @Test
    void limitIsTenByDefaultAndBetweenOneAndFifty() throws Exception {
        assertThat(ids(nearest(AMENITY_AREA, ""))).hasSize(10).containsExactlyElementsOf(amenityStations.subList(0, 10));
        assertThat(ids(nearest(AMENITY_AREA, "&limit=1"))).containsExactly(amenityStations.get(0));
        assertThat(ids(nearest(AMENITY_AREA, "&limit=50"))).containsExactlyElementsOf(amenityStations);

        assertThat(badRequest(AMENITY_AREA, "&limit=0")).containsExactly("limit:OUT_OF_RANGE");
        assertThat(badRequest(AMENITY_AREA, "&limit=51")).containsExactly("limit:OUT_OF_RANGE");
        assertThat(badRequest(AMENITY_AREA, "&limit=ten")).containsExactly("limit:FORMAT");
    }

    @Test
    void refusesUnknownAmenitiesCoordinateSystemsAndPositions() throws Exception {
        assertThat(badRequest(AMENITY_AREA, "&amenities=HOT_MEALS,FREE_BEER")).containsExactly("amenities:UNKNOWN_CODE");
        assertThat(badRequest(AMENITY_AREA, "&crs=BD09")).containsExactly("crs:UNKNOWN_CODE");
        var result = mvc.perform(get("/api/v1/stations/nearest?lat=91&lng=181")).andExpect(status().isBadRequest())
                .andReturn();
        assertThat(errors(result)).containsExactlyInAnyOrder("lat:OUT_OF_RANGE", "lng:OUT_OF_RANGE");
        result = mvc.perform(get("/api/v1/stations/nearest?lng=116.31")).andExpect(status().isBadRequest())
                .andReturn();
        assertThat(errors(result)).containsExactly("lat:REQUIRED");
    }

    @Test
    void aGpsPositionIsConvertedToGcj02BeforeMeasuring() throws Exception {
        double lat = 39.951_234;
        double lng = 116.152_345;
        long id = createInService(station(owner, lat, lng));

        long asGcj = distanceTo(id, "lat=" + lat + "&lng=" + lng + "&crs=GCJ02");
        long sameNumbersAsGps = distanceTo(id, "lat=" + lat + "&lng=" + lng + "&crs=WGS84");
        GeoMath.LatLng gps = GeoMath.gcj02ToWgs84(lat, lng);
        long fromItsGpsPosition = distanceTo(id, "lat=" + gps.lat() + "&lng=" + gps.lng() + "&crs=WGS84");

        assertThat(asGcj).isZero();
        assertThat(sameNumbersAsGps).isBetween(100L, 700L);
        GeoMath.LatLng shifted = GeoMath.wgs84ToGcj02(lat, lng);
        assertThat((double) sameNumbersAsGps)
                .isCloseTo(haversine(shifted.lat(), shifted.lng(), lat, lng), org.assertj.core.data.Offset.offset(1.0));
        assertThat(fromItsGpsPosition).isLessThanOrEqualTo(1L);
        assertThat(distanceTo(id, "lat=" + lat + "&lng=" + lng)).as("GCJ02 is the default").isZero();
    }

    @Test
    void stationsFartherThanFiftyKilometresAreNotListed() throws Exception {
        long inside = createInService(station(owner, RADIUS_AREA[0] + north(49_000), RADIUS_AREA[1]));
        long outside = createInService(station(owner, RADIUS_AREA[0] + north(51_000), RADIUS_AREA[1]));

        JsonNode answer = nearest(RADIUS_AREA, "&limit=50");
        assertThat(ids(answer)).containsExactly(inside);
        assertThat(distances(answer).get(0)).isBetween(48_999L, 49_001L);
        assertThat(ids(nearest(new double[] {RADIUS_AREA[0] + north(2_000), RADIUS_AREA[1]}, "&limit=50")))
                .containsExactly(inside, outside);

        JsonNode fromChongwenmen = getJson("/api/v1/stations/nearest?lat=39.899460&lng=116.416660&limit=50");
        assertThat(distances(fromChongwenmen)).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(50_000L));
        assertThat(names(fromChongwenmen)).contains("崇文门暖心驿站").doesNotContain("富民街货车司机暖心驿站");
    }

    @Test
    void onlyBuiltAndAcceptedStationsAreListed() throws Exception {
        long planned = create("admin", station(owner, STATUS_AREA[0] + north(100), STATUS_AREA[1])).get("id").asLong();
        long station = create("admin", station(owner, STATUS_AREA[0] + north(200), STATUS_AREA[1])).get("id").asLong();
        assertThat(ids(nearest(STATUS_AREA, ""))).isEmpty();

        changeStatus("admin", station, "BUILT");
        assertThat(ids(nearest(STATUS_AREA, ""))).containsExactly(station);
        changeStatus("admin", station, "ACCEPTED");
        assertThat(ids(nearest(STATUS_AREA, ""))).containsExactly(station);
        changeStatus("admin", station, "SUSPENDED");
        assertThat(ids(nearest(STATUS_AREA, ""))).isEmpty();
        changeStatus("admin", station, "ACCEPTED");
        assertThat(ids(nearest(STATUS_AREA, ""))).containsExactly(station);
        changeStatus("admin", station, "CLOSED");
        assertThat(ids(nearest(STATUS_AREA, ""))).isEmpty();

        finder.reload();
        assertThat(ids(nearest(STATUS_AREA, ""))).as("after a full reload").isEmpty();
        assertThat(ids(nearest(STATUS_AREA, ""))).doesNotContain(planned);
    }

    /**
     * The finder applies a change once its transaction commits. A change committed by one request must not swallow
     * the change of another transaction that is still open: that one must show up when it commits.
     */
    @Test
    void aChangeStillInItsTransactionIsAppliedWhenItCommitsEvenIfAnotherCommitsFirst() throws Exception {
        long first = create("admin", station(owner, CONCURRENT_AREA[0] + north(100), CONCURRENT_AREA[1]))
                .get("id").asLong();
        long second = create("admin", station(owner, CONCURRENT_AREA[0] + north(200), CONCURRENT_AREA[1]))
                .get("id").asLong();
        AtomicInteger otherStatus = new AtomicInteger();

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            registry.changeStatus(principal("admin"), second, StationStatus.BUILT);
            Thread other = new Thread(() -> {
                try {
                    otherStatus.set(mvc.perform(postJson("/api/v1/stations/" + first + "/status",
                                    Map.of("status", "BUILT")).with(httpBasic("admin", PASSWORD)))
                            .andReturn().getResponse().getStatus());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            try {
                other.join(60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(otherStatus.get()).isEqualTo(200);
        assertThat(ids(nearest(CONCURRENT_AREA, ""))).containsExactly(first, second);
    }

    // --- helpers ---

    private JsonNode nearest(double[] at, String more) throws Exception {
        return getJson("/api/v1/stations/nearest?lat=" + at[0] + "&lng=" + at[1] + more);
    }

    private List<String> badRequest(double[] at, String more) throws Exception {
        return errors(mvc.perform(get("/api/v1/stations/nearest?lat=" + at[0] + "&lng=" + at[1] + more))
                .andExpect(status().isBadRequest()).andReturn());
    }

    private long distanceTo(long id, String query) throws Exception {
        JsonNode answer = getJson("/api/v1/stations/nearest?limit=50&" + query);
        for (JsonNode found : answer.get("stations")) {
            if (found.get("id").asLong() == id) {
                return found.get("distanceMeters").asLong();
            }
        }
        throw new AssertionError("Station " + id + " not found by " + query + ": " + answer);
    }

    /** An interval on the weekday it starts, in the API's text form; past midnight when it ends the next day. */
    private static String interval(LocalDateTime from, LocalDateTime to) {
        return from.getDayOfWeek().getValue() + " " + from.format(HH_MM) + "-" + to.format(HH_MM);
    }

    private static double north(double metres) {
        return metres / METRES_PER_DEGREE_OF_LATITUDE;
    }

    private static double east(double metres, double atLatitude) {
        return metres / (METRES_PER_DEGREE_OF_LATITUDE * Math.cos(Math.toRadians(atLatitude)));
    }

    /** Great-circle distance on the 6,371,008.8 m sphere, written out here independently of GeoMath. */
    static double haversine(double lat1, double lng1, double lat2, double lng2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double a = Math.pow(Math.sin((phi2 - phi1) / 2), 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(Math.toRadians(lng2 - lng1) / 2), 2);
        return 2 * 6_371_008.8 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<Long> ids(JsonNode answer) {
        List<Long> ids = new ArrayList<>();
        answer.get("stations").forEach(s -> ids.add(s.get("id").asLong()));
        return ids;
    }

    private static List<String> names(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.get("stations").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    private static List<Long> distances(JsonNode answer) {
        List<Long> distances = new ArrayList<>();
        answer.get("stations").forEach(s -> distances.add(s.get("distanceMeters").asLong()));
        return distances;
    }

    private static Map<Long, Boolean> openFlags(JsonNode answer) {
        Map<Long, Boolean> flags = new LinkedHashMap<>();
        answer.get("stations").forEach(s -> flags.put(s.get("id").asLong(), s.get("openNow").asBoolean()));
        return flags;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> strings = new HashSet<>();
        array.forEach(s -> strings.add(s.asText()));
        return strings;
    }
}

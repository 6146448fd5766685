package org.unionhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionhub.TestTree.basic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.common.IdNumber;

@UnionHubTest
@RecordApplicationEvents
class OutreachApiTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (Math.random() * 900));

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApplicationEvents events;

    private Map<String, Object> workerSession(long orgId, LocalDate day) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "WORKER");
        body.put("orgId", orgId);
        body.put("title", "午间职工沟通会");
        body.put("place", "中关村广场北侧");
        body.put("startsAt", day + "T11:30");
        body.put("endsAt", day + "T13:30");
        body.put("staffOnDuty", List.of("王芳", "李强"));
        body.put("partners", List.of("北京银行服务台"));
        return body;
    }

    private Map<String, Object> todayAtZhongguancun() {
        return workerSession(tree.org(TestTree.ZHONGGUANCUN_STREET), LocalDate.now(BEIJING));
    }

    private MvcResult plan(String user, Map<String, Object> body, String key) throws Exception {
        var request = post("/api/v1/outreach/sessions").with(basic(user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request).andReturn();
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private long planned(String user, Map<String, Object> body) throws Exception {
        MvcResult result = plan(user, body, null);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return body(result).get("id").asLong();
    }

    private MvcResult consult(String user, long id, String topic, int count, String tapId) throws Exception {
        return mvc.perform(post("/api/v1/outreach/sessions/{id}/consultations", id).with(basic(user))
                .header("Idempotency-Key", tapId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"topic\":\"" + topic + "\",\"count\":" + count + "}")).andReturn();
    }

    private List<String> errors(MvcResult result) throws Exception {
        List<String> pairs = new ArrayList<>();
        body(result).get("errors").forEach(e -> pairs.add(
                (e.has("field") ? e.get("field").asText() : "") + ":" + e.get("code").asText()));
        return pairs;
    }

    private long sessions() {
        return tree.count("outreach_session");
    }

    @Test
    void planningAnswersCreatedWithAnIdATypableCodeAndTheJoinLink() throws Exception {
        MvcResult result = plan("zhongguancun", todayAtZhongguancun(), null);
        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode session = body(result);
        String code = session.get("code").asText();
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
        assertThat(session.get("joinUrl").asText()).startsWith("http").endsWith("/join?s=" + code);
        long id = session.get("id").asLong();
        mvc.perform(get("/api/v1/outreach/sessions/{id}", id).with(basic("zhongguancun")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.kind").value("WORKER"))
                .andExpect(jsonPath("$.status").value("PLANNED"))
                .andExpect(jsonPath("$.orgName").value(TestTree.ZHONGGUANCUN_STREET))
                .andExpect(jsonPath("$.heldOn").value(LocalDate.now(BEIJING).toString()))
                .andExpect(jsonPath("$.startsAt").value(LocalDate.now(BEIJING) + "T11:30:00+08:00"))
                .andExpect(jsonPath("$.partners[0]").value("北京银行服务台"))
                .andExpect(jsonPath("$.staffOnDuty.length()").value(2));
        assertThat(events.stream(SessionPlanned.class).filter(e -> e.sessionId() == id))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.kind()).isEqualTo(SessionKind.WORKER);
                    assertThat(e.orgId()).isEqualTo(tree.org(TestTree.ZHONGGUANCUN_STREET));
                    assertThat(e.orgPath()).isEqualTo(tree.node(e.orgId()).path());
                    assertThat(e.heldOn()).isEqualTo(LocalDate.now(BEIJING));
                });
        mvc.perform(get("/api/v1/outreach/sessions").param("status", "PLANNED").param("kind", "WORKER")
                        .with(basic("zhongguancun")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].code").value(code));
    }

    @Test
    void missingFieldsAreNamedAndNothingIsStored() throws Exception {
        long before = sessions();
        MvcResult result = plan("zhongguancun", Map.of(), UUID.randomUUID().toString());
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(errors(result)).contains("kind:REQUIRED", "orgId:REQUIRED", "title:REQUIRED", "place:REQUIRED",
                "startsAt:REQUIRED", "endsAt:REQUIRED");
        assertThat(body(result).get("errors").get(0).get("message").asText()).isNotBlank();
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void badValuesAreNamedWithTheirRuleAndNothingIsStored() throws Exception {
        long before = sessions();
        Map<String, Object> body = todayAtZhongguancun();
        body.put("kind", "PARTY");
        body.put("title", "长".repeat(101));
        body.put("startsAt", "tomorrow");
        body.put("lat", 95);
        MvcResult result = plan("zhongguancun", body, null);
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(errors(result)).contains("kind:UNKNOWN_CODE", "title:TOO_LONG", "startsAt:FORMAT",
                "lat:OUT_OF_RANGE", "lng:REQUIRED");
        Map<String, Object> backwards = todayAtZhongguancun();
        backwards.put("endsAt", LocalDate.now(BEIJING) + "T10:00");
        assertThat(errors(plan("zhongguancun", backwards, null))).containsExactly("endsAt:ENDS_BEFORE_START");
        Map<String, Object> tooLong = todayAtZhongguancun();
        tooLong.put("endsAt", LocalDate.now(BEIJING).plusDays(2) + "T10:00");
        assertThat(errors(plan("zhongguancun", tooLong, null))).containsExactly("endsAt:WINDOW_TOO_LONG");
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void aStreetPlansOnlyInItsScopeAndOthersDoNotSeeItsSessions() throws Exception {
        long before = sessions();
        Map<String, Object> elsewhere = workerSession(tree.org(TestTree.CHONGWAI_STREET), LocalDate.now(BEIJING));
        assertThat(errors(plan("zhongguancun", elsewhere, null))).containsExactly("orgId:NOT_FOUND");
        assertThat(sessions()).isEqualTo(before);
        long id = planned("zhongguancun", todayAtZhongguancun());
        mvc.perform(get("/api/v1/outreach/sessions/{id}", id).with(basic("dongcheng"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/outreach/sessions/{id}", id).with(basic("haidian"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/outreach/sessions/{id}/close", id).with(basic("dongcheng")))
                .andExpect(status().isNotFound());
        assertThat(consult("dongcheng", id, "LEGAL", 1, UUID.randomUUID().toString()).getResponse().getStatus())
                .isEqualTo(404);
        String dongchengList = mvc.perform(get("/api/v1/outreach/sessions").with(basic("dongcheng")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(dongchengList).findValues("id")).noneMatch(node -> node.asLong() == id);
        mvc.perform(post("/api/v1/outreach/sessions").with(basic("leader")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(todayAtZhongguancun()))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/outreach/sessions").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(todayAtZhongguancun()))).andExpect(status().isUnauthorized());
    }

    @Test
    void theSameIdempotencyKeyMakesOneSessionEvenWhenSentTwiceAtOnce() throws Exception {
        long before = sessions();
        String key = UUID.randomUUID().toString();
        MvcResult first = plan("zhongguancun", todayAtZhongguancun(), key);
        MvcResult second = plan("zhongguancun", todayAtZhongguancun(), key);
        MvcResult third = plan("zhongguancun", todayAtZhongguancun(), key);
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(second.getResponse().getStatus()).isEqualTo(200);
        assertThat(third.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(second).get("code").asText()).isEqualTo(body(first).get("code").asText());
        assertThat(body(third).get("id").asLong()).isEqualTo(body(first).get("id").asLong());
        assertThat(sessions()).isEqualTo(before + 1);

        String together = UUID.randomUUID().toString();
        List<MvcResult> results = atOnce(2, i -> plan("zhongguancun", todayAtZhongguancun(), together));
        assertThat(results).extracting(r -> r.getResponse().getStatus()).containsExactlyInAnyOrder(201, 200);
        assertThat(body(results.get(0)).get("id").asLong()).isEqualTo(body(results.get(1)).get("id").asLong());
        assertThat(sessions()).isEqualTo(before + 2);
        assertThat(errors(plan("zhongguancun", todayAtZhongguancun(), "short")))
                .containsExactly("Idempotency-Key:IDEMPOTENCY_KEY_FORMAT");
    }

    @Test
    void twoStaffTappingAtOnceLoseNoTapAndRetriedTapsCountOnce() throws Exception {
        long id = planned("zhongguancun", todayAtZhongguancun());
        int taps = 20;
        List<String> tapIds = new ArrayList<>();
        for (int i = 0; i < 2 * taps; i++) {
            tapIds.add(UUID.randomUUID().toString());
        }
        String[] users = {"zhongguancun", "haidian"};
        List<MvcResult> results = atOnce(2, worker -> {
            List<MvcResult> mine = new ArrayList<>();
            for (int i = 0; i < taps; i++) {
                String tap = tapIds.get(worker * taps + i);
                mine.add(consult(users[worker], id, "LEGAL", 1, tap));
                mine.add(consult(users[worker], id, "LEGAL", 1, tap));
            }
            return mine;
        }).stream().flatMap(List::stream).toList();
        assertThat(results).extracting(r -> r.getResponse().getStatus())
                .containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(2 * taps);
        mvc.perform(get("/api/v1/outreach/sessions/{id}/tallies", id).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.consultations.LEGAL").value(2 * taps))
                .andExpect(jsonPath("$.consultations.HEALTH").value(0))
                .andExpect(jsonPath("$.consultationsTotal").value(2 * taps));
        assertThat(tree.jdbc().sql("SELECT count(*) FROM outreach_tap WHERE session_id = :s").param("s", id)
                .query(Long.class).single()).isEqualTo(2L * taps);
        mvc.perform(get("/api/v1/outreach/sessions/{id}", id).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void reachedCountsAndCorrectionsStopAtZeroAndPublishTheirEvents() throws Exception {
        long id = planned("zhongguancun", todayAtZhongguancun());
        for (int count : new int[] {1, 1, 1, -1}) {
            mvc.perform(post("/api/v1/outreach/sessions/{id}/reached", id).with(basic("zhongguancun"))
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"count\":" + count + "}"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/outreach/sessions/{id}/reached", id).with(basic("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"count\":-3}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("count"))
                .andExpect(jsonPath("$.errors[0].code").value("BELOW_ZERO"));
        assertThat(errors(consult("zhongguancun", id, "GOSSIP", 1, UUID.randomUUID().toString())))
                .containsExactly("topic:UNKNOWN_CODE");
        assertThat(errors(consult("zhongguancun", id, "HEALTH", 0, UUID.randomUUID().toString())))
                .containsExactly("count:OUT_OF_RANGE");
        assertThat(errors(consult("zhongguancun", id, "HEALTH", -1, UUID.randomUUID().toString())))
                .containsExactly("count:BELOW_ZERO");
        mvc.perform(get("/api/v1/outreach/sessions/{id}/tallies", id).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.workersReached").value(2))
                .andExpect(jsonPath("$.consultationsTotal").value(0));
        assertThat(events.stream(WorkersReached.class).filter(e -> e.sessionId() == id)
                .mapToInt(WorkersReached::count).sum()).isEqualTo(2);
        assertThat(events.stream(ConsultationsCounted.class).filter(e -> e.sessionId() == id)).isEmpty();
        assertThat(consult("zhongguancun", id, "HEALTH", 2, UUID.randomUUID().toString()).getResponse().getStatus())
                .isEqualTo(201);
        assertThat(events.stream(ConsultationsCounted.class).filter(e -> e.sessionId() == id))
                .singleElement().satisfies(e -> {
                    assertThat(e.topic()).isEqualTo("HEALTH");
                    assertThat(e.count()).isEqualTo(2);
                    assertThat(e.on()).isEqualTo(LocalDate.now(BEIJING));
                });
    }

    @Test
    void aClosedSessionStopsCountingAndOnlyAPlannedOneCanBeCancelled() throws Exception {
        long id = planned("zhongguancun", todayAtZhongguancun());
        consult("zhongguancun", id, "LEGAL", 1, UUID.randomUUID().toString());
        mvc.perform(post("/api/v1/outreach/sessions/{id}/cancel", id).with(basic("zhongguancun")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("STATUS_TRANSITION_NOT_ALLOWED"));
        mvc.perform(post("/api/v1/outreach/sessions/{id}/close", id).with(basic("zhongguancun")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        MvcResult late = consult("zhongguancun", id, "LEGAL", 1, UUID.randomUUID().toString());
        assertThat(late.getResponse().getStatus()).isEqualTo(409);
        assertThat(errors(late)).containsExactly(":SESSION_NOT_LIVE");

        long other = planned("zhongguancun", todayAtZhongguancun());
        mvc.perform(post("/api/v1/outreach/sessions/{id}/cancel", other).with(basic("zhongguancun")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        assertThat(events.stream(SessionCancelled.class).filter(e -> e.sessionId() == other)).hasSize(1);

        Map<String, Object> visit = todayAtZhongguancun();
        visit.put("kind", "ENTERPRISE");
        long enterprise = planned("zhongguancun", visit);
        assertThat(errors(consult("zhongguancun", enterprise, "LEGAL", 1, UUID.randomUUID().toString())))
                .containsExactly(":WORKER_SESSIONS_ONLY");
    }

    @Test
    void joiningRefusesAnUnknownOrClosedSessionCodeAndCountsTheSessionsApplicationsAndJoins() throws Exception {
        long id = planned("zhongguancun", todayAtZhongguancun());
        String code = body(mvc.perform(get("/api/v1/outreach/sessions/{id}", id).with(basic("zhongguancun")))
                .andReturn()).get("code").asText();
        long before = tree.count("membership_application");
        MvcResult unknown = apply("ZZZZZZ");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(errors(unknown)).containsExactly("sessionCode:UNKNOWN_SESSION");
        assertThat(tree.count("membership_application")).isEqualTo(before);

        MvcResult applied = apply(code.toLowerCase());
        assertThat(applied.getResponse().getStatus()).isEqualTo(201);
        String applicationNo = body(applied).get("applicationNo").asText();
        assertThat(tree.jdbc().sql("SELECT session_code FROM membership_application WHERE application_no = :n")
                .param("n", applicationNo).query(String.class).single()).isEqualTo(code);
        mvc.perform(post("/api/v1/membership-applications/{no}/approve", applicationNo).with(basic("zhongguancun")))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/v1/outreach/sessions/{id}/tallies", id).with(basic("zhongguancun")))
                        .andExpect(jsonPath("$.applications").value(1))
                        .andExpect(jsonPath("$.joined").value(1)));

        mvc.perform(post("/api/v1/outreach/sessions/{id}/close", id).with(basic("zhongguancun")))
                .andExpect(status().isOk());
        assertThat(errors(apply(code))).containsExactly("sessionCode:UNKNOWN_SESSION");
    }

    @Test
    void aDistrictRunsACampaignDayThatItsStreetsSessionsJoin() throws Exception {
        LocalDate day = LocalDate.now(BEIJING).plusDays(3);
        String name = TestTree.unique("海淀区双沟通集中行动日");
        Map<String, Object> campaign = Map.of("name", name, "heldOn", day.toString(),
                "orgId", tree.org(TestTree.HAIDIAN));
        MvcResult created = mvc.perform(post("/api/v1/outreach/campaigns").with(basic("haidian"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(campaign))).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        long campaignId = body(created).get("id").asLong();
        Map<String, Object> street = Map.of("name", name, "heldOn", day.toString(),
                "orgId", tree.org(TestTree.ZHONGGUANCUN_STREET));
        MvcResult refused = mvc.perform(post("/api/v1/outreach/campaigns").with(basic("zhongguancun"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(street))).andReturn();
        assertThat(errors(refused)).containsExactly("orgId:NOT_CITY_OR_DISTRICT");
        mvc.perform(get("/api/v1/outreach/campaigns").with(basic("zhongguancun")))
                .andExpect(jsonPath("$[?(@.id == " + campaignId + ")].name").value(name));
        mvc.perform(get("/api/v1/outreach/campaigns/{id}", campaignId).with(basic("dongcheng")))
                .andExpect(status().isNotFound());

        Map<String, Object> otherDay = todayAtZhongguancun();
        otherDay.put("campaignId", campaignId);
        assertThat(errors(plan("zhongguancun", otherDay, null))).containsExactly("campaignId:CAMPAIGN_OTHER_DAY");
        Map<String, Object> dongcheng = workerSession(tree.org(TestTree.CHONGWAI_STREET), day);
        dongcheng.put("campaignId", campaignId);
        assertThat(errors(plan("dongcheng", dongcheng, null))).containsExactly("campaignId:NOT_FOUND");
        Map<String, Object> onTheDay = workerSession(tree.org(TestTree.ZHONGGUANCUN_STREET), day);
        onTheDay.put("campaignId", campaignId);
        long id = planned("zhongguancun", onTheDay);
        planned("zhongguancun", workerSession(tree.org(TestTree.ZHONGGUANCUN_STREET), day));
        mvc.perform(get("/api/v1/outreach/sessions").param("campaignId", String.valueOf(campaignId))
                        .with(basic("haidian")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].campaignName").value(name));
        assertThat(events.stream(SessionPlanned.class).filter(e -> e.sessionId() == id))
                .singleElement().satisfies(e -> assertThat(e.campaignId()).isEqualTo(campaignId));
    }

    private MvcResult apply(String sessionCode) throws Exception {
        String first17 = "110101" + "19770707" + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "赵沟通");
        body.put("idType", "RESIDENT_ID");
        body.put("idNumber", first17 + IdNumber.checkCharacterFor(first17));
        body.put("phone", "13700001111");
        body.put("occupation", "COURIER");
        body.put("workStreetId", tree.org(TestTree.ZHONGGUANCUN_STREET));
        body.put("sessionCode", sessionCode);
        body.put("consent", true);
        return mvc.perform(post("/api/v1/membership-applications").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn();
    }

    private interface Call<T> {
        T run(int worker) throws Exception;
    }

    /** Runs {@code n} calls at the same moment on {@code n} threads. */
    private static <T> List<T> atOnce(int n, Call<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int worker = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.run(worker);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}

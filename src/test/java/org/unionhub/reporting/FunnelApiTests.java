package org.unionhub.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.common.IdNumber;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.outreach.SessionKind;

/** {@code GET /api/v1/outreach/funnel}: the contract, the caller's scope, a join through a session end to end. */
@UnionHubTest
class FunnelApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree data;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FunnelReport report;

    FunnelEvents events;

    @BeforeEach
    void events() {
        events = new FunnelEvents(publisher, transactions, jdbc, report);
    }

    private JsonNode funnel(String username, String query) throws Exception {
        String body = mvc.perform(get("/api/v1/outreach/funnel?" + query).with(TestTree.basic(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    @Test
    void answersTheNineFiguresWithTheNodeAndThePeriod() throws Exception {
        LocalDate day = LocalDate.of(2020, 2, 3);
        OrgUnit street = data.node(data.org(TestTree.ZHONGGUANCUN_STREET));
        events.publish(FunnelEvents.session(SessionKind.WORKER, street, day, null));
        JsonNode answer = funnel("admin", "orgId=" + street.id() + "&from=2020-02-03&to=2020-02-03");
        assertThat(answer.get("orgId").asLong()).isEqualTo(street.id());
        assertThat(answer.get("orgName").asText()).isEqualTo(TestTree.ZHONGGUANCUN_STREET);
        assertThat(answer.get("from").asText()).isEqualTo("2020-02-03");
        assertThat(answer.get("to").asText()).isEqualTo("2020-02-03");
        for (FunnelMeasure measure : FunnelMeasure.values()) {
            assertThat(answer.get(measure.key()).isIntegralNumber()).as(measure.key()).isTrue();
        }
        assertThat(answer.get("workerSessions").asLong()).isEqualTo(1);
    }

    @Test
    void withoutDatesItIsTheYearToDateOfTheCallersOwnNode() throws Exception {
        LocalDate today = LocalDate.now(clock);
        JsonNode answer = funnel("zhongguancun", "");
        assertThat(answer.get("orgId").asLong()).isEqualTo(data.org(TestTree.ZHONGGUANCUN_STREET));
        assertThat(answer.get("from").asText()).isEqualTo(today.withDayOfYear(1).toString());
        assertThat(answer.get("to").asText()).isEqualTo(today.toString());
    }

    @Test
    void aStreetSeesItsOwnFunnelOnly() throws Exception {
        LocalDate day = LocalDate.of(2020, 3, 9);
        OrgUnit zhongguancun = data.node(data.org(TestTree.ZHONGGUANCUN_STREET));
        OrgUnit xueyuanlu = data.node(data.org(TestTree.XUEYUANLU_STREET));
        events.publish(FunnelEvents.session(SessionKind.WORKER, zhongguancun, day, null),
                FunnelEvents.session(SessionKind.WORKER, xueyuanlu, day, null),
                FunnelEvents.session(SessionKind.WORKER, xueyuanlu, day, null));
        String period = "&from=2020-03-09&to=2020-03-09";
        assertThat(funnel("zhongguancun", period.substring(1)).get("workerSessions").asLong()).isEqualTo(1);
        assertThat(funnel("haidian", "orgId=" + data.org(TestTree.HAIDIAN) + period).get("workerSessions").asLong())
                .isEqualTo(3);
        for (String outside : new String[] {TestTree.CITY, TestTree.HAIDIAN, TestTree.XUEYUANLU_STREET,
                TestTree.DONGCHENG}) {
            mvc.perform(get("/api/v1/outreach/funnel?orgId=" + data.org(outside) + period)
                            .with(TestTree.basic("zhongguancun")))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.errors[0].code").value("NOT_FOUND"));
        }
    }

    @ParameterizedTest(name = "{0} → {1} {2}:{3}")
    @CsvSource({
        "from=2023-05-02&to=2023-05-01, 400, to, BEFORE_START",
        "orgId=abc, 400, orgId, FORMAT",
        "from=2023-02-30, 400, from, FORMAT",
        "to=yesterday, 400, to, FORMAT",
        "orgId=987654321, 404, , NOT_FOUND"
    })
    void refusesBadInputNamingTheField(String query, int status, String field, String code) throws Exception {
        String body = mvc.perform(get("/api/v1/outreach/funnel?" + query).with(TestTree.basic("admin")))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
        JsonNode error = json.readTree(body).get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        if (field != null) {
            assertThat(error.get("field").asText()).isEqualTo(field);
        }
    }

    @Test
    void onlyStaffMayAsk() throws Exception {
        mvc.perform(get("/api/v1/outreach/funnel")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/outreach/funnel").with(TestTree.bearer(TestTree.BANK_TOKEN)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anApplicationThroughASessionCountsOnceInItsApplicationsAndJoinsAndInEveryAncestor() throws Exception {
        OrgUnit street = data.node(data.org(TestTree.ZHONGGUANCUN_STREET));
        LocalDate today = LocalDate.now(clock);
        String period = "&from=" + today + "&to=" + today;
        String[] nodes = {street.id() + "", data.org(TestTree.HAIDIAN) + "", data.org(TestTree.CITY) + ""};
        Map<String, JsonNode> before = new HashMap<>();
        for (String node : nodes) {
            before.put(node, funnel("admin", "orgId=" + node + period));
        }

        Instant since = Instant.now();
        Map<String, Object> session = Map.of("kind", "WORKER", "orgId", street.id(), "title", "午间职工沟通会",
                "place", "中关村软件园食堂门口", "startsAt", today + "T11:30", "endsAt", today + "T13:30");
        String planned = mvc.perform(post("/api/v1/outreach/sessions").with(TestTree.basic("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(session)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String code = json.readTree(planned).get("code").asText();

        Map<String, Object> application = new HashMap<>();
        application.put("name", "沟通会入会");
        String first17 = "11010819871123" + String.format("%03d", FunnelEvents.nextId() % 1000);
        application.put("idType", "RESIDENT_ID");
        application.put("idNumber", first17 + IdNumber.checkCharacterFor(first17));
        application.put("phone", "13812345678");
        application.put("occupation", "FOOD_DELIVERY_RIDER");
        application.put("workStreetId", street.id());
        application.put("sessionCode", code);
        application.put("consent", true);
        String submitted = mvc.perform(post("/api/v1/membership-applications")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(application)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = json.readTree(submitted).get("applicationNo").asText();
        mvc.perform(post("/api/v1/membership-applications/{no}/approve", number)
                        .with(TestTree.basic("zhongguancun")))
                .andExpect(status().isOk());
        events.awaitHandledSince(since);

        for (String node : nodes) {
            JsonNode after = funnel("admin", "orgId=" + node + period);
            for (String figure : new String[] {"workerSessions", "applications", "membersJoined", "memberRecords"}) {
                assertThat(after.get(figure).asLong() - before.get(node).get(figure).asLong())
                        .as(figure + " of " + node).isEqualTo(1);
            }
        }
        assertThat(funnel("zhongguancun", period.substring(1)).get("membersJoined").asLong())
                .isEqualTo(before.get(nodes[0]).get("membersJoined").asLong() + 1);
    }
}

package org.unionhub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionhub.TestTree.basic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;

/** Status changes staff record, over the API against the embedded PostgreSQL, and the history they leave. */
@UnionHubTest
class MemberStatusTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestTree tree;

    Joining joining;

    @BeforeEach
    void setUp() {
        joining = new Joining(mvc, json, tree);
    }

    private ResultActions change(String memberNo, String user, String body) throws Exception {
        return mvc.perform(post("/api/v1/members/{no}/status-changes", memberNo).with(basic(user))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private JsonNode history(String memberNo) throws Exception {
        return joining.read(mvc.perform(get("/api/v1/members/{no}/history", memberNo).with(basic("haidian")))
                .andExpect(status().isOk()).andReturn());
    }

    private String statusOf(String memberNo) throws Exception {
        return joining.read(mvc.perform(get("/api/v1/members/{no}", memberNo).with(basic("haidian"))).andReturn())
                .get("status").asText();
    }

    @Test
    void aChangeIsKeptInTheHistoryWithWhoAndWhen() throws Exception {
        String memberNo = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun").memberNo();
        Instant before = Instant.now();
        change(memberNo, "zhongguancun", "{\"status\":\"RETAINED\",\"reason\":\"UNEMPLOYED\",\"note\":\"公司裁员\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fromStatus").value("ACTIVE"))
                .andExpect(jsonPath("$.toStatus").value("RETAINED"))
                .andExpect(jsonPath("$.by").value("zhongguancun"));
        assertThat(statusOf(memberNo)).isEqualTo("RETAINED");
        JsonNode history = history(memberNo);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("fromStatus").isNull()).isTrue();
        assertThat(history.get(0).get("toStatus").asText()).isEqualTo("ACTIVE");
        assertThat(history.get(0).get("by").asText()).isEqualTo("zhongguancun");
        JsonNode last = history.get(1);
        assertThat(last.get("by").asText()).isEqualTo("zhongguancun");
        assertThat(last.get("reason").asText()).isEqualTo("UNEMPLOYED");
        assertThat(last.get("note").asText()).isEqualTo("公司裁员");
        assertThat(last.get("unionName").asText()).isEqualTo(TestTree.ZHONGGUANCUN_JOINT);
        Instant at = Instant.parse(last.get("at").asText());
        assertThat(at).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(at).isAfterOrEqualTo(Instant.parse(history.get(0).get("at").asText()));
    }

    @Test
    void aMembershipGoesThroughItsLifeAndEndsForGood() throws Exception {
        String memberNo = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun").memberNo();
        change(memberNo, "zhongguancun", "{\"status\":\"LAPSED\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.reason").value("DUES_UNPAID"));
        change(memberNo, "zhongguancun", "{\"status\":\"RETAINED\",\"reason\":\"RETIRED\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("TRANSITION_NOT_ALLOWED"));
        change(memberNo, "haidian", "{\"status\":\"ACTIVE\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.reason").value("REINSTATED"));
        change(memberNo, "haidian", "{\"status\":\"ACTIVE\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("STATUS_UNCHANGED"));
        change(memberNo, "zhongguancun", "{\"status\":\"ENDED\",\"reason\":\"WITHDREW\"}")
                .andExpect(status().isCreated());
        change(memberNo, "zhongguancun", "{\"status\":\"ACTIVE\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("MEMBERSHIP_FINAL"));
        mvc.perform(get("/api/v1/members/{no}/status-changes/allowed", memberNo).with(basic("zhongguancun")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        assertThat(statusOf(memberNo)).isEqualTo("ENDED");
        assertThat(history(memberNo)).extracting(h -> h.get("toStatus").asText())
                .containsExactly("ACTIVE", "LAPSED", "ACTIVE", "ENDED");
    }

    @Test
    void anActiveMembersAllowedChangesComeWithTheirReasons() throws Exception {
        String memberNo = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun").memberNo();
        JsonNode allowed = joining.read(mvc.perform(get("/api/v1/members/{no}/status-changes/allowed", memberNo)
                .with(basic("zhongguancun"))).andReturn());
        assertThat(allowed).extracting(a -> a.get("status").asText()).containsExactly("RETAINED", "LAPSED", "ENDED");
        assertThat(allowed.get(0).get("reasons")).extracting(JsonNode::asText)
                .containsExactly("RETIRED", "UNEMPLOYED");
    }

    @ParameterizedTest(name = "{0} → 400 {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"status\":\"FROZEN\"}|status|UNKNOWN_CODE",
        "{}|status|REQUIRED",
        "{\"status\":\"TRANSFERRED_OUT\"}|status|TRANSFER_ONLY",
        "{\"status\":\"RETAINED\"}|reason|REQUIRED",
        "{\"status\":\"RETAINED\",\"reason\":\"BORED\"}|reason|UNKNOWN_CODE",
        "{\"status\":\"ENDED\",\"reason\":\"RETIRED\"}|reason|REASON_NOT_FOR_STATUS",
        "{\"status\":\"LAPSED\",\"note\":\"LONG\"}|note|TOO_LONG"
    })
    void badInputNamesTheFieldAndChangesNothing(String body, String field, String code) throws Exception {
        String memberNo = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun").memberNo();
        change(memberNo, "zhongguancun", body.replace("LONG", "长".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        assertThat(statusOf(memberNo)).isEqualTo("ACTIVE");
        assertThat(history(memberNo)).hasSize(1);
    }

    @Test
    void staffOutsideTheScopeFindNothingAndReadersChangeNothing() throws Exception {
        String memberNo = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun").memberNo();
        String body = "{\"status\":\"LAPSED\"}";
        change(memberNo, "dongcheng", body).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/members/{no}/history", memberNo).with(basic("dongcheng")))
                .andExpect(status().isNotFound());
        change(memberNo, "leader", body).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/members/{no}/status-changes", memberNo)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        assertThat(statusOf(memberNo)).isEqualTo("ACTIVE");
    }

    @Test
    void twoChangesAtOnceAreJudgedOneAfterTheOther() throws Exception {
        String memberNo = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun").memberNo();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (String user : List.of("zhongguancun", "haidian")) {
            results.add(pool.submit(() -> {
                start.await();
                return change(memberNo, user, "{\"status\":\"ENDED\",\"reason\":\"DECEASED\"}").andReturn()
                        .getResponse().getStatus();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(history(memberNo)).hasSize(2);
    }
}

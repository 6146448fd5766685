package org.unionhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionhub.TestTree.basic;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.organisation.Enterprise;
import org.unionhub.organisation.UnionFounded;

/**
 * Recording an enterprise session: each enterprise covered publishes {@code EnterpriseCovered} once, carries the
 * person met, the service package items offered and the outcome, and moves the enterprise's pipeline on (never
 * back); a later founding names the session.
 */
@UnionHubTest
@RecordApplicationEvents
class EnterpriseSessionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree data;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Clock clock;

    LocalDate today;
    long street;

    @BeforeEach
    void setUp() {
        today = LocalDate.now(clock);
        street = data.org(TestTree.ZHONGGUANCUN_STREET);
    }

    @Test
    void eachEnterpriseCoveredIsPublishedOnceAndItsPipelineMovesOn() throws Exception {
        long session = plan("ENTERPRISE", today);
        long item = item("haidian", TestTree.unique("法律体检"));
        Enterprise first = data.newEnterprise(street);
        Enterprise second = data.newEnterprise(street);

        record(session, first.id(), coverage("张经理", "INTERESTED", List.of(item)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.personMet").value("张经理"))
                .andExpect(jsonPath("$.personTitle").value("人事经理"))
                .andExpect(jsonPath("$.outcome").value("INTERESTED"))
                .andExpect(jsonPath("$.items[0].id").value(item))
                .andExpect(jsonPath("$.advanced").value(true))
                .andExpect(jsonPath("$.heldOn").value(today.toString()));
        record(session, second.id(), coverage("李总", "CONTACTED", List.of())).andExpect(status().isCreated());
        record(session, first.id(), coverage("张经理", "INTERESTED", List.of(item))).andExpect(status().isOk());

        assertThat(events.stream(EnterpriseCovered.class)).containsExactlyInAnyOrder(
                new EnterpriseCovered(session, first.id(), today), new EnterpriseCovered(session, second.id(), today));
        mvc.perform(get("/api/v1/outreach/sessions/{id}/enterprises", session).with(basic("zhongguancun")))
                .andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(get("/api/v1/outreach/pipeline/{id}", first.id()).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.state").value("INTERESTED"))
                .andExpect(jsonPath("$.steps", hasSize(1)))
                .andExpect(jsonPath("$.steps[0].sessionId").value(session));
        mvc.perform(get("/api/v1/outreach/pipeline/{id}/sessions", first.id()).with(basic("zhongguancun")))
                .andExpect(jsonPath("$[0].sessionId").value(session))
                .andExpect(jsonPath("$[0].items[0].id").value(item));
    }

    @Test
    void aSessionNeverMovesAPipelineBackAndACorrectionKeepsWhatItMoved() throws Exception {
        Enterprise enterprise = data.newEnterprise(street);
        mvc.perform(post("/api/v1/outreach/pipeline/{id}/steps", enterprise.id()).with(basic("zhongguancun"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("state", "PREPARING", "on", today.toString()))));
        long session = plan("ENTERPRISE", today);

        record(session, enterprise.id(), coverage("王总", "INTERESTED", List.of()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.advanced").value(false));
        mvc.perform(get("/api/v1/outreach/pipeline/{id}", enterprise.id()).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.state").value("PREPARING"));

        Map<String, Object> declined = coverage("王总", "DECLINED", List.of());
        declined.put("declineReason", "BUSINESS_DIFFICULTIES");
        record(session, enterprise.id(), declined)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.advanced").value(true))
                .andExpect(jsonPath("$.declineReason").value("BUSINESS_DIFFICULTIES"));
        mvc.perform(get("/api/v1/outreach/pipeline/{id}", enterprise.id()).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.state").value("DECLINED"))
                .andExpect(jsonPath("$.steps[1].sessionId").value(session));
        assertThat(events.stream(EnterpriseCovered.class)).hasSize(1);
    }

    @Test
    void aFoundingAfterASessionNamesThatSession() throws Exception {
        Enterprise enterprise = data.newEnterprise(street);
        long session = plan("ENTERPRISE", today);
        record(session, enterprise.id(), coverage("赵董事长", "PREPARING", List.of()));

        Map<String, Object> founding = new LinkedHashMap<>();
        founding.put("unionName", enterprise.name() + "工会");
        founding.put("chair", "赵主席");
        founding.put("foundedOn", today.toString());
        founding.put("creditCode", TestTree.unionCreditCode("110108"));
        mvc.perform(post("/api/v1/outreach/pipeline/{id}/founding", enterprise.id()).with(basic("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(founding)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sessionId").value(session));

        assertThat(events.stream(UnionFounded.class)).singleElement()
                .satisfies(e -> assertThat(e.sessionId()).isEqualTo(session));
    }

    @Test
    void badInputAWorkerSessionAndAFutureSessionRecordNothing() throws Exception {
        long session = plan("ENTERPRISE", today);
        Enterprise enterprise = data.newEnterprise(street);
        long dongchengItem = item("dongcheng", TestTree.unique("东城项目"));
        Map<String, Object> bad = new HashMap<>();
        bad.put("personMet", " ");
        bad.put("itemIds", List.of(dongchengItem));
        bad.put("outcome", "DECLINED");
        long before = data.count("enterprise_session_coverage");

        record(session, enterprise.id(), bad)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].message").value("约谈对象：必填"))
                .andExpect(jsonPath("$.errors[1].field").value("itemIds"))
                .andExpect(jsonPath("$.errors[1].code").value("UNKNOWN_CODE"))
                .andExpect(jsonPath("$.errors[2].field").value("declineReason"));
        expectOnlyError(record(plan("WORKER", today), enterprise.id(), coverage("甲", "CONTACTED", List.of())),
                "sessionId", "ENTERPRISE_SESSIONS_ONLY");
        expectOnlyError(record(plan("ENTERPRISE", today.plusDays(2)), enterprise.id(),
                coverage("甲", "CONTACTED", List.of())), "sessionId", "SESSION_NOT_HELD_YET");
        expectOnlyError(record(session, enterprise.id(), coverage("甲", "FOUNDED", List.of())), "outcome",
                "FOUNDING_NEEDS_FORM");
        record(session, enterprise.id(), coverage("甲", "CONTACTED", List.of()), "dongcheng")
                .andExpect(status().isNotFound());

        assertThat(data.count("enterprise_session_coverage")).isEqualTo(before);
        assertThat(events.stream(EnterpriseCovered.class)).isEmpty();
        mvc.perform(get("/api/v1/outreach/pipeline/{id}", enterprise.id()).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.state").doesNotExist());
    }

    @Test
    void theSessionPageRecordsAnEnterpriseWithTheItemsOffered() throws Exception {
        long session = plan("ENTERPRISE", today);
        String itemName = TestTree.unique("工会卡银行服务台");
        long item = item("haidian", itemName);
        Enterprise enterprise = data.newEnterprise(street);
        var staff = TestTree.consoleSession(mvc, "zhongguancun");

        mvc.perform(get("/outreach/sessions/{id}", session).session(staff))
                .andExpect(content().string(containsString("/outreach/sessions/" + session + "/enterprises")));
        mvc.perform(get("/outreach/sessions/{id}/enterprises", session).param("q", enterprise.name()).session(staff))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(itemName)))
                .andExpect(content().string(containsString("value=\"" + enterprise.id() + "\"")));
        mvc.perform(post("/outreach/sessions/{id}/enterprises", session).session(staff).with(csrf())
                        .param("enterpriseId", String.valueOf(enterprise.id())).param("outcome", "INTERESTED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-field=\"personMet\">约谈对象：必填<")));
        mvc.perform(post("/outreach/sessions/{id}/enterprises", session).session(staff).with(csrf())
                        .param("enterpriseId", String.valueOf(enterprise.id())).param("personMet", "孙经理")
                        .param("itemIds", String.valueOf(item)).param("outcome", "INTERESTED"))
                .andExpect(redirectedUrl("/outreach/sessions/" + session + "/enterprises?recorded"));
        mvc.perform(get("/outreach/pipeline/{id}", enterprise.id()).session(staff))
                .andExpect(content().string(containsString("约谈：孙经理")))
                .andExpect(content().string(containsString(itemName)));
        assertThat(events.stream(EnterpriseCovered.class)).hasSize(1);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private long plan(String kind, LocalDate day) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("orgId", street);
        body.put("title", TestTree.unique("企业沟通会"));
        body.put("place", "中关村创业大街");
        body.put("startsAt", day + "T14:00");
        body.put("endsAt", day + "T16:00");
        String answer = mvc.perform(post("/api/v1/outreach/sessions").with(basic("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(answer).get("id").asLong();
    }

    private long item(String user, String name) throws Exception {
        String answer = mvc.perform(post("/api/v1/outreach/service-items").with(basic(user))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("name", name))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(answer).get("id").asLong();
    }

    private static Map<String, Object> coverage(String person, String outcome, List<Long> items) {
        Map<String, Object> body = new HashMap<>();
        body.put("personMet", person);
        body.put("personTitle", "人事经理");
        body.put("itemIds", items);
        body.put("outcome", outcome);
        return body;
    }

    private ResultActions record(long session, long enterprise, Map<String, Object> body) throws Exception {
        return record(session, enterprise, body, "zhongguancun");
    }

    private ResultActions record(long session, long enterprise, Map<String, Object> body, String user)
            throws Exception {
        return mvc.perform(put("/api/v1/outreach/sessions/{s}/enterprises/{e}", session, enterprise).with(basic(user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private static void expectOnlyError(ResultActions result, String field, String code) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code));
    }
}

package org.unionhub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionhub.TestTree.basic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.membership.Joining.Worker;
import org.unionhub.organisation.Enterprise;
import org.unionhub.organisation.EnterpriseInput;
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.UnionClosed;

/**
 * An enterprise closes: its union closes with it, and every membership there that is not final moves to the parent
 * union as a transfer accepted by {@code system}, end to end over the API and the event publication registry.
 */
@UnionHubTest
@RecordApplicationEvents
class UnionClosureTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestTree tree;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    MembershipTransfers transfers;

    @Autowired
    ApplicationEvents events;

    Joining joining;

    @BeforeEach
    void setUp() {
        joining = new Joining(mvc, json, tree);
    }

    private Worker employee(Enterprise enterprise) throws Exception {
        Map<String, Object> fields = Joining.gigWorker(tree.org(TestTree.ZHONGGUANCUN_STREET));
        fields.remove("occupation");
        fields.put("employerCreditCode", enterprise.creditCode());
        return joining.member(fields, "zhongguancun");
    }

    private String statusOf(String memberNo) {
        return tree.jdbc().sql("SELECT status FROM member WHERE member_no = :n").param("n", memberNo)
                .query(String.class).single();
    }

    /** The membership that continues {@code memberNo}: its number, union and status. */
    private Map<String, Object> successor(String memberNo) {
        return tree.jdbc().sql("""
                        SELECT n.member_no, n.union_id, n.status, n.source FROM member n
                          JOIN member p ON p.id = n.previous_member_id WHERE p.member_no = :n
                        """).param("n", memberNo).query().singleRow();
    }

    private void change(String memberNo, String body) throws Exception {
        mvc.perform(post("/api/v1/members/{no}/status-changes", memberNo).with(basic("zhongguancun"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
    }

    private String staffTransfer(String memberNo, String user, long toUnionId) throws Exception {
        return joining.read(mvc.perform(post("/api/v1/members/{no}/transfers", memberNo).with(basic(user))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"toUnionId\":" + toUnionId + "}"))
                .andExpect(status().isCreated()).andReturn()).get("transferNo").asText();
    }

    @Test
    void closingAnEnterpriseClosesItsUnionAndMovesItsMembersToTheParentUnion() throws Exception {
        long street = tree.org(TestTree.ZHONGGUANCUN_STREET);
        OrgUnit union = tree.newUnion(street);
        Enterprise enterprise = enterprises.create(new OrgScope(tree.org(TestTree.CITY)), new EnterpriseInput(
                TestTree.unique("关闭测试企业"), TestTree.companyCreditCode("110108"), null, street, null, null, null,
                30, null, null, null, union.id(), LocalDate.of(2020, 1, 1)));
        Worker active = employee(enterprise);
        Worker retained = employee(enterprise);
        change(retained.memberNo(), "{\"status\":\"RETAINED\",\"reason\":\"RETIRED\"}");
        Worker ended = employee(enterprise);
        change(ended.memberNo(), "{\"status\":\"ENDED\",\"reason\":\"WITHDREW\"}");
        Worker leaving = employee(enterprise);
        String leavingTransfer = staffTransfer(leaving.memberNo(), "zhongguancun", tree.org(TestTree.CHONGWAI_JOINT));
        Worker coming = joining.member(TestTree.XUEYUANLU_STREET, "haidian");
        String comingTransfer = staffTransfer(coming.memberNo(), "haidian", union.id());

        mvc.perform(post("/api/v1/enterprises/{id}/close", enterprise.id()).with(basic("zhongguancun"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/enterprises/{id}/close", enterprise.id()).with(basic("haidian"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closedOn").value(LocalDate.now().toString()));
        assertThat(tree.node(union.id()).isActive()).isFalse();
        assertThat(events.stream(UnionClosed.class)).singleElement().satisfies(e -> {
            assertThat(e.unionId()).isEqualTo(union.id());
            assertThat(e.parentId()).isEqualTo(street);
            assertThat(e.parentPath()).isEqualTo(tree.node(street).path());
            assertThat(e.closedOn()).isEqualTo(LocalDate.now());
        });

        await().atMost(Duration.ofSeconds(20))
                .until(() -> statusOf(active.memberNo()).equals("TRANSFERRED_OUT"));
        Map<String, Object> activeNow = successor(active.memberNo());
        assertThat(activeNow).containsEntry("union_id", street).containsEntry("status", "ACTIVE")
                .containsEntry("source", "TRANSFER");
        assertThat(statusOf(retained.memberNo())).isEqualTo("TRANSFERRED_OUT");
        assertThat(successor(retained.memberNo())).containsEntry("status", "RETAINED");
        assertThat(statusOf(ended.memberNo())).isEqualTo("ENDED");
        assertThat(tree.jdbc().sql("""
                        SELECT count(*) FROM member n JOIN member p ON p.id = n.previous_member_id
                         WHERE p.member_no = :n
                        """).param("n", ended.memberNo()).query(Long.class).single()).isZero();

        Map<String, Object> moved = tree.jdbc().sql("""
                        SELECT t.origin, t.status, t.requested_by, t.decided_by, t.to_union_id FROM member_transfer t
                          JOIN member m ON m.id = t.member_id WHERE m.member_no = :n
                        """).param("n", active.memberNo()).query().singleRow();
        assertThat(moved).containsEntry("origin", "UNION_CLOSED").containsEntry("status", "ACCEPTED")
                .containsEntry("requested_by", "system").containsEntry("decided_by", "system")
                .containsEntry("to_union_id", street);
        JsonNode history = joining.read(mvc.perform(get("/api/v1/members/{no}/history",
                activeNow.get("member_no")).with(basic("zhongguancun"))).andReturn());
        assertThat(history.get(0).get("by").asText()).isEqualTo("system");
        assertThat(history.get(0).get("reason").asText()).isEqualTo("UNION_CLOSED");

        String leavingNow = (String) successor(leaving.memberNo()).get("member_no");
        mvc.perform(get("/api/v1/membership-transfers/{no}/details", leavingTransfer).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.memberNo").value(leavingNow))
                .andExpect(jsonPath("$.fromUnion.id").value(street));
        String acceptedAs = joining.read(mvc.perform(post("/api/v1/membership-transfers/{no}/accept", leavingTransfer)
                .with(basic("dongcheng"))).andExpect(status().isOk()).andReturn()).get("newMemberNo").asText();
        assertThat(statusOf(leavingNow)).isEqualTo("TRANSFERRED_OUT");
        assertThat(statusOf(acceptedAs)).isEqualTo("ACTIVE");

        mvc.perform(get("/api/v1/membership-transfers/{no}", comingTransfer))
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        assertThat(statusOf(coming.memberNo())).isEqualTo("ACTIVE");

        for (Worker person : new Worker[] {active, retained, leaving, coming}) {
            assertThat(tree.jdbc().sql("""
                            SELECT count(*) FROM member
                             WHERE id_hash = (SELECT id_hash FROM member WHERE member_no = :n)
                               AND status NOT IN ('ENDED', 'TRANSFERRED_OUT')
                            """).param("n", person.memberNo()).query(Long.class).single()).isEqualTo(1);
        }

        UnionClosed again = events.stream(UnionClosed.class).findFirst().orElseThrow();
        assertThat(transfers.moveMembersOfClosedUnion(again)).isZero();

        mvc.perform(post("/api/v1/enterprises/{id}/close", enterprise.id()).with(basic("haidian")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("ALREADY_CLOSED"));
        Map<String, Object> application = Joining.gigWorker(street);
        application.remove("occupation");
        application.put("employerCreditCode", enterprise.creditCode());
        mvc.perform(post("/api/v1/membership-applications").header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(application)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.handlingUnit.name").value(TestTree.ZHONGGUANCUN_JOINT));
    }

    @Test
    void closingAnEnterpriseWithoutAUnionOnlyRecordsTheDay() throws Exception {
        Enterprise enterprise = tree.newEnterprise(tree.org(TestTree.ZHONGGUANCUN_STREET));
        mvc.perform(post("/api/v1/enterprises/{id}/close", enterprise.id()).with(basic("haidian"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"closedOn\":\"2024-06-30\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closedOn").value("2024-06-30"));
        assertThat(events.stream(UnionClosed.class)).isEmpty();
        mvc.perform(post("/api/v1/enterprises/{id}/close", enterprise.id()).with(basic("dongcheng")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theEnterprisePageClosesAnEnterpriseForThoseWhoMayReshapeTheTree() throws Exception {
        Enterprise enterprise = tree.newEnterprise(tree.org(TestTree.ZHONGGUANCUN_STREET));
        var district = TestTree.consoleSession(mvc, "haidian");
        assertThat(mvc.perform(get("/enterprises/{id}", enterprise.id()).session(district)).andReturn().getResponse()
                .getContentAsString()).contains("data-test=\"close-enterprise\"");
        assertThat(mvc.perform(get("/enterprises/{id}", enterprise.id()).session(TestTree.consoleSession(mvc,
                "zhongguancun"))).andReturn().getResponse().getContentAsString())
                .doesNotContain("data-test=\"close-enterprise\"");
        mvc.perform(post("/enterprises/{id}/close", enterprise.id()).session(district).with(csrf())
                .param("closedOn", "2024-12-31")).andExpect(redirectedUrl("/enterprises/" + enterprise.id() + "?closed"));
        assertThat(mvc.perform(get("/enterprises/{id}", enterprise.id()).session(district)).andReturn().getResponse()
                .getContentAsString()).contains("data-test=\"enterprise-closed\"").contains("2024-12-31")
                .doesNotContain("data-test=\"close-enterprise\"");
        String again = mvc.perform(post("/enterprises/{id}/close", enterprise.id()).session(district).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("class=\"alert\"").contains("已撤销");
    }
}

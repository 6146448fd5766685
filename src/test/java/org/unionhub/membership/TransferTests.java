package org.unionhub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionhub.TestTree.basic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.membership.Joining.Worker;
import org.unionhub.membership.domain.PersonalDataCipher;

/**
 * Transfers over the API against the embedded PostgreSQL: asked for by staff or by the worker, accepted, refused or
 * cancelled, by staff of the right side only; racing accepts; one person, one membership throughout.
 */
@UnionHubTest
@RecordApplicationEvents
class TransferTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestTree tree;

    @Autowired
    ApplicationEvents events;

    @Autowired
    PersonalDataCipher cipher;

    Joining joining;

    @BeforeEach
    void setUp() {
        joining = new Joining(mvc, json, tree);
    }

    private ResultActions staffRequest(String memberNo, String user, long toUnionId) throws Exception {
        return mvc.perform(post("/api/v1/members/{no}/transfers", memberNo).with(basic(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"toUnionId\":" + toUnionId + ",\"note\":\"调入新单位\"}"));
    }

    private ResultActions decide(String transferNo, String action, String user, String body) throws Exception {
        var request = post("/api/v1/membership-transfers/{no}/" + action, transferNo).with(basic(user));
        return mvc.perform(body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private MvcResult workerRequest(Map<String, Object> fields, String key) throws Exception {
        return mvc.perform(post("/api/v1/membership-transfers").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(fields))).andReturn();
    }

    private JsonNode member(String memberNo, String user) throws Exception {
        return joining.read(mvc.perform(get("/api/v1/members/{no}", memberNo).with(basic(user)))
                .andExpect(status().isOk()).andReturn());
    }

    private long notFinalMemberships(String idNumber) {
        return tree.jdbc().sql("""
                        SELECT count(*) FROM member WHERE id_hash = :h AND status NOT IN ('ENDED', 'TRANSFERRED_OUT')
                        """)
                .param("h", cipher.documentHash("RESIDENT_ID", idNumber))
                .query(Long.class).single();
    }

    private long transfersOf(String memberNo) {
        return tree.jdbc().sql("""
                        SELECT count(*) FROM member_transfer t JOIN member m ON m.id = t.member_id
                         WHERE m.member_no = :n
                        """).param("n", memberNo).query(Long.class).single();
    }

    @Test
    void staffMoveAMemberToAUnionOutsideTheirScopeAndItsStaffAcceptIt() throws Exception {
        Worker worker = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        long chongwai = tree.org(TestTree.CHONGWAI_JOINT);
        JsonNode requested = joining.read(staffRequest(worker.memberNo(), "zhongguancun", chongwai)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.origin").value("STAFF"))
                .andExpect(jsonPath("$.fromUnion.name").value(TestTree.ZHONGGUANCUN_JOINT))
                .andExpect(jsonPath("$.toUnion.name").value(TestTree.CHONGWAI_JOINT))
                .andExpect(jsonPath("$.requestedBy").value("zhongguancun"))
                .andReturn());
        String transferNo = requested.get("transferNo").asText();
        staffRequest(worker.memberNo(), "zhongguancun", chongwai).andExpect(status().isOk())
                .andExpect(jsonPath("$.transferNo").value(transferNo));
        staffRequest(worker.memberNo(), "haidian", tree.org(TestTree.XUEYUANLU_JOINT))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].code").value("TRANSFER_PENDING"));
        assertThat(transfersOf(worker.memberNo())).isEqualTo(1);

        assertThat(joining.read(mvc.perform(get("/api/v1/membership-transfers/incoming").with(basic("dongcheng")))
                .andReturn()).findValuesAsText("transferNo")).contains(transferNo);
        assertThat(joining.read(mvc.perform(get("/api/v1/membership-transfers/outgoing").with(basic("zhongguancun")))
                .andReturn()).findValuesAsText("transferNo")).contains(transferNo);
        assertThat(joining.read(mvc.perform(get("/api/v1/membership-transfers/incoming").with(basic("zhongguancun")))
                .andReturn()).findValuesAsText("transferNo")).doesNotContain(transferNo);
        decide(transferNo, "accept", "zhongguancun", null).andExpect(status().isNotFound());

        JsonNode accepted = joining.read(decide(transferNo, "accept", "dongcheng", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.decidedBy").value("dongcheng"))
                .andReturn());
        String newMemberNo = accepted.get("newMemberNo").asText();
        assertThat(newMemberNo).startsWith("M").isNotEqualTo(worker.memberNo());

        JsonNode old = member(worker.memberNo(), "zhongguancun");
        assertThat(old.get("status").asText()).isEqualTo("TRANSFERRED_OUT");
        assertThat(old.get("unionId").asLong()).isEqualTo(tree.org(TestTree.ZHONGGUANCUN_JOINT));
        JsonNode continued = member(newMemberNo, "dongcheng");
        assertThat(continued.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(continued.get("unionId").asLong()).isEqualTo(chongwai);
        assertThat(continued.get("source").asText()).isEqualTo("TRANSFER");
        assertThat(continued.get("joinedOn").asText()).isEqualTo(LocalDate.now().toString());
        assertThat(continued.get("idNumberMasked").asText()).isEqualTo(old.get("idNumberMasked").asText());
        assertThat(continued.get("mobileMember").asBoolean()).isTrue();
        mvc.perform(get("/api/v1/members/{no}", newMemberNo).with(basic("zhongguancun")))
                .andExpect(status().isNotFound());
        assertThat(tree.jdbc().sql("""
                        SELECT p.member_no FROM member m JOIN member p ON p.id = m.previous_member_id
                         WHERE m.member_no = :n
                        """).param("n", newMemberNo).query(String.class).single()).isEqualTo(worker.memberNo());

        JsonNode oldHistory = joining.read(mvc.perform(get("/api/v1/members/{no}/history", worker.memberNo())
                .with(basic("zhongguancun"))).andReturn());
        JsonNode out = oldHistory.get(oldHistory.size() - 1);
        assertThat(out.get("fromStatus").asText()).isEqualTo("ACTIVE");
        assertThat(out.get("toStatus").asText()).isEqualTo("TRANSFERRED_OUT");
        assertThat(out.get("by").asText()).isEqualTo("dongcheng");
        assertThat(out.get("reason").asText()).isEqualTo("TRANSFER_OUT");
        assertThat(out.get("note").asText()).contains(transferNo).contains(newMemberNo);
        JsonNode newHistory = joining.read(mvc.perform(get("/api/v1/members/{no}/history", newMemberNo)
                .with(basic("dongcheng"))).andReturn());
        assertThat(newHistory).hasSize(1);
        assertThat(newHistory.get(0).get("toStatus").asText()).isEqualTo("ACTIVE");
        assertThat(newHistory.get(0).get("reason").asText()).isEqualTo("TRANSFER_IN");
        assertThat(newHistory.get(0).get("unionId").asLong()).isEqualTo(chongwai);

        assertThat(events.stream(MemberTransferred.class)).singleElement().satisfies(e -> {
            assertThat(e.fromMemberNo()).isEqualTo(worker.memberNo());
            assertThat(e.toMemberNo()).isEqualTo(newMemberNo);
            assertThat(e.toUnionId()).isEqualTo(chongwai);
            assertThat(e.toUnionPath()).isEqualTo(tree.node(chongwai).path());
            assertThat(e.fromUnionId()).isEqualTo(tree.org(TestTree.ZHONGGUANCUN_JOINT));
            assertThat(e.transferredOn()).isEqualTo(LocalDate.now());
        });
        assertThat(events.stream(MemberJoined.class).filter(e -> e.memberNo().equals(newMemberNo))).isEmpty();
        assertThat(notFinalMemberships(worker.idNumber())).isEqualTo(1);

        decide(transferNo, "accept", "dongcheng", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("ALREADY_DECIDED"));
        decide(transferNo, "refuse", "dongcheng", "{\"reason\":\"OTHER\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("ALREADY_DECIDED"));
        staffRequest(worker.memberNo(), "zhongguancun", chongwai).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("MEMBERSHIP_FINAL"));
        MvcResult again = mvc.perform(post("/api/v1/membership-applications")
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(worker.fields()))).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(joining.read(again).findValuesAsText("code")).contains("ALREADY_MEMBER");
    }

    @Test
    void twoStaffAcceptingAtOnceMoveTheMembershipOnce() throws Exception {
        Worker worker = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        String transferNo = joining.read(staffRequest(worker.memberNo(), "zhongguancun",
                tree.org(TestTree.CHONGWAI_JOINT)).andReturn()).get("transferNo").asText();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<MvcResult>> results = new ArrayList<>();
        for (String user : List.of("dongcheng", "admin")) {
            results.add(pool.submit(() -> {
                start.await();
                return decide(transferNo, "accept", user, null).andReturn();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Future<MvcResult> result : results) {
            MvcResult done = result.get();
            statuses.add(done.getResponse().getStatus());
            codes.addAll(joining.read(done).findValuesAsText("code"));
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(codes).containsExactly("ALREADY_DECIDED");
        assertThat(tree.jdbc().sql("""
                        SELECT count(*) FROM member m JOIN member p ON p.id = m.previous_member_id
                         WHERE p.member_no = :n
                        """).param("n", worker.memberNo()).query(Long.class).single()).isEqualTo(1);
        assertThat(notFinalMemberships(worker.idNumber())).isEqualTo(1);
    }

    @Test
    void theReceivingSideRefusesWithAReasonAndTheSendingSideCancels() throws Exception {
        Worker worker = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        long chongwai = tree.org(TestTree.CHONGWAI_JOINT);
        String first = joining.read(staffRequest(worker.memberNo(), "zhongguancun", chongwai).andReturn())
                .get("transferNo").asText();
        decide(first, "refuse", "dongcheng", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
        decide(first, "refuse", "dongcheng", "{\"reason\":\"BECAUSE\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_CODE"));
        decide(first, "refuse", "zhongguancun", "{\"reason\":\"OTHER\"}").andExpect(status().isNotFound());
        decide(first, "refuse", "dongcheng", "{\"reason\":\"NOT_EMPLOYED_HERE\",\"note\":\"查无此人\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUSED"))
                .andExpect(jsonPath("$.refuseReason").value("NOT_EMPLOYED_HERE"))
                .andExpect(jsonPath("$.decisionNote").value("查无此人"));
        mvc.perform(get("/api/v1/membership-transfers/{no}", first))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUSED"))
                .andExpect(jsonPath("$.refuseReason").value("NOT_EMPLOYED_HERE"));

        String second = joining.read(staffRequest(worker.memberNo(), "zhongguancun", chongwai)
                .andExpect(status().isCreated()).andReturn()).get("transferNo").asText();
        decide(second, "cancel", "dongcheng", null).andExpect(status().isNotFound());
        decide(second, "cancel", "zhongguancun", "{\"note\":\"本人改变主意\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        decide(second, "accept", "dongcheng", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("ALREADY_DECIDED"));
        assertThat(member(worker.memberNo(), "zhongguancun").get("status").asText()).isEqualTo("ACTIVE");
        mvc.perform(get("/api/v1/members/{no}/transfers", worker.memberNo()).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].transferNo").value(second));
    }

    @Test
    void staffRequestsAreCheckedFieldByField() throws Exception {
        Worker worker = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        mvc.perform(post("/api/v1/members/{no}/transfers", worker.memberNo()).with(basic("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("toUnionId"))
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
        staffRequest(worker.memberNo(), "zhongguancun", TestTree.MISSING_ID).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("NOT_FOUND"));
        staffRequest(worker.memberNo(), "zhongguancun", tree.org(TestTree.DONGCHENG))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("NOT_A_RECEIVING_UNION"));
        staffRequest(worker.memberNo(), "zhongguancun", tree.org(TestTree.ZHONGGUANCUN_JOINT))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].code").value("SAME_UNION"));
        staffRequest(worker.memberNo(), "dongcheng", tree.org(TestTree.CHONGWAI_JOINT))
                .andExpect(status().isNotFound());
        staffRequest(worker.memberNo(), "leader", tree.org(TestTree.CHONGWAI_JOINT))
                .andExpect(status().isForbidden());
        assertThat(transfersOf(worker.memberNo())).isZero();
    }

    @Test
    void aWorkerWhoIsAMemberAsksForATransferWithThePhoneOnFile() throws Exception {
        Worker worker = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        Map<String, Object> newJob = worker.with(Map.of("occupation", "FOOD_DELIVERY_RIDER",
                "workStreetId", tree.org(TestTree.CHONGWAI_STREET)));

        MvcResult plain = mvc.perform(post("/api/v1/membership-applications")
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(newJob))).andReturn();
        assertThat(plain.getResponse().getStatus()).isEqualTo(409);

        Map<String, Object> wrongPhone = new HashMap<>(newJob);
        wrongPhone.put("phone", "13900000000".equals(worker.phone()) ? "13900000001" : "13900000000");
        MvcResult refused = workerRequest(wrongPhone, UUID.randomUUID().toString());
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        JsonNode error = joining.read(refused).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("phone");
        assertThat(error.get("code").asText()).isEqualTo("PHONE_NOT_ON_FILE");
        assertThat(transfersOf(worker.memberNo())).isZero();

        String key = UUID.randomUUID().toString();
        MvcResult first = workerRequest(newJob, key);
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        JsonNode transfer = joining.read(first);
        String transferNo = transfer.get("transferNo").asText();
        assertThat(transfer.get("status").asText()).isEqualTo("PENDING");
        assertThat(transfer.get("toUnion").get("name").asText()).isEqualTo(TestTree.CHONGWAI_JOINT);
        assertThat(transfer.get("mobileMember").asBoolean()).isTrue();
        assertThat(first.getResponse().getContentAsString()).doesNotContain(worker.phone())
                .doesNotContain(worker.idNumber().substring(6, 14)).doesNotContain("接转测试");
        MvcResult retried = workerRequest(newJob, key);
        assertThat(retried.getResponse().getStatus()).isEqualTo(200);
        assertThat(joining.read(retried).get("transferNo").asText()).isEqualTo(transferNo);
        MvcResult otherKey = workerRequest(newJob, UUID.randomUUID().toString());
        assertThat(otherKey.getResponse().getStatus()).isEqualTo(200);
        assertThat(joining.read(otherKey).get("transferNo").asText()).isEqualTo(transferNo);
        assertThat(transfersOf(worker.memberNo())).isEqualTo(1);

        mvc.perform(get("/api/v1/membership-transfers/{no}", transferNo)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));
        JsonNode incoming = joining.read(mvc.perform(get("/api/v1/membership-transfers/incoming")
                .with(basic("dongcheng"))).andReturn());
        assertThat(incoming.findValuesAsText("transferNo")).contains(transferNo);
        String newMemberNo = joining.read(decide(transferNo, "accept", "dongcheng", null)
                .andExpect(status().isOk()).andReturn()).get("newMemberNo").asText();
        mvc.perform(get("/api/v1/membership-transfers/{no}", transferNo))
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.newMemberNo").value(newMemberNo));

        MvcResult sameUnion = workerRequest(newJob, UUID.randomUUID().toString());
        assertThat(sameUnion.getResponse().getStatus()).isEqualTo(409);
        assertThat(joining.read(sameUnion).findValuesAsText("code")).containsExactly("SAME_UNION");
    }

    @Test
    void aWorkerWithoutMembershipIsToldToApply() throws Exception {
        MvcResult result = workerRequest(Joining.gigWorker(tree.org(TestTree.CHONGWAI_STREET)),
                UUID.randomUUID().toString());
        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(joining.read(result).findValuesAsText("code")).containsExactly("NOT_A_MEMBER");
    }

    @Test
    void aWorkersRequestIsCheckedLikeAnApplication() throws Exception {
        Map<String, Object> fields = Joining.gigWorker(tree.org(TestTree.CHONGWAI_STREET));
        fields.put("idNumber", "110105194912310021");
        fields.remove("consent");
        MvcResult result = workerRequest(fields, UUID.randomUUID().toString());
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(joining.read(result).findValuesAsText("field")).contains("idNumber", "consent");
        MvcResult noKey = mvc.perform(post("/api/v1/membership-transfers").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(fields))).andReturn();
        assertThat(noKey.getResponse().getStatus()).isEqualTo(400);
        assertThat(joining.read(noKey).findValuesAsText("field")).containsExactly("Idempotency-Key");
    }

    @Test
    void theInboxesNeedASignInThoughTheWorkersPathsDoNot() throws Exception {
        mvc.perform(get("/api/v1/membership-transfers/incoming")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/membership-transfers/outgoing")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/membership-transfers/receiving-unions").param("q", "联合"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/membership-transfers/T2025010100000001/accept"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/membership-transfers/T2025010100000001")).andExpect(status().isNotFound());
    }

    @Test
    void staffFindReceivingUnionsAnywhereInTheTree() throws Exception {
        JsonNode unions = joining.read(mvc.perform(get("/api/v1/membership-transfers/receiving-unions")
                .param("q", "崇外").with(basic("zhongguancun"))).andExpect(status().isOk()).andReturn());
        assertThat(unions.findValuesAsText("name")).contains(TestTree.CHONGWAI_JOINT);
        JsonNode districts = joining.read(mvc.perform(get("/api/v1/membership-transfers/receiving-unions")
                .param("q", "东城区").with(basic("zhongguancun"))).andReturn());
        assertThat(districts.findValuesAsText("name")).doesNotContain(TestTree.DONGCHENG);
    }

    @Test
    void theDatabaseRefusesASecondCurrentMembershipForOnePerson() throws Exception {
        Worker worker = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        String transferNo = joining.read(staffRequest(worker.memberNo(), "zhongguancun",
                tree.org(TestTree.CHONGWAI_JOINT)).andReturn()).get("transferNo").asText();
        decide(transferNo, "accept", "dongcheng", null).andExpect(status().isOk());
        assertThatThrownBy(() -> tree.jdbc().sql("""
                        INSERT INTO member (member_no, union_id, union_path, name, id_type, id_number_enc, id_hash,
                               id_number_masked, phone_enc, phone_masked, mobile_member, joined_on, source)
                        SELECT 'MX' || member_no, union_id, union_path, name, id_type, id_number_enc, id_hash,
                               id_number_masked, phone_enc, phone_masked, mobile_member, joined_on, 'IMPORT'
                          FROM member WHERE member_no = :n
                        """).param("n", worker.memberNo()).update())
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void endingAMembershipWithdrawsItsWaitingTransfer() throws Exception {
        Worker worker = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        String transferNo = joining.read(staffRequest(worker.memberNo(), "zhongguancun",
                tree.org(TestTree.CHONGWAI_JOINT)).andReturn()).get("transferNo").asText();
        mvc.perform(post("/api/v1/members/{no}/status-changes", worker.memberNo()).with(basic("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"ENDED\",\"reason\":\"DECEASED\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/membership-transfers/{no}", transferNo))
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        decide(transferNo, "accept", "dongcheng", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("ALREADY_DECIDED"));
    }
}

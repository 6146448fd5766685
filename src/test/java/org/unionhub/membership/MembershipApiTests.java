package org.unionhub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.common.IdNumber;

@UnionHubTest
class MembershipApiTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(100 + (int) (Math.random() * 800));

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    ObjectMapper json;

    /** A valid resident ID born on the given day, unique in this run. */
    private static String residentId(LocalDate born) {
        String first17 = "110108" + born.toString().replace("-", "") + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
        return first17 + IdNumber.checkCharacterFor(first17);
    }

    private Map<String, Object> gigWorker(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("idType", "RESIDENT_ID");
        body.put("idNumber", residentId(LocalDate.of(1990, 5, 17)));
        body.put("phone", "13812345678");
        body.put("occupation", "FOOD_DELIVERY_RIDER");
        body.put("workStreetId", tree.org(TestTree.ZHONGGUANCUN_STREET));
        body.put("consent", true);
        return body;
    }

    private MvcResult submit(Map<String, Object> body, String key) throws Exception {
        return mvc.perform(post("/api/v1/membership-applications").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andReturn();
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private long applications() {
        return tree.jdbc().sql("SELECT count(*) FROM membership_application").query(Long.class).single();
    }

    private static RequestPostProcessor staff(String username) {
        return httpBasic(username, TestTree.PASSWORD);
    }

    @Test
    void theSameIdempotencyKeyThreeTimesMakesOneApplication() throws Exception {
        long before = applications();
        Map<String, Object> body = gigWorker("张三");
        String key = UUID.randomUUID().toString();
        MvcResult first = submit(body, key);
        MvcResult second = submit(body, key);
        MvcResult third = submit(body, key);
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(second.getResponse().getStatus()).isEqualTo(200);
        assertThat(third.getResponse().getStatus()).isEqualTo(200);
        String number = body(first).get("applicationNo").asText();
        assertThat(body(second).get("applicationNo").asText()).isEqualTo(number);
        assertThat(body(third).get("applicationNo").asText()).isEqualTo(number);
        assertThat(body(first).get("status").asText()).isEqualTo("SUBMITTED");
        String secret = body(first).get("accessSecret").asText();
        assertThat(secret).matches("[A-Za-z0-9_-]{24}");
        assertThat(body(second).get("accessSecret").asText()).isEqualTo(secret);
        assertThat(body(third).get("accessSecret").asText()).isEqualTo(secret);
        assertThat(applications()).isEqualTo(before + 1);
    }

    @Test
    void theAccessSecretIsStoredOnlyHashedAndEncrypted() throws Exception {
        JsonNode answer = body(submit(gigWorker("孙八"), UUID.randomUUID().toString()));
        String secret = answer.get("accessSecret").asText();
        Map<String, Object> row = tree.jdbc().sql("SELECT * FROM membership_application WHERE application_no = :n")
                .param("n", answer.get("applicationNo").asText()).query().singleRow();
        assertThat(row.get("access_hash")).isEqualTo(
                MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        assertThat(new String((byte[]) row.get("access_secret_enc"), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(row.values()).noneMatch(value -> secret.equals(value));
    }

    @Test
    void aSecondApplicationWhileTheFirstWaitsGetsItBackOnlyWithTheSameMobileNumber() throws Exception {
        Map<String, Object> body = gigWorker("周九");
        JsonNode first = body(submit(body, UUID.randomUUID().toString()));
        long before = applications();

        MvcResult again = submit(body, UUID.randomUUID().toString());
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(again).get("applicationNo").asText()).isEqualTo(first.get("applicationNo").asText());
        assertThat(body(again).get("accessSecret").asText()).isEqualTo(first.get("accessSecret").asText());

        body.put("phone", "13700001111");
        MvcResult otherPhone = submit(body, UUID.randomUUID().toString());
        assertThat(otherPhone.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(otherPhone).get("errors").get(0).get("code").asText()).isEqualTo("APPLICATION_PENDING");
        assertThat(otherPhone.getResponse().getContentAsString()).doesNotContain(first.get("accessSecret").asText())
                .doesNotContain(first.get("applicationNo").asText());
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void aGigWorkerBecomesAMobileMemberOfTheStreetsJointUnion() throws Exception {
        JsonNode application = body(submit(gigWorker("李四"), UUID.randomUUID().toString()));
        assertThat(application.get("handlingUnit").get("name").asText()).isEqualTo(TestTree.ZHONGGUANCUN_JOINT);
        assertThat(application.get("handlingUnit").get("id").asLong()).isEqualTo(tree.org(TestTree.ZHONGGUANCUN_JOINT));
        assertThat(application.get("mobileMember").asBoolean()).isTrue();
    }

    @Test
    void anEmployeeOfAnEnterpriseWithAUnionGoesToThatUnion() throws Exception {
        String creditCode = tree.jdbc().sql("SELECT credit_code FROM enterprise WHERE name = '北京智联云软件有限公司'")
                .query(String.class).single();
        Map<String, Object> body = gigWorker("王五");
        body.remove("occupation");
        body.put("employerCreditCode", creditCode);
        JsonNode application = body(submit(body, UUID.randomUUID().toString()));
        assertThat(application.get("handlingUnit").get("name").asText()).isEqualTo("北京智联云软件有限公司工会");
        assertThat(application.get("mobileMember").asBoolean()).isFalse();
    }

    @Test
    void aStreetWithoutAJointUnionHandlesTheApplicationItself() throws Exception {
        Map<String, Object> body = gigWorker("赵六");
        body.remove("occupation");
        body.put("employerName", "海淀街道某便利店");
        body.put("workStreetId", tree.org("海淀街道总工会"));
        JsonNode application = body(submit(body, UUID.randomUUID().toString()));
        assertThat(application.get("handlingUnit").get("name").asText()).isEqualTo("海淀街道总工会");
    }

    @Test
    void theStatusAnswerHoldsNoPersonalFields() throws Exception {
        String number = body(submit(gigWorker("钱七"), UUID.randomUUID().toString())).get("applicationNo").asText();
        String answer = mvc.perform(get("/api/v1/membership-applications/{no}", number))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains(number).doesNotContain("钱七").doesNotContain("138").doesNotContain("110108")
                .doesNotContain("accessSecret");
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource({
        "idNumber, 110105194912310021, CHECK_CHARACTER",
        "idNumber, UNDER_16, UNDER_16",
        "idNumber, 110105199902300011, BIRTH_DATE",
        "phone, 1381234567, MOBILE_FORMAT",
        "name, LONG, TOO_LONG",
        "name, <script>alert(1)</script>, NAME_CHARACTERS",
        "consent, false, CONSENT_REQUIRED",
        "workStreetId, MISSING, REQUIRED"
    })
    void refusesBadInputNamingTheFieldAndStoresNothing(String field, String value, String code) throws Exception {
        Map<String, Object> body = gigWorker("孙八");
        switch (value) {
            case "UNDER_16" -> body.put(field, residentId(LocalDate.now().minusYears(15)));
            case "LONG" -> body.put(field, "张".repeat(500));
            case "false" -> body.put(field, false);
            case "MISSING" -> body.remove(field);
            default -> body.put(field, value);
        }
        long before = applications();
        MvcResult result = submit(body, UUID.randomUUID().toString());
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        JsonNode errors = body(result).get("errors");
        List<String> pairs = new ArrayList<>();
        errors.forEach(e -> pairs.add(e.get("field").asText() + ":" + e.get("code").asText()));
        assertThat(pairs).contains(field + ":" + code);
        assertThat(errors.get(0).get("message").asText()).isNotBlank();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("<script>");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void twoStaffApprovingAtOnceMakeOneMemberAndOneConflict() throws Exception {
        String number = body(submit(gigWorker("周九"), UUID.randomUUID().toString())).get("applicationNo").asText();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<MvcResult>> results = new ArrayList<>();
        for (String user : List.of("zhongguancun", "haidian")) {
            results.add(pool.submit(() -> {
                start.await();
                return mvc.perform(post("/api/v1/membership-applications/{no}/approve", number).with(staff(user)))
                        .andReturn();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<MvcResult> result : results) {
            statuses.add(result.get().getResponse().getStatus());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        long members = tree.jdbc().sql("SELECT count(*) FROM member WHERE application_no = :n")
                .param("n", number).query(Long.class).single();
        assertThat(members).isEqualTo(1);
    }

    @Test
    void aDecidedApplicationAnswersAlreadyDecided() throws Exception {
        String number = body(submit(gigWorker("吴十"), UUID.randomUUID().toString())).get("applicationNo").asText();
        mvc.perform(post("/api/v1/membership-applications/{no}/reject", number).with(staff("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"INFORMATION_MISMATCH\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.rejectReason").value("INFORMATION_MISMATCH"));
        mvc.perform(post("/api/v1/membership-applications/{no}/approve", number).with(staff("zhongguancun")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("ALREADY_DECIDED"));
    }

    @Test
    void staffOutsideTheHandlingUnionsScopeCannotSeeOrDecideIt() throws Exception {
        String number = body(submit(gigWorker("郑一"), UUID.randomUUID().toString())).get("applicationNo").asText();
        mvc.perform(post("/api/v1/membership-applications/{no}/approve", number).with(staff("dongcheng")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/membership-applications/{no}/approve", number))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/membership-applications/{no}/approve", number).with(staff("leader")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anApprovedWorkerIsAMemberWithMaskedFieldsAndCannotJoinTwice() throws Exception {
        Map<String, Object> body = gigWorker("冯二");
        String number = body(submit(body, UUID.randomUUID().toString())).get("applicationNo").asText();
        String memberNo = body(mvc.perform(post("/api/v1/membership-applications/{no}/approve", number)
                .with(staff("zhongguancun"))).andExpect(status().isOk()).andReturn()).get("memberNo").asText();
        String id = (String) body.get("idNumber");
        mvc.perform(get("/api/v1/members/{no}", memberNo).with(staff("haidian")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberNo").value(memberNo))
                .andExpect(jsonPath("$.name").value("冯二"))
                .andExpect(jsonPath("$.idNumberMasked").value(id.substring(0, 6) + "********" + id.substring(14)))
                .andExpect(jsonPath("$.phoneMasked").value("138****5678"))
                .andExpect(jsonPath("$.unionId").value(tree.org(TestTree.ZHONGGUANCUN_JOINT)))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(get("/api/v1/members/{no}", memberNo).with(staff("dongcheng"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/membership-applications/{no}", number))
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.memberNo").value(memberNo));
        MvcResult again = submit(body, UUID.randomUUID().toString());
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(again).get("errors").findValuesAsText("code")).contains("ALREADY_MEMBER");
        byte[] stored = tree.jdbc().sql("SELECT id_number_enc FROM member WHERE member_no = :n")
                .param("n", memberNo).query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(id.substring(6, 14));
    }

    @Test
    void anUnknownRejectReasonIsRefused() throws Exception {
        String number = body(submit(gigWorker("陈三"), UUID.randomUUID().toString())).get("applicationNo").asText();
        mvc.perform(post("/api/v1/membership-applications/{no}/reject", number).with(staff("zhongguancun"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"BECAUSE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
    }
}

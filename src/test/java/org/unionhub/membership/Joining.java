package org.unionhub.membership;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.unionhub.TestTree.basic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.unionhub.TestTree;
import org.unionhub.common.IdNumber;

/**
 * Makes members the way workers become members — an application over the API, approved by staff — with document
 * numbers and phones unique in the run, for the tests of states and transfers.
 */
final class Joining {

    /** Unique within the run: ID numbers (region 110101, unused by the other tests) and phones. */
    private static final AtomicLong SERIAL = new AtomicLong(ThreadLocalRandom.current().nextLong(0, 1_000_000));

    /** A worker's application fields and, once approved, the member number. */
    record Worker(Map<String, Object> fields, String memberNo) {

        String idNumber() {
            return (String) fields.get("idNumber");
        }

        String phone() {
            return (String) fields.get("phone");
        }

        /** The same person's fields with some replaced (a new job, another phone). */
        Map<String, Object> with(Map<String, Object> changes) {
            Map<String, Object> copy = new HashMap<>(fields);
            copy.remove("occupation");
            copy.remove("employerName");
            copy.remove("employerCreditCode");
            copy.remove("homeStreetId");
            copy.putAll(changes);
            return copy;
        }
    }

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final TestTree tree;

    Joining(MockMvc mvc, ObjectMapper json, TestTree tree) {
        this.mvc = mvc;
        this.json = json;
        this.tree = tree;
    }

    static String residentId() {
        long n = SERIAL.incrementAndGet();
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays(n % 10_000);
        String first17 = "110101" + born.toString().replace("-", "") + String.format("%03d", (n / 10_000) % 1000);
        return first17 + IdNumber.checkCharacterFor(first17);
    }

    static String phone() {
        return "137" + String.format("%08d", SERIAL.incrementAndGet() % 100_000_000);
    }

    /** A gig worker of the street: a mobile member of its joint union. */
    static Map<String, Object> gigWorker(long streetId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "接转测试");
        body.put("idType", "RESIDENT_ID");
        body.put("idNumber", residentId());
        body.put("phone", phone());
        body.put("occupation", "COURIER");
        body.put("workStreetId", streetId);
        body.put("consent", true);
        return body;
    }

    /** A gig worker of the street, approved by {@code approver}. */
    Worker member(String street, String approver) throws Exception {
        return member(gigWorker(tree.org(street)), approver);
    }

    Worker member(Map<String, Object> fields, String approver) throws Exception {
        JsonNode application = read(mvc.perform(post("/api/v1/membership-applications")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(fields))).andReturn());
        JsonNode decision = read(mvc.perform(post("/api/v1/membership-applications/{no}/approve",
                application.get("applicationNo").asText()).with(basic(approver))).andReturn());
        return new Worker(fields, decision.get("memberNo").asText());
    }

    JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }
}

package org.unionhub.membership.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.common.IdNumber;
import org.unionhub.membership.CardStatus;
import org.unionhub.membership.MemberJoined;
import org.unionhub.membership.card.domain.CardNumbers;
import org.unionhub.membership.card.domain.CardTokens;
import org.unionhub.membership.domain.PersonalDataCipher;

/**
 * The mutual-aid card end to end, against the embedded PostgreSQL: approval requests it, the worker sends it to the
 * simulated bank until the bank answers, and the e-card is signed and checked.
 */
@UnionHubTest
class CardIssuingTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** Born on a day no other test class uses, so document numbers never meet another test's. */
    private static final LocalDate BORN = LocalDate.of(1987, 3, 9);
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 800));

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    ObjectMapper json;

    @Autowired
    SimulatedBankCardIssuer bank;

    @Autowired
    CardOutboxWorker worker;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    // ---- helpers -----------------------------------------------------------------------------------------------

    private record Joined(String applicationNo, String secret, String memberNo, String idNumber) {
    }

    /** A submitted application: its number and the access secret that opens its e-card. */
    private record Applied(String applicationNo, String secret) {
    }

    private static String residentId() {
        String first17 = "110108" + BORN.toString().replace("-", "") + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
        return first17 + IdNumber.checkCharacterFor(first17);
    }

    /** A Chinese name no other test uses, so that the simulated bank can be told to fail this applicant only. */
    private static String uniqueName() {
        StringBuilder name = new StringBuilder("卡");
        for (int i = 0; i < 3; i++) {
            name.append((char) ThreadLocalRandom.current().nextInt(0x4E00, 0x9FA5));
        }
        return name.toString();
    }

    private Applied submit(String name, String idNumber) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("idType", "RESIDENT_ID");
        body.put("idNumber", idNumber);
        body.put("phone", "13912345678");
        body.put("occupation", "COURIER");
        body.put("workStreetId", tree.org(TestTree.ZHONGGUANCUN_STREET));
        body.put("consent", true);
        MvcResult result = mvc.perform(post("/api/v1/membership-applications")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn();
        return new Applied(body(result).get("applicationNo").asText(), body(result).get("accessSecret").asText());
    }

    private String approve(String applicationNo) throws Exception {
        return body(mvc.perform(post("/api/v1/membership-applications/{no}/approve", applicationNo)
                .with(httpBasic("zhongguancun", TestTree.PASSWORD))).andExpect(status().isOk()).andReturn())
                .get("memberNo").asText();
    }

    private Joined join(String name) throws Exception {
        String idNumber = residentId();
        Applied applied = submit(name, idNumber);
        return new Joined(applied.applicationNo(), applied.secret(), approve(applied.applicationNo()), idNumber);
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private JsonNode memberCard(String memberNo) throws Exception {
        return body(mvc.perform(get("/api/v1/members/{no}", memberNo).with(httpBasic("haidian", TestTree.PASSWORD)))
                .andExpect(status().isOk()).andReturn()).get("card");
    }

    private String idHash(String memberNo) {
        return tree.jdbc().sql("SELECT id_hash FROM member WHERE member_no = :n").param("n", memberNo)
                .query(String.class).single();
    }

    private long requestsOf(String idHash) {
        return tree.jdbc().sql("SELECT count(*) FROM card_request WHERE id_hash = :h").param("h", idHash)
                .query(Long.class).single();
    }

    private Map<String, Object> requestRow(String idHash) {
        return tree.jdbc().sql("SELECT * FROM card_request WHERE id_hash = :h").param("h", idHash).query().singleRow();
    }

    /** Events about this member that some listener has not finished with yet. */
    private long unfinishedEventsAbout(String memberNo) {
        return tree.jdbc().sql("""
                        SELECT count(*) FROM event_publication
                         WHERE completion_date IS NULL AND serialized_event LIKE '%' || :n || '%'
                        """)
                .param("n", memberNo).query(Long.class).single();
    }

    /** Asks {@code probe} every 20 ms until {@code done} holds, and answers that value; fails after {@code PATIENCE}. */
    private static <T> T poll(String what, Supplier<T> probe, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting for " + what + "; last seen: " + value);
            }
            Thread.sleep(20);
            value = probe.get();
        }
        return value;
    }

    private JsonNode unchecked(ThrowingSupplier<JsonNode> supplier) {
        try {
            return supplier.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private Joined joinedWithIssuedCard() throws Exception {
        return joinedWithIssuedCard(uniqueName());
    }

    private Joined joinedWithIssuedCard(String name) throws Exception {
        Joined joined = join(name);
        poll("the card to be issued", () -> unchecked(() -> memberCard(joined.memberNo())).get("status").asText(),
                "ISSUED"::equals);
        return joined;
    }

    // ---- the outbox --------------------------------------------------------------------------------------------

    @Test
    void aBankThatFailsForAWhileIssuesTheCardExactlyOnceAfterItRecovers() throws Exception {
        int failures = 3;
        String name = uniqueName();
        bank.failNextCallsFor(name, failures);
        // Extra workers racing the scheduled one, as other instances of the app would.
        AtomicBoolean racing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> racers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            racers.add(pool.submit(() -> {
                while (racing.get()) {
                    worker.drain();
                    Thread.sleep(5);
                }
                return null;
            }));
        }
        try {
            Joined joined = join(name);
            List<CardStatus> seen = new ArrayList<>();
            poll("the card to be issued", () -> {
                CardStatus status = CardStatus.valueOf(
                        unchecked(() -> memberCard(joined.memberNo())).get("status").asText());
                seen.add(status);
                return status;
            }, CardStatus.ISSUED::equals);
            // The listener runs just after approval commits: NOT_REQUESTED for a moment, then only forward.
            assertThat(seen).isSorted();

            String idHash = idHash(joined.memberNo());
            assertThat(requestsOf(idHash)).isEqualTo(1);
            Map<String, Object> row = requestRow(idHash);
            assertThat(row.get("attempts")).isEqualTo(failures);
            assertThat(row.get("member_no")).isEqualTo(joined.memberNo());
            String number = cipher.decrypt((byte[]) row.get("card_number_enc"));
            assertThat(number).startsWith(SimulatedBankCardIssuer.PREFIX).hasSize(16);
            assertThat(CardNumbers.isValid(number)).isTrue();
            assertThat(row.get("card_last_four")).isEqualTo(number.substring(12));
            assertThat(memberCard(joined.memberNo()).get("number").asText())
                    .isEqualTo("**** **** **** " + number.substring(12));
            assertThat(bank.callsFor(joined.memberNo())).isEqualTo(failures + 1);

            // Issued is final: even made due again, the request is never sent again.
            tree.jdbc().sql("UPDATE card_request SET next_attempt_at = now() - interval '1 hour' WHERE id_hash = :h")
                    .param("h", idHash).update();
            Thread.sleep(500);
            assertThat(bank.callsFor(joined.memberNo())).isEqualTo(failures + 1);
            assertThat(cipher.decrypt((byte[]) requestRow(idHash).get("card_number_enc"))).isEqualTo(number);
        } finally {
            racing.set(false);
            for (Future<?> racer : racers) {
                racer.get();
            }
            pool.shutdown();
        }
    }

    @Test
    void whileTheBankFailsTheMemberPageShowsTheRequestWaitingWithItsError() throws Exception {
        String name = uniqueName();
        bank.failNextCallsFor(name, 1_000);
        Joined joined = join(name);
        String idHash = idHash(joined.memberNo());
        poll("a few failed calls", () -> tree.jdbc().sql("SELECT attempts FROM card_request WHERE id_hash = :h")
                .param("h", idHash).query(Integer.class).optional().orElse(0), n -> n >= 3);
        mvc.perform(get("/api/v1/members/{no}", joined.memberNo()).with(httpBasic("haidian", TestTree.PASSWORD)))
                .andExpect(jsonPath("$.card.status").value("RETRYING"))
                .andExpect(jsonPath("$.card.number").doesNotExist());
        assertThat((String) requestRow(idHash).get("last_error")).contains("Simulated bank");
        bank.failNextCallsFor(name, 0);
        poll("the card to be issued once the bank is back",
                () -> unchecked(() -> memberCard(joined.memberNo())).get("status").asText(), "ISSUED"::equals);
        int attempts = (Integer) requestRow(idHash).get("attempts");
        assertThat(bank.callsFor(joined.memberNo())).isEqualTo(attempts + 1);
    }

    @Test
    void aSecondMemberJoinedForTheSamePersonMakesNoSecondRequest() throws Exception {
        Joined joined = joinedWithIssuedCard();
        String idHash = idHash(joined.memberNo());
        String number = cipher.decrypt((byte[]) requestRow(idHash).get("card_number_enc"));
        new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(new MemberJoined(
                joined.memberNo(), tree.org(TestTree.ZHONGGUANCUN_JOINT), "/", null, "ONLINE", LocalDate.now())));
        poll("the event to be handled", () -> unfinishedEventsAbout(joined.memberNo()), n -> n == 0);
        assertThat(requestsOf(idHash)).isEqualTo(1);
        assertThat(requestRow(idHash).get("status")).isEqualTo("ISSUED");
        assertThat(cipher.decrypt((byte[]) requestRow(idHash).get("card_number_enc"))).isEqualTo(number);
        assertThat(bank.callsFor(joined.memberNo())).isEqualTo(1);
    }

    @Test
    void aPersonWhoLeftAndJoinsAgainKeepsTheirOneCard() throws Exception {
        Joined first = joinedWithIssuedCard();
        String number = memberCard(first.memberNo()).get("number").asText();
        tree.jdbc().sql("UPDATE member SET status = 'ENDED' WHERE member_no = :n").param("n", first.memberNo()).update();

        String again = approve(submit("再入会", first.idNumber()).applicationNo());
        assertThat(again).isNotEqualTo(first.memberNo());
        poll("the event to be handled", () -> unfinishedEventsAbout(again), n -> n == 0);
        String idHash = idHash(again);
        assertThat(requestsOf(idHash)).isEqualTo(1);
        assertThat(requestRow(idHash).get("member_no")).isEqualTo(first.memberNo());
        JsonNode card = memberCard(again);
        assertThat(card.get("status").asText()).isEqualTo("ISSUED");
        assertThat(card.get("number").asText()).isEqualTo(number);
        assertThat(bank.callsFor(again)).isZero();
    }

    @Test
    void aMemberWithoutARequestShowsNotRequested() throws Exception {
        Joined joined = joinedWithIssuedCard();
        tree.jdbc().sql("DELETE FROM card_request WHERE member_no = :n").param("n", joined.memberNo()).update();
        mvc.perform(get("/api/v1/members/{no}", joined.memberNo()).with(httpBasic("haidian", TestTree.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.card.status").value("NOT_REQUESTED"))
                .andExpect(jsonPath("$.card.number").doesNotExist());
    }

    // ---- the e-card --------------------------------------------------------------------------------------------

    @Test
    void theECardOfAnApprovedApplicationNeedsNoSignInAndItsTokenVerifies() throws Exception {
        String name = uniqueName();
        Joined joined = joinedWithIssuedCard(name);
        JsonNode card = body(mvc.perform(get("/api/v1/membership-applications/{no}/card", joined.applicationNo())
                .param("secret", joined.secret()))
                .andExpect(status().isOk()).andReturn());
        assertThat(card.get("name").asText()).isEqualTo(name);
        assertThat(card.get("memberNo").asText()).isEqualTo(joined.memberNo());
        assertThat(card.get("unionName").asText()).isEqualTo(TestTree.ZHONGGUANCUN_JOINT);
        assertThat(card.get("cardStatus").asText()).isEqualTo("ISSUED");
        assertThat(card.get("cardNumber").asText()).matches("\\*{4} \\*{4} \\*{4} \\d{4}");
        assertThat(card.get("qrSvg").asText()).startsWith("<svg");
        String token = card.get("token").asText();
        assertThat(card.get("verifyUrl").asText()).endsWith("/api/v1/cards/verify?token=" + token);

        mvc.perform(get("/api/v1/cards/verify").param("token", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.memberNo").value(joined.memberNo()))
                .andExpect(jsonPath("$.unionName").value(TestTree.ZHONGGUANCUN_JOINT))
                .andExpect(jsonPath("$.status").value("ACTIVE"));

        // Offline: the published key alone checks the token.
        JsonNode key = body(mvc.perform(get("/api/v1/cards/public-key")).andExpect(status().isOk()).andReturn());
        assertThat(key.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(key.get("pem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").asText())));
        assertThat(CardTokens.verify(token, publicKey)).hasValueSatisfying(
                claims -> assertThat(claims.memberNo()).isEqualTo(joined.memberNo()));
    }

    @Test
    void theVerifierShowsTheMembershipAsItIsNowAndAnEndedOneGetsNoNewCard() throws Exception {
        Joined joined = join(uniqueName());
        String token = body(mvc.perform(get("/api/v1/membership-applications/{no}/card", joined.applicationNo())
                .param("secret", joined.secret()))
                .andExpect(status().isOk()).andReturn()).get("token").asText();
        tree.jdbc().sql("UPDATE member SET status = 'ENDED' WHERE member_no = :n").param("n", joined.memberNo()).update();
        mvc.perform(get("/api/v1/cards/verify").param("token", token))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.status").value("ENDED"));
        mvc.perform(get("/api/v1/membership-applications/{no}/card", joined.applicationNo())
                .param("secret", joined.secret()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("MEMBERSHIP_ENDED"));
    }

    @Test
    void garbageAndAlteredTokensAreInvalidWithOk() throws Exception {
        Joined joined = join(uniqueName());
        String token = body(mvc.perform(get("/api/v1/membership-applications/{no}/card", joined.applicationNo())
                .param("secret", joined.secret()))
                .andReturn()).get("token").asText();
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"memberNo\":\"M9999999999\",\"unionName\":\"x\",\"issuedAt\":\"2025-01-01T00:00:00Z\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String bad : List.of("garbage", "", "a.b", forgedPayload + token.substring(token.indexOf('.')))) {
            mvc.perform(get("/api/v1/cards/verify").param("token", bad))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.memberNo").doesNotExist());
        }
        mvc.perform(get("/api/v1/cards/verify")).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false));
    }

    @Test
    void noECardBeforeApprovalAndNoneForAnUnknownApplication() throws Exception {
        Applied applied = submit(uniqueName(), residentId());
        mvc.perform(get("/api/v1/membership-applications/{no}/card", applied.applicationNo())
                        .param("secret", applied.secret()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("NOT_APPROVED"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        mvc.perform(get("/api/v1/membership-applications/{no}/card", "A2099010199999999")
                        .param("secret", applied.secret()))
                .andExpect(status().isNotFound());
    }
}

package org.unionhub.membership.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.unionhub.QrDecoding;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.common.IdNumber;
import org.unionhub.membership.card.domain.CardTokens;
import org.unionhub.membership.domain.AccessSecrets;
import org.unionhub.membership.domain.PersonalDataCipher;

/**
 * The worker's e-card page ({@code /join/card/{no}?secret=}) through MockMvc against the embedded PostgreSQL: it opens
 * only with the application's access secret, only once approved, shows the name as the one personal field, escapes
 * what it shows, and its QR code holds a verify link whose token the platform's public key accepts.
 */
@UnionHubTest
class ECardPageTests {

    private static final Pattern STATUS_LINK = Pattern.compile("^/join/status/(A\\d+)\\?secret=([A-Za-z0-9_-]{24})$");
    private static final Pattern SVG = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL);
    private static final String PHONE = "13566667777";
    /** Born on a day no other test class uses, so document numbers never meet another test's. */
    private static final String BORN = "19680615";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 800));
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    ObjectMapper json;

    @Autowired
    SimulatedBankCardIssuer bank;

    @Autowired
    PersonalDataCipher cipher;

    private record Applied(String applicationNo, String secret, String idNumber) {

        String statusLink() {
            return "/join/status/" + applicationNo + "?secret=" + secret;
        }
    }

    private static String residentId() {
        String first17 = "110108" + BORN + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
        return first17 + IdNumber.checkCharacterFor(first17);
    }

    /** A Chinese name no other test uses, so that the simulated bank can be told to fail this applicant only. */
    private static String uniqueName() {
        StringBuilder name = new StringBuilder("卡");
        for (int i = 0; i < 2; i++) {
            name.append((char) ThreadLocalRandom.current().nextInt(0x4E00, 0x9FA5));
        }
        return name.toString();
    }

    /** Applies through the worker's form, as a phone does, and reads the status link it redirects to. */
    private Applied apply(String name) throws Exception {
        String idNumber = residentId();
        MvcResult result = mvc.perform(post("/join").with(csrf())
                        .param("requestKey", UUID.randomUUID().toString())
                        .param("name", name)
                        .param("idType", "RESIDENT_ID")
                        .param("idNumber", idNumber)
                        .param("phone", PHONE)
                        .param("noFixedEmployer", "true")
                        .param("occupation", "TRUCK_DRIVER")
                        .param("workStreetId", String.valueOf(tree.org(TestTree.ZHONGGUANCUN_STREET)))
                        .param("consent", "true"))
                .andExpect(status().is3xxRedirection()).andReturn();
        Matcher link = STATUS_LINK.matcher(result.getResponse().getRedirectedUrl());
        assertThat(link.matches()).as(result.getResponse().getRedirectedUrl()).isTrue();
        return new Applied(link.group(1), link.group(2), idNumber);
    }

    private String approve(Applied applied) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/membership-applications/{no}/approve", applied.applicationNo())
                        .with(httpBasic("zhongguancun", TestTree.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("memberNo").asText();
    }

    private MockHttpServletRequestBuilder cardPage(String applicationNo, String secret) {
        MockHttpServletRequestBuilder request = get("/join/card/{no}", applicationNo);
        return secret == null ? request : request.param("secret", secret);
    }

    private String page(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn().getResponse()
                .getContentAsString();
    }

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

    private String cardStatus(String memberNo) {
        return tree.jdbc().sql("SELECT status FROM card_request WHERE member_no = :n").param("n", memberNo)
                .query(String.class).optional().orElse("NONE");
    }

    @Test
    void beforeApprovalThereIsNoCardOnlyAWayBackToTheStatusPage() throws Exception {
        Applied applied = apply(uniqueName());
        String page = page(cardPage(applied.applicationNo(), applied.secret()), 409);
        assertThat(page).contains("该申请尚未批准，批准后才有电子会员卡")
                .contains("href=\"" + applied.statusLink() + "\"")
                .doesNotContain("<svg");
        mvc.perform(get("/api/v1/membership-applications/{no}/card", applied.applicationNo())
                        .param("secret", applied.secret()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("NOT_APPROVED"));
        assertThat(page(get(applied.statusLink()), 200)).doesNotContain("/join/card/");
    }

    @Test
    void aWrongOrMissingSecretAnswersExactlyLikeAnUnknownApplication() throws Exception {
        Applied applied = apply(uniqueName());
        approve(applied);
        Applied other = apply(uniqueName());
        approve(other);
        char last = applied.secret().charAt(23);
        String oneCharacterOff = applied.secret().substring(0, 23) + (last == 'A' ? 'B' : 'A');
        List<String> wrongSecrets = new ArrayList<>();
        wrongSecrets.add(null);
        wrongSecrets.addAll(List.of("", other.secret(), oneCharacterOff, AccessSecrets.generate(),
                applied.secret() + "A", "<script>"));

        String unknownPage = page(cardPage("A2099010199999999", applied.secret()), 404);
        String unknownStatus = page(get("/join/status/A2099010199999999").param("secret", applied.secret()), 404);
        String unknownApi = page(get("/api/v1/membership-applications/A2099010199999999/card")
                .param("secret", applied.secret()), 404);
        assertThat(unknownPage).doesNotContain("A2099010199999999");
        for (String wrong : wrongSecrets) {
            assertThat(page(cardPage(applied.applicationNo(), wrong), 404)).as(wrong).isEqualTo(unknownPage);
            var status = get("/join/status/{no}", applied.applicationNo());
            assertThat(page(wrong == null ? status : status.param("secret", wrong), 404)).as(wrong)
                    .isEqualTo(unknownStatus);
            var api = get("/api/v1/membership-applications/{no}/card", applied.applicationNo());
            assertThat(page(wrong == null ? api : api.param("secret", wrong), 404)).as(wrong).isEqualTo(unknownApi);
        }
        // The right secret still opens everything, and the plain status answer stays open to all.
        page(cardPage(applied.applicationNo(), applied.secret()), 200);
        page(get(applied.statusLink()), 200);
        mvc.perform(get("/api/v1/membership-applications/{no}", applied.applicationNo()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void theCardShowsTheMemberWithTheNameAsTheOnlyPersonalField() throws Exception {
        String name = uniqueName();
        Applied applied = apply(name);
        String memberNo = approve(applied);
        String statusPage = page(get(applied.statusLink()), 200);
        assertThat(statusPage).contains("href=\"/join/card/" + applied.applicationNo() + "?secret="
                + applied.secret() + "\"").contains("查看电子会员卡");

        MvcResult shown = mvc.perform(cardPage(applied.applicationNo(), applied.secret()))
                .andExpect(status().isOk()).andReturn();
        assertThat(shown.getResponse().getHeader("Cache-Control")).contains("no-store");
        String page = shown.getResponse().getContentAsString();
        // Small for a cheap phone on a weak signal: about 17 KB, most of it the QR code's path.
        assertThat(page.getBytes(StandardCharsets.UTF_8).length).isLessThan(24_000);
        assertThat(page).contains("电子会员卡")
                .contains("data-test=\"ecard-name\">" + name + "<")
                .contains("data-test=\"ecard-member-no\">" + memberNo + "<")
                .contains("data-test=\"ecard-union\">" + TestTree.ZHONGGUANCUN_JOINT + "<")
                .contains("data-test=\"ecard-joined-on\">" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "<")
                .contains("职工互助服务卡")
                .contains("如何核验")
                .contains("<meta name=\"referrer\" content=\"no-referrer\">");
        String idMasked = tree.jdbc().sql("SELECT id_number_masked FROM member WHERE member_no = :n")
                .param("n", memberNo).query(String.class).single();
        assertThat(page).doesNotContain(applied.idNumber()).doesNotContain(idMasked)
                .doesNotContain(BORN).doesNotContain("1968-06-15")
                .doesNotContain(PHONE).doesNotContain("135****7777").doesNotContain("6667777");

        assertThat(page(cardPage(applied.applicationNo(), applied.secret()).param("lang", "en"), 200))
                .contains("E-membership card").contains("Mutual-aid card").contains(name);
    }

    @Test
    void afterATransferTheCardShowsTheMembershipThatContinuesIt() throws Exception {
        Applied applied = apply(uniqueName());
        String firstMemberNo = approve(applied);
        String transferNo = json.readTree(mvc.perform(post("/api/v1/members/{no}/transfers", firstMemberNo)
                        .with(httpBasic("zhongguancun", TestTree.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"toUnionId\":" + tree.org(TestTree.CHONGWAI_JOINT) + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("transferNo").asText();
        String newMemberNo = json.readTree(mvc.perform(post("/api/v1/membership-transfers/{no}/accept", transferNo)
                        .with(httpBasic("dongcheng", TestTree.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .get("newMemberNo").asText();

        String page = page(cardPage(applied.applicationNo(), applied.secret()), 200);
        assertThat(page).contains("data-test=\"ecard-member-no\">" + newMemberNo + "<")
                .contains("data-test=\"ecard-union\">" + TestTree.CHONGWAI_JOINT + "<")
                .doesNotContain(firstMemberNo);
    }

    @Test
    void markupInANameReachesThePageOnlyAsText() throws Exception {
        Applied applied = apply(uniqueName());
        String memberNo = approve(applied);
        // The form refuses such a name; written straight into the database it must still come out as text.
        tree.jdbc().sql("UPDATE member SET name = '<script>alert(1)</script>' WHERE member_no = :n")
                .param("n", memberNo).update();
        String page = page(cardPage(applied.applicationNo(), applied.secret()), 200);
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script");
    }

    @Test
    void theQrCodeHoldsTheVerifyLinkAndItsTokenChecksOnlineAndOffline() throws Exception {
        Applied applied = apply(uniqueName());
        String memberNo = approve(applied);
        Matcher svg = SVG.matcher(page(cardPage(applied.applicationNo(), applied.secret()), 200));
        assertThat(svg.find()).isTrue();
        String link = QrDecoding.fromSvg(svg.group());
        assertThat(link).startsWith("http://localhost/api/v1/cards/verify?token=");
        String token = link.substring(link.indexOf("token=") + "token=".length());

        mvc.perform(get("/api/v1/cards/verify").param("token", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.memberNo").value(memberNo))
                .andExpect(jsonPath("$.unionName").value(TestTree.ZHONGGUANCUN_JOINT))
                .andExpect(jsonPath("$.status").value("ACTIVE"));

        JsonNode key = json.readTree(page(get("/api/v1/cards/public-key"), 200));
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").asText())));
        assertThat(CardTokens.verify(token, publicKey)).hasValueSatisfying(
                claims -> assertThat(claims.memberNo()).isEqualTo(memberNo));
    }

    @Test
    void theMutualAidCardShowsWaitingWhileTheBankFailsAndItsMaskedNumberOnceIssued() throws Exception {
        String name = uniqueName();
        bank.failNextCallsFor(name, 1_000);
        Applied applied = apply(name);
        String memberNo = approve(applied);
        poll("the bank to fail", () -> cardStatus(memberNo), "RETRYING"::equals);
        String waiting = page(cardPage(applied.applicationNo(), applied.secret()), 200);
        assertThat(waiting).contains("银行暂未响应，系统自动重试中").contains("办好后本页自动更新")
                .contains("http-equiv=\"refresh\"").doesNotContain("data-test=\"mutual-aid-number\"");

        bank.failNextCallsFor(name, 0);
        poll("the card to be issued", () -> cardStatus(memberNo), "ISSUED"::equals);
        String issued = page(cardPage(applied.applicationNo(), applied.secret()), 200);
        String number = cipher.decrypt(tree.jdbc().sql("SELECT card_number_enc FROM card_request WHERE member_no = :n")
                .param("n", memberNo).query(byte[].class).single());
        assertThat(issued).contains("已发卡")
                .contains("data-test=\"mutual-aid-number\">**** **** **** " + number.substring(12) + "<")
                .doesNotContain(number).doesNotContain(number.substring(0, 12))
                .doesNotContain("http-equiv=\"refresh\"");
    }
}

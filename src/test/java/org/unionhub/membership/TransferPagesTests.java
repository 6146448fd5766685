package org.unionhub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.membership.Joining.Worker;

/**
 * The pages: the member's page with its history and actions, the staff's transfer inbox, and the worker's offer of a
 * transfer on the join form with its status page.
 */
@UnionHubTest
class TransferPagesTests {

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

    private RequestPostProcessor as(String username) {
        StaffPrincipal principal = tree.principal(username);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The join form of a member who now works as a courier in another street, sent to {@code path}. */
    private MockHttpServletRequestBuilder sameWorkerNewStreet(String path, Worker worker, String phone, String key) {
        return post(path).with(csrf())
                .param("requestKey", key)
                .param("name", (String) worker.fields().get("name"))
                .param("idType", "RESIDENT_ID")
                .param("idNumber", worker.idNumber())
                .param("phone", phone)
                .param("noFixedEmployer", "true")
                .param("occupation", "COURIER")
                .param("workStreetId", String.valueOf(tree.org(TestTree.CHONGWAI_STREET)))
                .param("consent", "true");
    }

    private String memberStatus(String memberNo) {
        return tree.jdbc().sql("SELECT status FROM member WHERE member_no = :n").param("n", memberNo)
                .query(String.class).single();
    }

    @Test
    void theMemberPageShowsTheHistoryAndTheChangesAllowedToStaffWhoMayMakeThem() throws Exception {
        String memberNo = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun").memberNo();
        mvc.perform(post("/members/{no}/status", memberNo).with(as("zhongguancun")).with(csrf())
                        .param("status", "RETAINED").param("reason", "RETIRED").param("note", "<b>退休</b>"))
                .andExpect(redirectedUrl("/members/" + memberNo + "?statusChanged"));
        assertThat(memberStatus(memberNo)).isEqualTo("RETAINED");

        String staffPage = page(get("/members/{no}", memberNo).with(as("zhongguancun")));
        assertThat(staffPage).contains("data-test=\"history\"").contains("正常 → ").contains("保留会籍")
                .contains("zhongguancun").contains("退休").contains("&lt;b&gt;退休&lt;/b&gt;")
                .doesNotContain("<b>退休</b>")
                .contains("data-status=\"ACTIVE\"").contains("data-status=\"ENDED\"")
                .doesNotContain("data-status=\"LAPSED\"").contains("data-test=\"transfer-form\"");
        String readerPage = page(get("/members/{no}", memberNo).with(as("leader")));
        assertThat(readerPage).contains("data-test=\"history\"").doesNotContain("data-test=\"status-actions\"")
                .doesNotContain("data-test=\"transfer-form\"");

        String refused = page(post("/members/{no}/status", memberNo).with(as("zhongguancun")).with(csrf())
                .param("status", "LAPSED"));
        assertThat(refused).contains("data-test=\"action-error\"").contains("当前会籍状态不能直接变更为该状态");
        assertThat(memberStatus(memberNo)).isEqualTo("RETAINED");
        mvc.perform(post("/members/{no}/status", memberNo).with(as("leader")).with(csrf()).param("status", "ACTIVE"))
                .andExpect(status().isForbidden());
    }

    @Test
    void staffPickAReceivingUnionOnTheMemberPageAndItsStaffAcceptInTheInbox() throws Exception {
        String memberNo = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun").memberNo();
        long chongwai = tree.org(TestTree.CHONGWAI_JOINT);
        String search = page(get("/members/{no}", memberNo).param("unionQuery", "崇外").with(as("zhongguancun")));
        assertThat(search).contains("value=\"" + chongwai + "\"").contains(TestTree.CHONGWAI_JOINT);
        mvc.perform(post("/members/{no}/transfers", memberNo).with(as("zhongguancun")).with(csrf())
                        .param("toUnionId", String.valueOf(chongwai)).param("note", "调往东城"))
                .andExpect(redirectedUrl("/members/" + memberNo + "?transferRequested"));
        String transferNo = tree.jdbc().sql("""
                        SELECT t.transfer_no FROM member_transfer t JOIN member m ON m.id = t.member_id
                         WHERE m.member_no = :n
                        """).param("n", memberNo).query(String.class).single();
        assertThat(page(get("/transfers").with(as("zhongguancun")))).contains("data-test=\"outgoing\"")
                .contains("data-cancel=\"" + transferNo + "\"").doesNotContain("data-accept=\"" + transferNo + "\"");

        String inbox = page(get("/transfers").with(as("dongcheng")));
        assertThat(inbox).contains("data-accept=\"" + transferNo + "\"").contains("调往东城")
                .contains(TestTree.ZHONGGUANCUN_JOINT);
        String accepted = page(post("/transfers/{no}/accept", transferNo).with(as("dongcheng")).with(csrf())
                .header("HX-Request", "true"));
        assertThat(accepted).contains("class=\"notice\"").contains("已接收，新会员编号 M");
        String again = page(post("/transfers/{no}/accept", transferNo).with(as("dongcheng")).with(csrf())
                .header("HX-Request", "true"));
        assertThat(again).contains("class=\"alert\"").contains("该申请已被处理");
        assertThat(memberStatus(memberNo)).isEqualTo("TRANSFERRED_OUT");

        String oldPage = page(get("/members/{no}", memberNo).with(as("zhongguancun")));
        assertThat(oldPage).contains("已转出").contains("data-test=\"lineage\"").contains(transferNo)
                .doesNotContain("data-test=\"status-actions\"").doesNotContain("data-test=\"transfer-form\"");
        assertThat(page(get("/members").param("status", "TRANSFERRED_OUT").with(as("zhongguancun"))))
                .contains(memberNo);
    }

    @Test
    void aMemberApplyingAgainIsOfferedATransferAndMustGiveThePhoneOnFile() throws Exception {
        Worker worker = joining.member(TestTree.ZHONGGUANCUN_STREET, "zhongguancun");
        String key = UUID.randomUUID().toString();
        String offer = page(sameWorkerNewStreet("/join", worker, worker.phone(), key));
        assertThat(offer).contains("data-test=\"transfer-offer\"").contains("「" + TestTree.CHONGWAI_JOINT + "」")
                .contains("formaction=\"/join/transfers\"");

        String wrongPhone = page(sameWorkerNewStreet("/join/transfers", worker, "13011112222", key));
        assertThat(wrongPhone).contains("data-field=\"phone\">手机号码：与入会时登记的手机号码不一致")
                .contains("data-test=\"transfer-offer\"");
        assertThat(tree.jdbc().sql("SELECT count(*) FROM member_transfer WHERE idempotency_key = :k")
                .param("k", key).query(Long.class).single()).isZero();

        String location = mvc.perform(sameWorkerNewStreet("/join/transfers", worker, worker.phone(), key))
                .andExpect(redirectedUrlPattern("/join/transfers/T*"))
                .andReturn().getResponse().getRedirectedUrl();
        String status = page(get(location));
        assertThat(status).contains(TestTree.CHONGWAI_JOINT).contains("待接收工会处理")
                .contains("http-equiv=\"refresh\"").doesNotContain(worker.phone());
    }
}

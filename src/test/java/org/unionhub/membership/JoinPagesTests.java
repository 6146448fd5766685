package org.unionhub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.common.IdNumber;
import org.unionhub.identity.StaffPrincipal;

@UnionHubTest
class JoinPagesTests {

    private static final Pattern STATUS_LINK = Pattern.compile("^/join/status/(A\\d+)\\?secret=[A-Za-z0-9_-]{24}$");
    private static final AtomicInteger SEQUENCE = new AtomicInteger(200 + (int) (Math.random() * 700));

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    private static String residentId() {
        String first17 = "110108" + "19880808" + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
        return first17 + IdNumber.checkCharacterFor(first17);
    }

    private MockHttpServletRequestBuilder joinForm(String name, String idNumber, String requestKey) {
        return joinForm(name, idNumber, requestKey, tree.newSessionCode(tree.org(TestTree.ZHONGGUANCUN_STREET)));
    }

    private MockHttpServletRequestBuilder joinForm(String name, String idNumber, String requestKey, String session) {
        return post("/join").with(csrf())
                .param("requestKey", requestKey)
                .param("name", name)
                .param("idType", "RESIDENT_ID")
                .param("idNumber", idNumber)
                .param("phone", "13900001111")
                .param("noFixedEmployer", "true")
                .param("occupation", "COURIER")
                .param("workStreetId", String.valueOf(tree.org(TestTree.ZHONGGUANCUN_STREET)))
                .param("sessionCode", session)
                .param("consent", "true");
    }

    private static RequestPostProcessor signedIn(StaffPrincipal principal) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
    }

    /** The application number in the status link the form redirected to. */
    private static String applicationNo(MvcResult submitted) {
        Matcher link = STATUS_LINK.matcher(submitted.getResponse().getRedirectedUrl());
        assertThat(link.matches()).as(submitted.getResponse().getRedirectedUrl()).isTrue();
        return link.group(1);
    }

    private long applications() {
        return tree.jdbc().sql("SELECT count(*) FROM membership_application").query(Long.class).single();
    }

    @Test
    void theFormOpensWithoutSignInAndRemembersTheSession() throws Exception {
        String code = tree.newSessionCode(tree.org(TestTree.ZHONGGUANCUN_STREET));
        String page = mvc.perform(get("/join").param("s", code.toLowerCase())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("加入工会").contains("value=\"" + code + "\"").contains("name=\"requestKey\"")
                .contains("中关村街道总工会").contains("测试沟通会-");
    }

    @Test
    void errorsAppearBesideTheirFieldsInChineseAndNothingIsStored() throws Exception {
        long before = applications();
        String page = mvc.perform(joinForm("<script>alert(1)</script>", "110105194912310021", UUID.randomUUID().toString())
                        .param("phone", "123"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-field=\"idNumber\">证件号码：校验位不正确")
                .contains("data-field=\"phone\">手机号码：须为 11 位中国大陆手机号码")
                .contains("data-field=\"name\">姓名：只能包含")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void aDoubleTapOnSubmitFindsTheSameApplication() throws Exception {
        String key = UUID.randomUUID().toString();
        String id = residentId();
        long before = applications();
        MvcResult first = mvc.perform(joinForm("刘洋", id, key)).andExpect(status().is3xxRedirection()).andReturn();
        MvcResult second = mvc.perform(joinForm("刘洋", id, key)).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl())
                .matches(STATUS_LINK);
        assertThat(applications()).isEqualTo(before + 1);
        String statusPage = mvc.perform(get(first.getResponse().getRedirectedUrl())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(statusPage).contains("已提交，待审核").contains(TestTree.ZHONGGUANCUN_JOINT)
                .contains("http-equiv=\"refresh\"").doesNotContain(id);
    }

    @Test
    void staffApproveFromTheQueueAndTheWorkersPageShowsTheMemberNumber() throws Exception {
        MvcResult submitted = mvc.perform(joinForm("马骏", residentId(), UUID.randomUUID().toString())).andReturn();
        String number = applicationNo(submitted);
        var staff = signedIn(tree.principal("zhongguancun"));
        String queue = mvc.perform(get("/join/queue").with(staff)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(queue).contains(number).contains("马骏").contains("139****1111");
        String outcome = mvc.perform(post("/join/queue/{no}/approve", number).with(staff).with(csrf())
                .header("HX-Request", "true")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(outcome).contains("已通过，会员编号 M");
        String again = mvc.perform(post("/join/queue/{no}/approve", number).with(staff).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(again).contains("该申请已被处理");
        assertThat(mvc.perform(get(submitted.getResponse().getRedirectedUrl())).andReturn().getResponse()
                .getContentAsString())
                .contains("审核通过，欢迎加入工会").contains("会员编号").doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    void manyAreApprovedAtOnceAndARejectionShowsTheWorkerTheReason() throws Exception {
        String first = applicationNo(mvc.perform(joinForm("黄一", residentId(), UUID.randomUUID().toString()))
                .andReturn());
        String second = applicationNo(mvc.perform(joinForm("黄二", residentId(), UUID.randomUUID().toString()))
                .andReturn());
        MvcResult thirdSubmitted = mvc.perform(joinForm("黄三", residentId(), UUID.randomUUID().toString())).andReturn();
        String third = applicationNo(thirdSubmitted);
        var staff = signedIn(tree.principal("zhongguancun"));
        String outcomes = mvc.perform(post("/join/queue/approve").with(staff).with(csrf())
                .param("applicationNo", first, second)).andReturn().getResponse().getContentAsString();
        assertThat(outcomes).contains(first).contains(second).containsPattern("已通过，会员编号 M\\d+[\\s\\S]*已通过，会员编号 M\\d+");
        mvc.perform(post("/join/queue/{no}/reject", third).with(staff).with(csrf()).param("reason", "NOT_IN_THIS_AREA"))
                .andExpect(status().isOk());
        assertThat(mvc.perform(get(thirdSubmitted.getResponse().getRedirectedUrl())).andReturn().getResponse()
                .getContentAsString())
                .contains("未通过").contains("不属于本工会受理范围");
    }

    @Test
    void theQueueFilteredByASessionKeepsTheCodeInItsFilter() throws Exception {
        String code = tree.newSessionCode(tree.org(TestTree.ZHONGGUANCUN_STREET));
        String number = applicationNo(mvc.perform(joinForm("蒋立", residentId(), UUID.randomUUID().toString(), code))
                .andReturn());
        String queue = mvc.perform(get("/join/queue").param("s", code).with(signedIn(tree.principal("zhongguancun"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("name=\"s\" value=\"" + code + "\"").contains(number);
    }

    @Test
    void theQueueIsForStaffOnly() throws Exception {
        mvc.perform(get("/join/queue")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/join/queue").with(signedIn(tree.principal("leader")))).andExpect(status().isForbidden());
    }
}

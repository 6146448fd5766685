package org.unionhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.common.IdNumber;
import org.unionhub.identity.StaffPrincipal;

@UnionHubTest
class OutreachPagesTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (Math.random() * 900));

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    OutreachSessions sessions;

    private RequestPostProcessor staff(String username) {
        StaffPrincipal principal = tree.principal(username);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder planForm(String requestKey, String title) {
        return post("/outreach/sessions").with(staff("zhongguancun")).with(csrf())
                .param("requestKey", requestKey)
                .param("kind", "WORKER")
                .param("orgId", String.valueOf(tree.org(TestTree.ZHONGGUANCUN_STREET)))
                .param("title", title)
                .param("place", "中关村广场北侧")
                .param("day", LocalDate.now(BEIJING).toString())
                .param("startTime", "11:30")
                .param("endTime", "13:30")
                .param("staffOnDuty", "王芳，李强")
                .param("partners", "北京银行服务台、劳模志愿服务队");
    }

    private long planned(String title) throws Exception {
        String location = mvc.perform(planForm(UUID.randomUUID().toString(), title))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring("/outreach/sessions/".length()));
    }

    private MockHttpServletRequestBuilder joinForm(String sessionCode) {
        String first17 = "110102" + "19850505" + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
        return post("/join").with(csrf())
                .param("requestKey", UUID.randomUUID().toString())
                .param("name", "孙现场")
                .param("idType", "RESIDENT_ID")
                .param("idNumber", first17 + IdNumber.checkCharacterFor(first17))
                .param("phone", "13600002222")
                .param("noFixedEmployer", "true")
                .param("occupation", "FOOD_DELIVERY_RIDER")
                .param("workStreetId", String.valueOf(tree.org(TestTree.ZHONGGUANCUN_STREET)))
                .param("sessionCode", sessionCode)
                .param("consent", "true");
    }

    @Test
    void thePlanningFormOffersLunchtimeTodayAndShowsErrorsBesideTheirFields() throws Exception {
        String form = page(get("/outreach/sessions/new").with(staff("zhongguancun")));
        assertThat(form).contains("value=\"" + LocalDate.now(BEIJING) + "\"").contains("value=\"11:30\"")
                .contains("value=\"13:30\"").contains(TestTree.ZHONGGUANCUN_STREET).contains("name=\"requestKey\"");
        long before = tree.count("outreach_session");
        String errors = page(post("/outreach/sessions").with(staff("zhongguancun")).with(csrf())
                .param("requestKey", UUID.randomUUID().toString()).param("kind", "WORKER")
                .param("orgId", String.valueOf(tree.org(TestTree.ZHONGGUANCUN_STREET))).param("title", " ")
                .param("place", "中关村广场").param("day", LocalDate.now(BEIJING).toString())
                .param("startTime", "11:30").param("endTime", "10:00"));
        assertThat(errors).contains("data-field=\"title\">主题：必填")
                .contains("data-field=\"endsAt\">结束时间：须晚于开始时间")
                .contains("value=\"中关村广场\"");
        assertThat(page(planForm(UUID.randomUUID().toString(), "午间").param("lat", "north")))
                .contains("data-field=\"lat\">纬度：格式不正确");
        assertThat(tree.count("outreach_session")).isEqualTo(before);
    }

    @Test
    void aDoubleSubmitOfThePlanningFormMakesOneSession() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = tree.count("outreach_session");
        String first = mvc.perform(planForm(key, "双击测试")).andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(planForm(key, "双击测试")).andReturn().getResponse().getRedirectedUrl();
        assertThat(second).isEqualTo(first).matches("/outreach/sessions/\\d+");
        assertThat(tree.count("outreach_session")).isEqualTo(before + 1);
        String show = page(get(first).with(staff("zhongguancun")));
        assertThat(show).contains("双击测试").contains("王芳、李强").contains("北京银行服务台、劳模志愿服务队")
                .contains("/join?s=");
        String list = page(get("/outreach/sessions").param("status", "PLANNED").with(staff("zhongguancun")));
        assertThat(list).contains("双击测试").contains("href=\"/outreach/sessions\"");
    }

    @Test
    void thePosterIsAnA4PageWithTheUnionTheThemeAndABigQrCodeOfTheAbsoluteJoinLink() throws Exception {
        long id = planned("午间海报测试");
        Session session = sessions.get(tree.principal("zhongguancun"), id);
        String poster = page(get("/outreach/sessions/{id}/poster", id).with(staff("zhongguancun")));
        assertThat(poster).contains("size: A4").contains("@media print")
                .contains("data-test=\"poster-code\">" + session.code() + "<")
                .contains(TestTree.ZHONGGUANCUN_STREET).contains("午间海报测试").contains("扫码加入工会")
                .contains("中关村广场北侧").contains("11:30–13:30").contains("现场服务：北京银行服务台、劳模志愿服务队")
                .contains("http://localhost/join?s=" + session.code())
                .containsPattern("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \\d+ \\d+\"");
        mvc.perform(get("/outreach/sessions/{id}/poster", id).with(staff("dongcheng")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theLivePageCountsEachTapOnceApprovesArrivalsAndClosesWithTheTallies() throws Exception {
        long id = planned("现场页测试");
        String code = sessions.get(tree.principal("zhongguancun"), id).code();
        String live = page(get("/outreach/sessions/{id}/live", id).with(staff("zhongguancun")));
        assertThat(live).contains("现场页测试").contains(code).contains("data-test=\"tap-LEGAL\"")
                .contains("hx-trigger=\"every 5s\"").contains("/js/session-live.js").contains("暂无待审核的申请");

        String tapId = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            String fragment = page(post("/outreach/sessions/{id}/live/tap", id).with(staff("zhongguancun")).with(csrf())
                    .header("HX-Request", "true").param("tapId", tapId).param("measure", "LEGAL").param("count", "1"));
            assertThat(fragment).contains("data-value=\"LEGAL\">1<");
        }
        page(post("/outreach/sessions/{id}/live/tap", id).with(staff("zhongguancun")).with(csrf())
                .header("HX-Request", "true").param("tapId", UUID.randomUUID().toString())
                .param("measure", "REACHED").param("count", "1"));
        String corrected = page(post("/outreach/sessions/{id}/live/tap", id).with(staff("zhongguancun")).with(csrf())
                .header("HX-Request", "true").param("tapId", UUID.randomUUID().toString())
                .param("measure", "HEALTH").param("count", "-1"));
        assertThat(corrected).contains("data-test=\"tap-error\">数量：更正后不能小于 0").contains("data-value=\"HEALTH\">0<");

        String status = mvc.perform(joinForm(code)).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();
        String applicationNo = status.replaceAll("^/join/status/([^?]+).*$", "$1");
        String arrivals = page(get("/outreach/sessions/{id}/live/arrivals", id).with(staff("zhongguancun")));
        assertThat(arrivals).contains(applicationNo).contains("孙现场").contains("136****2222");
        String outcome = page(post("/outreach/sessions/{id}/live/approve/{no}", id, applicationNo)
                .with(staff("zhongguancun")).with(csrf()).header("HX-Request", "true"));
        assertThat(outcome).contains("已通过，会员编号 M");
        assertThat(page(post("/outreach/sessions/{id}/live/approve/{no}", id, applicationNo)
                .with(staff("zhongguancun")).with(csrf()))).contains("该申请已被处理");
        await().atMost(Duration.ofSeconds(20)).until(() -> sessions.tallies(tree.principal("zhongguancun"), id).joined() == 1);

        mvc.perform(post("/outreach/sessions/{id}/live/close", id).with(staff("zhongguancun")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String closed = page(get("/outreach/sessions/{id}/live", id).with(staff("zhongguancun")));
        assertThat(closed).contains("data-test=\"closing-tallies\"").contains("data-test=\"final-reached\">1<")
                .contains("data-test=\"final-LEGAL\">1<").contains("data-test=\"final-applications\">1<")
                .contains("data-test=\"final-joined\">1<").doesNotContain("data-test=\"tap-LEGAL\"");
    }

    @Test
    void theLivePageIsForStaffWhoCanActInScope() throws Exception {
        long id = planned("范围测试");
        mvc.perform(get("/outreach/sessions/{id}/live", id).with(staff("dongcheng"))).andExpect(status().isNotFound());
        mvc.perform(get("/outreach/sessions/{id}/live", id).with(staff("leader"))).andExpect(status().isForbidden());
        mvc.perform(get("/outreach/sessions/{id}", id)).andExpect(status().is3xxRedirection());
    }

    @Test
    void theJoinFormNamesTheSessionAndRefusesOneThatHasEnded() throws Exception {
        String demo = page(get("/join").param("s", "zgc-523"));
        assertThat(demo).contains("中关村午间职工沟通会").contains("value=\"ZGC523\"");
        String unknown = page(get("/join").param("s", "QQQQQQ"));
        assertThat(unknown).contains("data-test=\"unknown-session\"").contains("QQQQQQ")
                .doesNotContain("name=\"sessionCode\" value=\"QQQQQQ\"");

        long id = planned("结束后扫码");
        String code = sessions.get(tree.principal("zhongguancun"), id).code();
        sessions.close(tree.principal("zhongguancun"), id);
        long before = tree.count("membership_application");
        String refused = page(joinForm(code));
        assertThat(refused).contains("data-field=\"sessionCode\">沟通会编码：没有这个沟通会，或该沟通会已结束")
                .contains("name=\"sessionCode\" value=\"" + code + "\"");
        assertThat(tree.count("membership_application")).isEqualTo(before);
        MvcResult withoutSession = mvc.perform(joinForm("")).andReturn();
        assertThat(withoutSession.getResponse().getRedirectedUrl()).startsWith("/join/status/A");
    }

    @Test
    void theMenuLeadsToTheSessionsAndCampaignDays() throws Exception {
        assertThat(page(get("/").with(staff("zhongguancun")))).contains("href=\"/outreach/sessions\"");
        String campaigns = page(get("/outreach/campaigns").with(staff("haidian")));
        assertThat(campaigns).contains("“5·30”全市双沟通集中行动日").contains("data-test=\"campaign-form\"");
        assertThat(page(get("/outreach/campaigns").with(staff("zhongguancun"))))
                .contains("“5·30”全市双沟通集中行动日").doesNotContain("data-test=\"campaign-form\"");
        String name = TestTree.unique("海淀区集中行动日");
        mvc.perform(post("/outreach/campaigns").with(staff("haidian")).with(csrf()).param("name", name)
                .param("heldOn", "2023-05-30").param("orgId", String.valueOf(tree.org(TestTree.HAIDIAN))))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/outreach/campaigns").with(staff("zhongguancun")))).contains(name);
        assertThat(page(post("/outreach/campaigns").with(staff("haidian")).with(csrf()).param("name", "")
                .param("heldOn", "2023-05-30").param("orgId", String.valueOf(tree.org(TestTree.HAIDIAN)))))
                .contains("data-field=\"name\">活动日名称：必填");
    }
}

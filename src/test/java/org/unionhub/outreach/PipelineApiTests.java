package org.unionhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unionhub.TestTree.basic;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.organisation.Enterprise;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.outreach.domain.Week;

/**
 * The pipeline over HTTP: dated steps with their rules, repeated submissions recording nothing twice, follow-up
 * tasks and this week's list for each scope, the board's filters, and the console pages.
 */
@UnionHubTest
class PipelineApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree data;

    @Autowired
    ObjectMapper json;

    @Autowired
    OrgTree tree;

    @Autowired
    Clock clock;

    LocalDate today;

    @BeforeEach
    void setUp() {
        today = LocalDate.now(clock);
    }

    @Test
    void stepsAreDatedWithWhoAndTheCurrentStateAgainRecordsNothing() throws Exception {
        Enterprise enterprise = data.newEnterprise(data.org(TestTree.ZHONGGUANCUN_STREET));

        step(enterprise.id(), Map.of("state", "CONTACTED", "on", today.minusDays(3).toString()), "zhongguancun")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CONTACTED"))
                .andExpect(jsonPath("$.since").value(today.minusDays(3).toString()));
        step(enterprise.id(), Map.of("state", "PREPARING", "on", today.toString(), "note", "已确定筹备组"), "haidian")
                .andExpect(jsonPath("$.state").value("PREPARING"));
        step(enterprise.id(), Map.of("state", "PREPARING", "on", today.toString()), "haidian")
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/outreach/pipeline/{id}", enterprise.id()).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.steps", hasSize(2)))
                .andExpect(jsonPath("$.steps[0].from").doesNotExist())
                .andExpect(jsonPath("$.steps[0].to").value("CONTACTED"))
                .andExpect(jsonPath("$.steps[0].recordedBy").value("zhongguancun"))
                .andExpect(jsonPath("$.steps[1].from").value("CONTACTED"))
                .andExpect(jsonPath("$.steps[1].to").value("PREPARING"))
                .andExpect(jsonPath("$.steps[1].note").value("已确定筹备组"))
                .andExpect(jsonPath("$.steps[1].recordedBy").value("haidian"));
    }

    @Test
    void theRulesAnswerWithFieldErrorsAndChangeNothing() throws Exception {
        Enterprise enterprise = data.newEnterprise(data.org(TestTree.ZHONGGUANCUN_STREET));
        step(enterprise.id(), Map.of("state", "INTERESTED", "on", today.minusDays(1).toString()), "zhongguancun");

        expectOnlyError(step(enterprise.id(), Map.of("state", "CONTACTED", "on", today.toString()), "zhongguancun"),
                "state", "PIPELINE_ONLY_FORWARD");
        expectOnlyError(step(enterprise.id(), Map.of("state", "FOUNDED", "on", today.toString()), "zhongguancun"),
                "state", "FOUNDING_NEEDS_FORM");
        expectOnlyError(step(enterprise.id(), Map.of("state", "DECLINED", "on", today.toString()), "zhongguancun"),
                "declineReason", "REQUIRED");
        expectOnlyError(step(enterprise.id(), Map.of("state", "PREPARING", "on", today.minusDays(2).toString()),
                "zhongguancun"), "on", "BEFORE_PREVIOUS_STEP");
        expectOnlyError(step(enterprise.id(), Map.of("state", "PREPARING", "on", today.plusDays(1).toString()),
                "zhongguancun"), "on", "FUTURE_DATE");
        step(enterprise.id(), Map.of("state", "PRETENDING", "on", today.toString()), "zhongguancun")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("state"))
                .andExpect(jsonPath("$.errors[0].code").value("FORMAT"));

        mvc.perform(get("/api/v1/outreach/pipeline/{id}", enterprise.id()).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.state").value("INTERESTED"))
                .andExpect(jsonPath("$.steps", hasSize(1)));

        step(enterprise.id(), Map.of("state", "DECLINED", "on", today.toString(), "declineReason",
                "TOO_FEW_EMPLOYEES"), "zhongguancun")
                .andExpect(jsonPath("$.state").value("DECLINED"))
                .andExpect(jsonPath("$.declineReason").value("TOO_FEW_EMPLOYEES"));
        step(enterprise.id(), Map.of("state", "CONTACTED", "on", today.toString()), "zhongguancun")
                .andExpect(jsonPath("$.state").value("CONTACTED"))
                .andExpect(jsonPath("$.declineReason").doesNotExist());
    }

    @Test
    void anEnterpriseOutsideTheScopeIsNotFound() throws Exception {
        Enterprise enterprise = data.newEnterprise(data.org(TestTree.ZHONGGUANCUN_STREET));

        step(enterprise.id(), Map.of("state", "CONTACTED", "on", today.toString()), "dongcheng")
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/outreach/pipeline/{id}", enterprise.id()).with(basic("dongcheng")))
                .andExpect(status().isNotFound());
        step(enterprise.id(), Map.of("state", "CONTACTED", "on", today.toString()), "leader")
                .andExpect(status().isForbidden());
    }

    @Test
    void tasksDueThisWeekAreListedForTheirScopeOnly() throws Exception {
        long zhongguancun = data.org(TestTree.ZHONGGUANCUN_STREET);
        Enterprise here = data.newEnterprise(zhongguancun);
        Enterprise dongcheng = data.newEnterprise(data.org(TestTree.CHONGWAI_STREET));
        step(here.id(), Map.of("state", "CONTACTED", "on", today.toString()), "zhongguancun");
        step(dongcheng.id(), Map.of("state", "CONTACTED", "on", today.toString()), "dongcheng");
        LocalDate sunday = Week.of(today).sunday();
        String dueSunday = TestTree.unique("送建会指导手册");
        String dueNextWeek = TestTree.unique("回访企业负责人");
        String dongchengTask = TestTree.unique("东城任务");

        long taskId = json.readTree(task(here.id(), dueSunday, sunday, "zhongguancun")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.overdue").value(false))
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
        task(here.id(), dueSunday, sunday, "zhongguancun")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(taskId));
        task(here.id(), dueNextWeek, sunday.plusDays(1), "zhongguancun");
        task(dongcheng.id(), dongchengTask, sunday, "dongcheng");
        data.jdbc().sql("""
                        INSERT INTO enterprise_pipeline_task (enterprise_id, todo, due_on, created_by)
                        VALUES (:id, :todo, :due, 'zhongguancun')
                        """)
                .param("id", here.id()).param("todo", dueSunday + "（逾期）").param("due", today.minusDays(8)).update();

        due("zhongguancun")
                .andExpect(jsonPath("$[*].todo", hasItem(dueSunday)))
                .andExpect(jsonPath("$[*].todo", hasItem(dueSunday + "（逾期）")))
                .andExpect(jsonPath("$[?(@.todo == '" + dueSunday + "（逾期）')].overdue").value(true))
                .andExpect(jsonPath("$[*].todo", not(hasItem(dueNextWeek))))
                .andExpect(jsonPath("$[*].todo", not(hasItem(dongchengTask))));
        due("haidian").andExpect(jsonPath("$[*].todo", hasItem(dueSunday)))
                .andExpect(jsonPath("$[*].todo", not(hasItem(dongchengTask))));
        due("dongcheng").andExpect(jsonPath("$[*].todo", hasItem(dongchengTask)))
                .andExpect(jsonPath("$[*].todo", not(hasItem(dueSunday))));
        due("admin").andExpect(jsonPath("$[*].todo", hasItem(dueSunday)))
                .andExpect(jsonPath("$[*].todo", hasItem(dongchengTask)));

        mvc.perform(post("/api/v1/outreach/tasks/{id}/done", taskId).with(basic("dongcheng")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/outreach/tasks/{id}/done", taskId).with(basic("zhongguancun")))
                .andExpect(jsonPath("$.doneBy").value("zhongguancun"));
        mvc.perform(post("/api/v1/outreach/tasks/{id}/done", taskId).with(basic("haidian")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.doneBy").value("zhongguancun"));
        due("zhongguancun").andExpect(jsonPath("$[*].todo", not(hasItem(dueSunday))));
    }

    @Test
    void aTaskNeedsAStartedPipelineWordsAndADueDateNotPast() throws Exception {
        Enterprise enterprise = data.newEnterprise(data.org(TestTree.ZHONGGUANCUN_STREET));

        expectOnlyError(task(enterprise.id(), "回访", today, "zhongguancun"), "enterpriseId", "PIPELINE_NOT_STARTED");
        step(enterprise.id(), Map.of("state", "CONTACTED", "on", today.toString()), "zhongguancun");
        task(enterprise.id(), " ", today.minusDays(1), "zhongguancun")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].message").value("跟进事项：必填"))
                .andExpect(jsonPath("$.errors[1].message").value("到期日：不能早于今天"));
    }

    @Test
    void theBoardFiltersByStateNodeNameAndWorkersHome() throws Exception {
        long zhongguancun = data.org(TestTree.ZHONGGUANCUN_STREET);
        String marker = TestTree.unique("看板企业");
        long small = enterprise(zhongguancun, marker + "甲", 20);
        long large = enterprise(zhongguancun, marker + "乙", 300);
        long elsewhere = enterprise(data.org(TestTree.XUEYUANLU_STREET), marker + "丙", 20);
        step(small, Map.of("state", "INTERESTED", "on", today.toString()), "haidian");
        step(large, Map.of("state", "PREPARING", "on", today.toString()), "haidian");
        step(elsewhere, Map.of("state", "INTERESTED", "on", today.toString()), "haidian");

        board("haidian", Map.of("q", marker))
                .andExpect(jsonPath("$.pipelines", hasSize(3)))
                .andExpect(jsonPath("$.counts.INTERESTED").value(2))
                .andExpect(jsonPath("$.counts.PREPARING").value(1));
        board("haidian", Map.of("q", marker, "state", "INTERESTED"))
                .andExpect(jsonPath("$.pipelines", hasSize(2)))
                .andExpect(jsonPath("$.counts.PREPARING").value(1));
        board("haidian", Map.of("q", marker, "orgId", String.valueOf(zhongguancun)))
                .andExpect(jsonPath("$.pipelines", hasSize(2)));
        board("haidian", Map.of("q", marker, "workersHome", "true"))
                .andExpect(jsonPath("$.pipelines", hasSize(1)))
                .andExpect(jsonPath("$.pipelines[0].enterpriseId").value(large))
                .andExpect(jsonPath("$.pipelines[0].workersHome").value(true))
                .andExpect(jsonPath("$.pipelines[0].orgName").value(TestTree.ZHONGGUANCUN_STREET));
        board("zhongguancun", Map.of("q", marker)).andExpect(jsonPath("$.pipelines", hasSize(2)));
        board("dongcheng", Map.of("q", marker)).andExpect(jsonPath("$.pipelines", hasSize(0)));
        board("zhongguancun", Map.of("orgId", String.valueOf(data.org(TestTree.XUEYUANLU_STREET))))
                .andExpect(status().isNotFound());
    }

    @Test
    void pipelinesFollowTheirStreetWhenItMoves() throws Exception {
        long haidian = data.org(TestTree.HAIDIAN);
        var street = data.newNode(haidian, org.unionhub.organisation.OrgKind.STREET, "迁移测试街道");
        long enterprise = enterprise(street.id(), TestTree.unique("迁移测试企业"), 20);
        step(enterprise, Map.of("state", "CONTACTED", "on", today.toString()), "haidian");

        tree.move(new OrgScope(data.org(TestTree.CITY)), street.id(), data.org(TestTree.DONGCHENG), "admin", "测试");

        String name = data.jdbc().sql("SELECT enterprise_name FROM enterprise_pipeline WHERE enterprise_id = :id")
                .param("id", enterprise).query(String.class).single();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline
                && !board("dongcheng", Map.of("q", name)).andReturn().getResponse().getContentAsString()
                        .contains(name)) {
            Thread.sleep(50);
        }
        board("dongcheng", Map.of("q", name)).andExpect(jsonPath("$.pipelines", hasSize(1)));
        board("haidian", Map.of("q", name)).andExpect(jsonPath("$.pipelines", hasSize(0)));
    }

    @Test
    void theConsolePagesShowTheBoardThePipelineAndThisWeeksTasks() throws Exception {
        long zhongguancun = data.org(TestTree.ZHONGGUANCUN_STREET);
        long enterprise = enterprise(zhongguancun, TestTree.unique("控制台建会企业"), 120);
        var session = TestTree.consoleSession(mvc, "zhongguancun");

        mvc.perform(get("/outreach/pipeline/{id}", enterprise).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("尚未开始跟进")))
                .andExpect(content().string(containsString("职工人数 100 人以上")));
        mvc.perform(post("/outreach/pipeline/{id}/steps", enterprise).session(session).with(csrf())
                        .param("state", "DECLINED").param("on", today.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-field=\"declineReason\">暂缓原因：必填<")));
        mvc.perform(post("/outreach/pipeline/{id}/steps", enterprise).session(session).with(csrf())
                        .param("state", "INTERESTED").param("on", today.toString()))
                .andExpect(redirectedUrl("/outreach/pipeline/" + enterprise + "?recorded"));
        String todo = TestTree.unique("送服务包资料");
        mvc.perform(post("/outreach/pipeline/{id}/tasks", enterprise).session(session).with(csrf())
                        .param("todo", todo).param("dueOn", today.toString()))
                .andExpect(redirectedUrl("/outreach/pipeline/" + enterprise + "?taskAdded"));

        mvc.perform(get("/outreach/pipeline").session(session).param("state", "INTERESTED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-enterprise=\"" + enterprise + "\"")))
                .andExpect(content().string(containsString("需建职工之家")));
        mvc.perform(get("/outreach/pipeline").session(session).param("state", "PREPARING"))
                .andExpect(content().string(not(containsString("data-enterprise=\"" + enterprise + "\""))));
        mvc.perform(get("/outreach/pipeline/{id}", enterprise).session(session))
                .andExpect(content().string(containsString("有意向")))
                .andExpect(content().string(containsString(todo)));
        String week = mvc.perform(get("/outreach/tasks").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(todo)))
                .andReturn().getResponse().getContentAsString();
        long taskId = Long.parseLong(week.split("data-task=\"")[1].split("\"")[0]);
        assertThat(taskId).isPositive();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private long enterprise(long orgId, String name, int employees) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("creditCode", TestTree.companyCreditCode("110108"));
        body.put("orgId", orgId);
        body.put("employeeCount", employees);
        String answer = mvc.perform(post("/api/v1/enterprises").with(basic("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(answer).get("id").asLong();
    }

    private ResultActions step(long enterpriseId, Map<String, String> body, String user) throws Exception {
        return mvc.perform(post("/api/v1/outreach/pipeline/{id}/steps", enterpriseId).with(basic(user))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private ResultActions task(long enterpriseId, String todo, LocalDate due, String user) throws Exception {
        return mvc.perform(post("/api/v1/outreach/pipeline/{id}/tasks", enterpriseId).with(basic(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("todo", todo, "dueOn", due.toString()))));
    }

    private ResultActions due(String user) throws Exception {
        return mvc.perform(get("/api/v1/outreach/tasks/due").with(basic(user))).andExpect(status().isOk());
    }

    private ResultActions board(String user, Map<String, String> params) throws Exception {
        var request = get("/api/v1/outreach/pipeline").with(basic(user));
        params.forEach(request::param);
        return mvc.perform(request);
    }

    private static void expectOnlyError(ResultActions result, String field, String code) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }
}

package org.unionhub.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.membership.MembersImported;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.outreach.ConsultationsCounted;
import org.unionhub.outreach.SessionCancelled;
import org.unionhub.outreach.SessionKind;
import org.unionhub.outreach.SessionPlanned;
import org.unionhub.outreach.WorkersReached;

/** The console's funnel page, its export, and the campaign pages. */
@UnionHubTest
class FunnelPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree data;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FunnelReport report;

    @Autowired
    CampaignBoard board;

    FunnelEvents events;
    OrgUnit district;
    OrgUnit street;
    OrgUnit union;

    @BeforeEach
    void freshSubtree() {
        events = new FunnelEvents(publisher, transactions, jdbc, report);
        district = data.newNode(data.org(TestTree.CITY), OrgKind.DISTRICT, "页面测试区总工会");
        street = data.newNode(district.id(), OrgKind.STREET, "页面测试街道");
        union = data.newUnion(street.id());
    }

    @Test
    void showsTheNineFiguresTheChildrenAsLinksAndTheMonths() throws Exception {
        LocalDate day = LocalDate.of(2021, 1, 12);
        SessionPlanned stall = FunnelEvents.session(SessionKind.WORKER, street, day, null);
        events.publish(stall, new MembersImported(union.id(), union.path(), 1234, day.plusMonths(1)));
        events.publish(new ConsultationsCounted(stall.sessionId(), "LEGAL", 5, day));
        MockHttpSession admin = TestTree.consoleSession(mvc, "admin");
        mvc.perform(get("/reports/funnel").param("orgId", district.id() + "").param("from", "2021-01-01")
                        .param("to", "2021-03-31").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(district.name())))
                .andExpect(content().string(containsString("data-measure=\"memberRecords\"")))
                .andExpect(content().string(containsString("1,234")))
                .andExpect(content().string(containsString("采集会员信息（条）")))
                .andExpect(content().string(containsString("/reports/funnel?orgId=" + street.id()
                        + "&amp;from=2021-01-01&amp;to=2021-03-31")))
                .andExpect(content().string(containsString("data-value=\"1234\"")))
                .andExpect(content().string(containsString(">2021-03<")))
                .andExpect(content().string(containsString("/echarts.min.js\"")));
        mvc.perform(get("/webjars/echarts/echarts.min.js")).andExpect(status().isOk());
    }

    @Test
    void aPeriodEndingBeforeItStartsIsNamedOnThePage() throws Exception {
        mvc.perform(get("/reports/funnel").param("from", "2021-05-02").param("to", "2021-05-01")
                        .session(TestTree.consoleSession(mvc, "zhongguancun")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("结束日期：不能早于开始日期")))
                .andExpect(content().string(not(containsString("data-test=\"funnel-figures\""))));
    }

    @Test
    void aStreetCannotOpenTheFunnelOfANodeAboveOrBesideIt() throws Exception {
        MockHttpSession street = TestTree.consoleSession(mvc, "zhongguancun");
        for (String outside : List.of(TestTree.CITY, TestTree.HAIDIAN, TestTree.XUEYUANLU_STREET)) {
            mvc.perform(get("/reports/funnel").param("orgId", data.org(outside) + "").session(street))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/reports/funnel.xlsx").param("orgId", data.org(outside) + "").session(street))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/reports/funnel").session(street))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(TestTree.ZHONGGUANCUN_STREET)))
                .andExpect(content().string(not(containsString("data-test=\"funnel-up\""))));
    }

    @Test
    void exportsTheFiguresAsNumbers() throws Exception {
        LocalDate day = LocalDate.of(2021, 2, 8);
        SessionPlanned stall = FunnelEvents.session(SessionKind.WORKER, street, day, null);
        events.publish(stall);
        events.publish(new WorkersReached(stall.sessionId(), 321, day));
        byte[] xlsx = mvc.perform(get("/reports/funnel.xlsx").param("orgId", district.id() + "")
                        .param("from", "2021-02-01").param("to", "2021-02-28")
                        .session(TestTree.consoleSession(mvc, "admin")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).hasSize(2);
            List<Row> nodes = sheets.get(0).read();
            assertThat(nodes.get(0).getCell(3).getText()).isEqualTo("职工沟通会（场）");
            assertThat(nodes).hasSize(3);
            for (Row row : nodes.subList(1, 3)) {
                Cell sessions = row.getCell(3);
                Cell reached = row.getCell(4);
                assertThat(sessions.getType()).isEqualTo(CellType.NUMBER);
                assertThat(sessions.asNumber()).isEqualByComparingTo(BigDecimal.ONE);
                assertThat(reached.asNumber()).isEqualByComparingTo(new BigDecimal(321));
            }
            assertThat(nodes.get(1).getCell(0).getText()).isEqualTo(district.name());
            assertThat(nodes.get(2).getCell(0).getText()).isEqualTo(street.name());
            List<Row> months = sheets.get(1).read();
            assertThat(months).hasSize(2);
            assertThat(months.get(1).getCell(0).getText()).isEqualTo("2021-02");
            assertThat(months.get(1).getCell(4).asNumber()).isEqualByComparingTo(new BigDecimal(321));
        }
    }

    @Test
    void aCampaignIsShownLiveByAreaForTheCityOrOneDistrict() throws Exception {
        LocalDate day = LocalDate.of(2021, 5, 30);
        long campaign = FunnelEvents.nextId();
        OrgUnit otherStreet = data.newNode(district.id(), OrgKind.STREET, "页面测试街道");
        OrgUnit haidianStreet = data.node(data.org(TestTree.ZHONGGUANCUN_STREET));
        SessionPlanned here = FunnelEvents.session(SessionKind.WORKER, street, day, campaign);
        SessionPlanned there = FunnelEvents.session(SessionKind.WORKER, otherStreet, day, campaign);
        SessionPlanned cancelled = FunnelEvents.session(SessionKind.WORKER, otherStreet, day, campaign);
        SessionPlanned haidian = FunnelEvents.session(SessionKind.WORKER, haidianStreet, day, campaign);
        events.publish(here, there, cancelled, haidian);
        events.publish(new WorkersReached(here.sessionId(), 40, day), new WorkersReached(there.sessionId(), 2, day),
                new WorkersReached(haidian.sessionId(), 7, day), new SessionCancelled(cancelled.sessionId()));

        MockHttpSession admin = TestTree.consoleSession(mvc, "admin");
        mvc.perform(get("/reports/campaigns").session(admin))
                .andExpect(content().string(containsString("data-campaign=\"" + campaign + "\"")));
        mvc.perform(get("/reports/campaigns/{id}", campaign).session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-org=\"" + district.id() + "\"")))
                .andExpect(content().string(containsString("data-org=\"" + data.org(TestTree.HAIDIAN) + "\"")))
                .andExpect(content().string(containsString("hx-trigger=\"every 5s\"")));
        String live = mvc.perform(get("/reports/campaigns/{id}", campaign).param("orgId", district.id() + "")
                        .header("HX-Request", "true").session(admin))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(live).doesNotContain("<html").contains("data-org=\"" + street.id() + "\"")
                .contains("data-org=\"" + otherStreet.id() + "\"").doesNotContain("data-org=\"" + haidianStreet.id());

        OrgScope city = new OrgScope(data.org(TestTree.CITY));
        CampaignLive ofDistrict = board.live(city, campaign, district.id());
        assertThat(ofDistrict.areas()).extracting(CampaignArea::orgId).containsExactly(street.id(), otherStreet.id());
        assertThat(ofDistrict.areas()).extracting(CampaignArea::sessions).containsExactly(1L, 1L);
        assertThat(ofDistrict.areas()).extracting(CampaignArea::workersReached).containsExactly(40L, 2L);
        assertThat(ofDistrict.total().sessions()).isEqualTo(2);
        assertThat(ofDistrict.total().workersReached()).isEqualTo(42);
        CampaignLive ofCity = board.live(city, campaign, null);
        assertThat(ofCity.total().sessions()).isEqualTo(3);
        assertThat(ofCity.total().workersReached()).isEqualTo(49);
        assertThat(ofCity.areas()).extracting(CampaignArea::orgId, CampaignArea::workersReached)
                .containsExactlyInAnyOrder(tuple(data.org(TestTree.HAIDIAN), 7L), tuple(district.id(), 42L));

        // a street sees its own session only, as its own row; a district without sessions in it sees no campaign
        CampaignLive ofStreet = board.live(new OrgScope(haidianStreet.id()), campaign, null);
        assertThat(ofStreet.total().sessions()).isEqualTo(1);
        assertThat(ofStreet.areas()).extracting(CampaignArea::orgId).containsExactly(haidianStreet.id());
        mvc.perform(get("/reports/campaigns/{id}", campaign).session(TestTree.consoleSession(mvc, "dongcheng")))
                .andExpect(status().isNotFound());
    }
}

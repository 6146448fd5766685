package org.unionhub.outreach.demo;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.CampaignInput;
import org.unionhub.outreach.Campaigns;
import org.unionhub.outreach.OutreachSessions;
import org.unionhub.outreach.SessionInput;
import org.unionhub.outreach.domain.SessionWindow;

/**
 * A demo worker session at 中关村 for today's lunchtime under the well-known code {@value #DEMO_CODE}, so that
 * {@code /join?s=ZGC523} works at once, and the city-wide campaign day of 2023-05-30; loaded once, after the tree.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "unionhub.demo.enabled", havingValue = "true")
class OutreachDemoData implements ApplicationRunner {

    static final String DEMO_CODE = "ZGC523";
    private static final Logger log = LoggerFactory.getLogger(OutreachDemoData.class);

    private final OutreachSessions sessions;
    private final Campaigns campaigns;
    private final OrgTree tree;
    private final JdbcClient jdbc;

    OutreachDemoData(OutreachSessions sessions, Campaigns campaigns, OrgTree tree, JdbcClient jdbc) {
        this.sessions = sessions;
        this.campaigns = campaigns;
        this.tree = tree;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM outreach_session WHERE code = :c)").param("c", DEMO_CODE)
                .query(Boolean.class).single()) {
            return;
        }
        OrgUnit city = tree.findByDivisionCode("110000").orElseThrow();
        ScopedPrincipal federation = new ScopedPrincipal() {
            @Override
            public OrgScope scope() {
                return new OrgScope(city.id());
            }

            @Override
            public String username() {
                return "demo";
            }
        };
        campaigns.create(federation, new CampaignInput("“5·30”全市双沟通集中行动日", LocalDate.of(2023, 5, 30),
                city.id()));
        OrgUnit zhongguancun = tree.findByDivisionCode("110108011").orElseThrow();
        SessionWindow lunch = sessions.defaultWindow();
        sessions.planWithCode(federation, DEMO_CODE, new SessionInput("WORKER", zhongguancun.id(), null,
                "中关村午间职工沟通会", "中关村广场北侧（中关村大街 15 号）", null, null, lunch.startsAt().toString(),
                lunch.endsAt().toString(), List.of("王芳", "李强"), List.of("北京银行服务台", "劳模志愿服务队")));
        log.info("Demo worker session planned: /join?s={}", DEMO_CODE);
    }
}

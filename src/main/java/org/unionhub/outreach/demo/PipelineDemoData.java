package org.unionhub.outreach.demo;

import java.time.Clock;
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
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.DeclineReason;
import org.unionhub.outreach.EnterprisePipelines;
import org.unionhub.outreach.PipelineState;
import org.unionhub.outreach.ServiceItemInput;
import org.unionhub.outreach.ServicePackageCatalogue;
import org.unionhub.outreach.StepInput;
import org.unionhub.outreach.TaskInput;

/**
 * Demo service package catalogue (the city's items and 海淀's own) and the pipelines of four demo enterprises at
 * different stages, with follow-up tasks due this week, dated relative to today; loaded once, after the tree.
 */
@Component
@Order(45)
@ConditionalOnProperty(name = "unionhub.demo.enabled", havingValue = "true")
class PipelineDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PipelineDemoData.class);
    private static final List<String[]> CITY_ITEMS = List.of(
            new String[] {"建会指导服务", "工会干部上门指导建会程序：筹备组、会员大会、选举、报批"},
            new String[] {"法律体检", "律师为企业免费做劳动用工合规检查"},
            new String[] {"互助服务卡银行服务台", "北京银行现场为职工办理工会会员互助服务卡"},
            new String[] {"职工之家建设补助", "新建会的百人以上企业建设职工之家可申请补助"},
            new String[] {"劳动关系协调指导", "集体协商、劳动争议预防与调解指导"},
            new String[] {"职工心理关爱", "心理健康讲座与一对一咨询"});
    private static final List<String[]> HAIDIAN_ITEMS = List.of(
            new String[] {"园区企业职工健康讲座", "海淀区总工会组织医生进园区、进楼宇"},
            new String[] {"新就业形态劳动者入会服务", "快递、外卖、网约车企业职工集中入会"});

    private final ServicePackageCatalogue catalogue;
    private final EnterprisePipelines pipelines;
    private final EnterpriseRegistry enterprises;
    private final OrgTree tree;
    private final JdbcClient jdbc;
    private final Clock clock;

    PipelineDemoData(ServicePackageCatalogue catalogue, EnterprisePipelines pipelines, EnterpriseRegistry enterprises,
            OrgTree tree, JdbcClient jdbc, Clock clock) {
        this.catalogue = catalogue;
        this.pipelines = pipelines;
        this.enterprises = enterprises;
        this.tree = tree;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM service_package_item)").query(Boolean.class).single()) {
            return;
        }
        OrgUnit city = tree.findByDivisionCode("110000").orElseThrow();
        OrgUnit haidian = tree.findByDivisionCode("110108").orElseThrow();
        ScopedPrincipal demo = new ScopedPrincipal() {
            @Override
            public OrgScope scope() {
                return new OrgScope(city.id());
            }

            @Override
            public String username() {
                return "demo";
            }
        };
        CITY_ITEMS.forEach(i -> catalogue.create(demo, new ServiceItemInput(city.id(), i[0], i[1], true)));
        HAIDIAN_ITEMS.forEach(i -> catalogue.create(demo, new ServiceItemInput(haidian.id(), i[0], i[1], true)));

        LocalDate today = LocalDate.now(clock);
        long sprout = enterprise(demo, "北京新芽科技有限公司");
        step(demo, sprout, PipelineState.CONTACTED, today.minusDays(21), null, "人事总监接待，愿意了解建会流程");
        step(demo, sprout, PipelineState.INTERESTED, today.minusDays(10), null, "总经理同意年内建会");
        pipelines.addTask(demo, sprout, new TaskInput("送建会指导手册并约定筹备会时间", today.plusDays(2)));
        long cafe = enterprise(demo, "北京海淀书香咖啡馆");
        step(demo, cafe, PipelineState.CONTACTED, today.minusDays(30), null, null);
        step(demo, cafe, PipelineState.DECLINED, today.minusDays(14), DeclineReason.TOO_FEW_EMPLOYEES,
                "建议职工加入街道联合工会");
        long bakery = enterprise(demo, "北京中关村老字号食品厂");
        step(demo, bakery, PipelineState.CONTACTED, today.minusDays(40), null, null);
        step(demo, bakery, PipelineState.PREPARING, today.minusDays(5), null, "筹备组已成立");
        pipelines.addTask(demo, bakery, new TaskInput("确定工会主席候选人", today));
        long market = enterprise(demo, "北京花市便民超市有限公司");
        step(demo, market, PipelineState.CONTACTED, today.minusDays(3), null, "店长转告老板");
        pipelines.addTask(demo, market, new TaskInput("回访店主", today.plusDays(1)));
        log.info("Demo service package catalogue and enterprise pipelines loaded");
    }

    private long enterprise(ScopedPrincipal demo, String name) {
        return enterprises.search(demo.scope(), null, name).get(0).id();
    }

    private void step(ScopedPrincipal demo, long enterpriseId, PipelineState state, LocalDate on,
            DeclineReason reason, String note) {
        pipelines.record(demo, enterpriseId, new StepInput(state, on, reason, note));
    }
}

package org.unionhub.station.demo;

import java.math.BigDecimal;
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
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.common.Money;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.station.StationInput;
import org.unionhub.station.StationRegistry;
import org.unionhub.station.StationStatus;
import org.unionhub.station.persistence.FundingRepository;

/**
 * Demo stations around the streets the seeds name (GCJ-02 coordinates near 中关村, 学院路, 崇文门, 八里庄 and 密云
 * 富民街), the seeds' funding standards, district budgets and the National Day holidays; loaded once, after the tree.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "unionhub.demo.enabled", havingValue = "true")
class StationDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StationDemoData.class);

    private record Site(String street, String name, String kind, String host, String hostName, String address,
            double lat, double lng, List<String> amenities, String hours, Integer parkingMinutes) {
    }

    private static final List<Site> SITES = List.of(
            new Site("110108011", "中关村e世界暖心驿站", "WARM_STATION", "MALL", "e世界商场", "海淀区中关村大街 11 号 1 层",
                    39.983620, 116.314980, List.of("DRINKING_WATER", "HOT_MEALS", "REST_SEATS", "CHARGING", "TOILET"),
                    "1-7 10:00-22:00", null),
            new Site("110108011", "海龙大厦户外劳动者服务站", "OUTDOOR_STATION", "PUBLIC_BUILDING", "海龙大厦",
                    "海淀区中关村大街 1 号", 39.982310, 116.316150,
                    List.of("DRINKING_WATER", "REST_SEATS", "CHARGING", "MEDICINE_KIT", "RAIN_GEAR"), "1-7 24h", null),
            new Site("110108011", "中关村银行网点暖心驿站", "WARM_STATION", "BANK_BRANCH", "北京银行中关村支行",
                    "海淀区海淀南路 32 号", 39.979880, 116.312040, List.of("DRINKING_WATER", "REST_SEATS", "TOILET", "WIFI"),
                    "1-5 09:00-17:00", null),
            new Site("110108011", "中关村广场骑手之家", "OUTDOOR_STATION", "MALL", "中关村广场购物中心",
                    "海淀区中关村大街 15 号地下 1 层", 39.981150, 116.318740,
                    List.of("DRINKING_WATER", "HOT_MEALS", "CHARGING", "PARKING", "REST_SEATS"), "1-7 10:00-14:00,17:00-02:00",
                    30),
            new Site("110108011", "中关村街道职工书屋", "WORKERS_LIBRARY", "PUBLIC_BUILDING", "中关村街道服务中心",
                    "海淀区科学院南路 8 号", 39.980520, 116.325310, List.of("BOOKS", "WIFI", "REST_SEATS", "DRINKING_WATER"),
                    "1-5 09:00-18:00; 6 09:00-12:00", null),
            new Site("110108011", "中关村网约车司机小站", "RIDE_HAILING_STATION", "ENTERPRISE", "北京智联云软件有限公司",
                    "海淀区中关村东路 66 号", 39.986040, 116.322770,
                    List.of("PARKING", "HOT_MEALS", "TOILET", "CHARGING", "DRINKING_WATER"), "1-7 06:00-23:00", 60),
            new Site("110108011", "智联云职工之家", "WORKERS_HOME_ENTERPRISE", "ENTERPRISE", "北京智联云软件有限公司",
                    "海淀区中关村大街 27 号 5 层", 39.984950, 116.315600,
                    List.of("REST_SEATS", "BOOKS", "MOTHER_BABY", "HOT_MEALS", "DRINKING_WATER"), "1-5 08:30-18:30", null),
            new Site("110108010", "学院路便利店暖心驿站", "WARM_STATION", "CONVENIENCE_STORE", "便利蜂学院路店",
                    "海淀区学院路 35 号", 39.992330, 116.352880, List.of("DRINKING_WATER", "HOT_MEALS", "CHARGING"),
                    "1-7 24h", null),
            new Site("110108010", "学院路母婴关爱室", "MOTHER_BABY_ROOM", "PUBLIC_BUILDING", "学院路街道办事处",
                    "海淀区学院路 20 号", 39.989770, 116.355620, List.of("MOTHER_BABY", "TOILET", "DRINKING_WATER"),
                    "1-5 09:00-17:00", null),
            new Site("110101012", "崇文门暖心驿站", "WARM_STATION", "RESTAURANT", "崇文门饭店餐厅",
                    "东城区崇文门西大街 2 号", 39.899460, 116.416660,
                    List.of("DRINKING_WATER", "HOT_MEALS", "REST_SEATS", "TOILET", "CHARGING"), "1-7 07:00-21:00", null),
            new Site("110101012", "花市户外劳动者服务站", "OUTDOOR_STATION", "CONVENIENCE_STORE", "花市便民超市",
                    "东城区花市大街 15 号", 39.894870, 116.423990, List.of("DRINKING_WATER", "CHARGING", "RAIN_GEAR"),
                    "1-7 06:00-24:00", null),
            new Site("110105015", "八里庄快递员之家", "OUTDOOR_STATION", "PUBLIC_BUILDING", "八里庄街道社区服务站",
                    "朝阳区八里庄西里 100 号", 39.919460, 116.492880,
                    List.of("DRINKING_WATER", "HOT_MEALS", "CHARGING", "PARKING", "TOILET"), "1-7 08:00-20:00", 120),
            new Site("110118001", "富民街货车司机暖心驿站", "WARM_STATION", "RESTAURANT", "富民街老字号面馆",
                    "密云区富民街 12 号", 40.376990, 116.843260,
                    List.of("DRINKING_WATER", "HOT_MEALS", "PARKING", "TOILET", "REST_SEATS"), "1-7 05:30-21:30", 240));

    private final StationRegistry registry;
    private final FundingRepository funding;
    private final OrgTree tree;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    StationDemoData(StationRegistry registry, FundingRepository funding, OrgTree tree, JdbcClient jdbc,
            TransactionTemplate transaction) {
        this.registry = registry;
        this.funding = funding;
        this.tree = tree;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM station)").query(Boolean.class).single()) {
            return;
        }
        OrgUnit city = tree.findByDivisionCode("110000").orElseThrow();
        ScopedPrincipal system = new ScopedPrincipal() {
            @Override
            public OrgScope scope() {
                return new OrgScope(city.id());
            }

            @Override
            public String username() {
                return "demo";
            }
        };
        int year = LocalDate.now().getYear();
        transaction.executeWithoutResult(status -> {
            for (int y : new int[] {2023, year}) {
                funding.saveStandard(null, y, "WORKERS_HOME_MODEL", Money.of("100000"));
                funding.saveStandard(null, y, "WORKERS_HOME_PUBLIC", Money.of("100000"));
                funding.saveStandard(null, y, "WORKERS_HOME_ENTERPRISE", Money.of("30000"));
                funding.saveStandard(null, y, "WARM_STATION", Money.of("2000"));
            }
            for (String district : List.of("110108", "110101", "110105", "110118")) {
                funding.saveBudget(tree.findByDivisionCode(district).orElseThrow().id(), year, Money.of("300000"));
            }
            for (int day = 1; day <= 7; day++) {
                jdbc.sql("INSERT INTO public_holiday (on_date, name) VALUES (:d, '国庆节') ON CONFLICT DO NOTHING")
                        .param("d", LocalDate.of(year, 10, day))
                        .update();
            }
            jdbc.sql("INSERT INTO public_holiday (on_date, name) VALUES (:d, '元旦') ON CONFLICT DO NOTHING")
                    .param("d", LocalDate.of(year, 1, 1))
                    .update();
        });
        for (Site site : SITES) {
            OrgUnit street = tree.findByDivisionCode(site.street()).orElseThrow();
            var station = registry.create(system, new StationInput(site.name(), site.kind(), street.id(), site.host(),
                    site.hostName(), site.address(), BigDecimal.valueOf(site.lat()), BigDecimal.valueOf(site.lng()),
                    "GCJ02", site.amenities(), site.parkingMinutes(), 20, site.kind().startsWith("WORKERS_HOME"),
                    "驿站管理员", "010-62550000", List.of(), site.hours(), null));
            registry.changeStatus(system, station.id(), StationStatus.BUILT);
            if (!site.name().contains("母婴")) {
                registry.changeStatus(system, station.id(), StationStatus.ACCEPTED);
            }
        }
        log.info("Demo stations loaded: {}", SITES.size());
    }
}

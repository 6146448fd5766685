package org.unionhub.seedcity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.common.IdNumber;
import org.unionhub.membership.domain.PersonalDataCipher;
import org.unionhub.organisation.OrgScope;
import org.unionhub.reporting.Funnel;
import org.unionhub.reporting.FunnelReport;
import org.unionhub.seedcity.domain.CityCalendar;
import org.unionhub.seedcity.domain.Figures;

/**
 * The seeds' city at 1/1000 of its figures, built once into the shared test database: the funnel (which the
 * reporting module computes from the events the records' modules published) shows exactly what the plan made, for
 * the city and for a district, to 2023-04-30 and on 2023-05-30; and the records themselves hold the same figures.
 * Other tests publish funnel events on days of those periods too, so the funnel is compared as it changed across the
 * build.
 */
@UnionHubTest
class SeedCityTests {

    private static final double SCALE = 0.001;
    private static final long SEED = 7;
    private static final String HAIDIAN = "110108";
    private static final LocalDate FROM = PlannedCity.FROM;
    private static final LocalDate DAY = CityCalendar.CAMPAIGN_DAY;

    /** The build and the funnels around it, made by the first test that runs. */
    private static Built once;

    private record Built(PlannedCity city, Figures cityBefore, Figures cityAfter, Figures districtBefore,
            Figures districtAfter, Figures dayBefore, Figures dayAfter, Figures districtDayBefore,
            Figures districtDayAfter, long sessionsBefore, long sessionsAfter) {
    }

    @Autowired
    SeedCity seedCity;

    @Autowired
    FunnelReport report;

    @Autowired
    TestTree tree;

    @Autowired
    PersonalDataCipher cipher;

    @BeforeEach
    void buildOnce() {
        if (once != null) {
            return;
        }
        long city = tree.org(TestTree.CITY);
        long haidian = tree.org(TestTree.HAIDIAN);
        Figures cityBefore = funnel(city, FROM, CityCalendar.AS_OF);
        Figures districtBefore = funnel(haidian, FROM, CityCalendar.AS_OF);
        Figures dayBefore = funnel(city, DAY, DAY);
        Figures districtDayBefore = funnel(haidian, DAY, DAY);
        long sessionsBefore = seedSessions();
        PlannedCity built = seedCity.build(SCALE, SEED).city();
        once = new Built(built, cityBefore, funnel(city, FROM, CityCalendar.AS_OF), districtBefore,
                funnel(haidian, FROM, CityCalendar.AS_OF), dayBefore, funnel(city, DAY, DAY), districtDayBefore,
                funnel(haidian, DAY, DAY), sessionsBefore, seedSessions());
    }

    @Test
    void cityFunnelToApril2023ShowsTheSeedsFiguresAtScaleExactly() {
        Figures made = once.city().cityToDate();
        assertThat(made).isEqualTo(new Figures(27, made.workersReached(), 610, 160, made.membersJoined(), 1_194, 17,
                22, 15));
        assertThat(made.workersReached()).isGreaterThan(made.consultations());
        assertThat(made.membersJoined()).isBetween(140L, 160L);
        assertThat(minus(once.cityAfter(), once.cityBefore())).isEqualTo(made);
    }

    @Test
    void districtFunnelShowsWhatThePlanMadeThere() {
        Figures made = once.city().district(HAIDIAN, FROM, CityCalendar.AS_OF);
        assertThat(made.workerSessions() + made.enterpriseSessions() + made.memberRecords()).isPositive();
        assertThat(minus(once.districtAfter(), once.districtBefore())).isEqualTo(made);
        assertThat(once.city().districtIds()).containsEntry(HAIDIAN, tree.org(TestTree.HAIDIAN)).hasSize(17);
    }

    @Test
    void funnelOfMay30ShowsTheCityWideDay() {
        Figures day = once.city().cityOnCampaignDay();
        assertThat(day.workerSessions()).isEqualTo(1);
        assertThat(day.workersReached()).isEqualTo(20);
        assertThat(day.membersJoined()).isEqualTo(5);
        assertThat(day.memberRecords()).isEqualTo(5);
        assertThat(minus(once.dayAfter(), once.dayBefore())).isEqualTo(day);
        assertThat(minus(once.districtDayAfter(), once.districtDayBefore()))
                .isEqualTo(once.city().district(HAIDIAN, DAY, DAY));
        assertThat(once.city().district(HAIDIAN, DAY, DAY).workerSessions()).as("中关村 holds the first site")
                .isEqualTo(1);
    }

    @Test
    void recordsHoldTheSameFiguresAsTheFunnel() {
        Figures made = once.city().cityToDate();
        JdbcClient jdbc = tree.jdbc();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM outreach_session
                         WHERE created_by = :by AND kind = 'WORKER' AND held_on BETWEEN :from AND :to
                        """).param("by", SeedCity.RECORDED_BY).param("from", FROM).param("to", CityCalendar.AS_OF)
                .query(Long.class).single()).isEqualTo(made.workerSessions());
        assertThat(jdbc.sql("""
                        SELECT coalesce(sum(c.count), 0) FROM outreach_consultation c
                          JOIN outreach_session s ON s.id = c.session_id
                         WHERE s.created_by = :by AND s.held_on BETWEEN :from AND :to
                        """).param("by", SeedCity.RECORDED_BY).param("from", FROM).param("to", CityCalendar.AS_OF)
                .query(Long.class).single()).isEqualTo(made.consultations());
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM membership_application
                         WHERE decided_by = :by AND session_code IS NOT NULL
                           AND created_at < TIMESTAMPTZ '2023-05-01 00:00:00+08'
                        """).param("by", SeedCity.RECORDED_BY).query(Long.class).single())
                .isEqualTo(made.applications());
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM member m JOIN member_history h ON h.member_id = m.id
                         WHERE h.by_user = :by AND h.from_status IS NULL AND m.joined_on BETWEEN :from AND :to
                        """).param("by", SeedCity.RECORDED_BY).param("from", FROM).param("to", CityCalendar.AS_OF)
                .query(Long.class).single()).isEqualTo(made.memberRecords());
        assertThat(jdbc.sql("SELECT count(DISTINCT enterprise_id) FROM enterprise_session_coverage WHERE recorded_by = :by")
                .param("by", SeedCity.RECORDED_BY).query(Long.class).single()).isEqualTo(made.enterprisesCovered());
        assertThat(jdbc.sql("SELECT count(*) FROM union_founding WHERE founded_by = :by")
                .param("by", SeedCity.RECORDED_BY).query(Long.class).single()).isEqualTo(made.unionsFounded());
    }

    @Test
    void membersCarryValidEncryptedIdentityNumbersAndPhonesOncePerPerson() {
        JdbcClient jdbc = tree.jdbc();
        List<byte[]> ids = jdbc.sql("""
                        SELECT m.id_number_enc FROM member m JOIN member_history h ON h.member_id = m.id
                         WHERE h.by_user = :by AND h.from_status IS NULL
                        """).param("by", SeedCity.RECORDED_BY).query((rs, n) -> rs.getBytes(1)).list();
        assertThat(ids).hasSize((int) (once.city().cityToDate().memberRecords()
                + once.city().cityOnCampaignDay().memberRecords()));
        assertThat(ids).allSatisfy(enc -> assertThat(new IdNumber(cipher.decrypt(enc)).value()).hasSize(18));
        assertThat(jdbc.sql("""
                        SELECT count(DISTINCT m.id_hash) = count(*) AND count(DISTINCT m.phone_enc) = count(*)
                          FROM member m JOIN member_history h ON h.member_id = m.id
                         WHERE h.by_user = :by AND h.from_status IS NULL
                        """).param("by", SeedCity.RECORDED_BY).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("""
                        SELECT bool_and(m.phone_masked ~ '^1[3-9][0-9]\\*{4}[0-9]{4}$')
                          FROM member m JOIN member_history h ON h.member_id = m.id WHERE h.by_user = :by
                        """).param("by", SeedCity.RECORDED_BY).query(Boolean.class).single()).isTrue();
    }

    @Test
    void refusesToBuildTheSameCityTwice() {
        assertThatThrownBy(() -> seedCity.build(SCALE, SEED)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("built in this database already");
        assertThat(once.sessionsAfter() - once.sessionsBefore())
                .isEqualTo(once.city().plan().workerSessions().size() + once.city().plan().enterpriseSessions().size());
        assertThat(seedSessions()).isEqualTo(once.sessionsAfter());
    }

    @Test
    void plansTheSameCityAgainWithoutStoringAnything() {
        PlannedCity again = seedCity.plan(SCALE, SEED);
        assertThat(again.plan().enterprises()).isEqualTo(once.city().plan().enterprises());
        assertThat(again.cityToDate()).isEqualTo(once.city().cityToDate());
        assertThat(again.cityOnCampaignDay()).isEqualTo(once.city().cityOnCampaignDay());
        assertThat(seedSessions()).isEqualTo(once.sessionsAfter());
    }

    private long seedSessions() {
        return tree.jdbc().sql("SELECT count(*) FROM outreach_session WHERE created_by = :by")
                .param("by", SeedCity.RECORDED_BY).query(Long.class).single();
    }

    private Figures funnel(long orgId, LocalDate from, LocalDate to) {
        Funnel f = report.funnel(new OrgScope(tree.org(TestTree.CITY)), orgId, from, to);
        return new Figures(f.workerSessions(), f.workersReached(), f.consultations(), f.applications(),
                f.membersJoined(), f.memberRecords(), f.enterpriseSessions(), f.enterprisesCovered(),
                f.unionsFounded());
    }

    private static Figures minus(Figures a, Figures b) {
        return new Figures(a.workerSessions() - b.workerSessions(), a.workersReached() - b.workersReached(),
                a.consultations() - b.consultations(), a.applications() - b.applications(),
                a.membersJoined() - b.membersJoined(), a.memberRecords() - b.memberRecords(),
                a.enterpriseSessions() - b.enterpriseSessions(), a.enterprisesCovered() - b.enterprisesCovered(),
                a.unionsFounded() - b.unionsFounded());
    }
}

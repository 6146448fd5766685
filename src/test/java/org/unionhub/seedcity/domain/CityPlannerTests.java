package org.unionhub.seedcity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionhub.common.CreditCode;
import org.unionhub.outreach.PipelineState;
import org.unionhub.seedcity.domain.CityPlan.Enterprise;
import org.unionhub.seedcity.domain.CityPlan.EnterpriseSession;
import org.unionhub.seedcity.domain.CityPlan.Visit;
import org.unionhub.seedcity.domain.CityPlan.WorkerSession;

class CityPlannerTests {

    private static final LocalDate FROM = LocalDate.of(2018, 1, 1);
    private static final List<CityUnit> UNITS = CityUnits.all();
    private static CityPlan city;

    @BeforeAll
    static void planTheRealCity() {
        city = CityPlanner.plan(UNITS, SeedFigures.SEEDS, 20_230_530L);
    }

    @Test
    void showsTheSeedsFiguresExactlyToTheEndOfApril2023() {
        Figures f = city.expected(city.city(), FROM, CityCalendar.AS_OF);
        assertThat(f.workerSessions()).isEqualTo(27_100);
        assertThat(f.consultations()).isEqualTo(609_800);
        assertThat(f.applications()).isEqualTo(160_100);
        assertThat(f.memberRecords()).isEqualTo(1_193_500);
        assertThat(f.enterpriseSessions()).isEqualTo(17_300);
        assertThat(f.enterprisesCovered()).isEqualTo(21_700);
        assertThat(f.unionsFounded()).isEqualTo(14_800);
        assertThat(f.membersJoined()).isBetween(150_000L, 160_100L);
        assertThat(f.workersReached()).isGreaterThan(f.consultations() + f.applications());
    }

    @Test
    void showsTheCityWideDayOfMay30() {
        Figures day = city.expected(city.city(), CityCalendar.CAMPAIGN_DAY, CityCalendar.CAMPAIGN_DAY);
        assertThat(day.workerSessions()).isEqualTo(350);
        assertThat(day.workersReached()).isEqualTo(19_800);
        assertThat(day.membersJoined()).isEqualTo(4_551);
        assertThat(day.memberRecords()).isEqualTo(4_551);
        assertThat(day.applications()).isGreaterThanOrEqualTo(4_551);
        assertThat(day.enterpriseSessions()).isZero();
        Set<Integer> sites = city.workerSessions().stream().filter(WorkerSession::campaignDay)
                .map(WorkerSession::unit).collect(Collectors.toSet());
        assertThat(sites).hasSize(UNITS.size());
        Figures may = city.expected(city.city(), CityCalendar.AS_OF.plusDays(1), CityCalendar.CAMPAIGN_DAY.minusDays(1));
        assertThat(may).isEqualTo(new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void beganWithTheElevenDistrictsAndTwentyStreetsOfThePilot() {
        List<WorkerSession> pilot = city.workerSessions().stream()
                .filter(s -> s.day().isBefore(CityCalendar.CITY_WIDE_FROM)).toList();
        assertThat(pilot).isNotEmpty();
        assertThat(pilot).allMatch(s -> !s.day().isBefore(CityCalendar.PILOT_STARTS));
        Set<Integer> pilotUnits = pilot.stream().map(WorkerSession::unit).collect(Collectors.toSet());
        assertThat(pilotUnits.size()).isBetween(100, CityPlanner.PILOT_UNITS);
        assertThat(pilotUnits.stream().map(u -> UNITS.stream().sorted(java.util.Comparator.comparing(CityUnit::key))
                .toList().get(u).districtKey()).collect(Collectors.toSet())).hasSize(11);
        Set<Integer> later = city.workerSessions().stream().filter(s -> !s.campaignDay())
                .filter(s -> !s.day().isBefore(CityCalendar.CITY_WIDE_FROM)).map(WorkerSession::unit)
                .collect(Collectors.toSet());
        assertThat(later).hasSize(UNITS.size());
    }

    @Test
    void holdsMoreSessionsInBigDistrictsAtLunchtimeOnWorkingDays() {
        Figures chaoyang = city.expected(city.district("110105"), FROM, CityCalendar.AS_OF);
        Figures yanqing = city.expected(city.district("110119"), FROM, CityCalendar.AS_OF);
        assertThat(chaoyang.workerSessions()).isGreaterThan(10 * yanqing.workerSessions());
        long lunchtime = city.workerSessions().stream()
                .filter(s -> s.starts().getHour() >= 11 && s.starts().getHour() < 13).count();
        assertThat(lunchtime).isGreaterThan(city.workerSessions().size() * 8L / 10);
        long onWorkingDays = city.workerSessions().stream().filter(s -> CityCalendar.isWorkingDay(s.day())).count();
        assertThat(onWorkingDays).isGreaterThan(city.workerSessions().size() * 9L / 10);
        Map<Integer, Long> byMonth = city.workerSessions().stream().filter(s -> s.day().getYear() == 2019)
                .collect(Collectors.groupingBy(s -> s.day().getMonthValue(), Collectors.counting()));
        assertThat(byMonth.get(2)).isLessThan(byMonth.get(5) / 2);
    }

    @Test
    void movesEveryEnterpriseForwardBeforeItFoundsItsUnion() {
        List<EnterpriseSession> sessions = city.enterpriseSessions();
        Set<Integer> coveredAtSession = new HashSet<>();
        for (Enterprise e : city.enterprises()) {
            LocalDate last = null;
            PipelineState state = null;
            for (Visit visit : e.visits()) {
                LocalDate day = sessions.get(visit.session()).day();
                assertThat(sessions.get(visit.session()).unit()).isEqualTo(e.unit());
                if (last != null) {
                    assertThat(day).isAfter(last);
                    assertThat(visit.outcome().ordinal()).isGreaterThanOrEqualTo(state.ordinal());
                }
                last = day;
                state = visit.outcome();
                coveredAtSession.add(visit.session());
            }
            if (e.founding() != null) {
                assertThat(e.founding().foundedOn()).isAfterOrEqualTo(last).isBeforeOrEqualTo(CityCalendar.AS_OF);
                if (e.founding().preparingOn() != null) {
                    assertThat(e.founding().preparingOn()).isAfter(last)
                            .isBeforeOrEqualTo(e.founding().foundedOn());
                }
                assertThat(CreditCode.parse(e.founding().unionCreditCode()).isGrassrootsUnion()).isTrue();
                assertThat(e.decline()).isNull();
            }
            if (e.decline() != null) {
                assertThat(e.decline().on()).isAfter(last).isBeforeOrEqualTo(CityCalendar.AS_OF);
            }
            assertThat(CreditCode.parse(e.creditCode()).value()).startsWith("91");
        }
        assertThat(coveredAtSession).hasSize(sessions.size());
        assertThat(city.enterprises().stream().map(Enterprise::creditCode).distinct()).hasSize(21_700);
    }

    @Test
    void importsRostersInBatchesAfterTheUnionsAreFounded() {
        assertThat(city.imports()).allMatch(i -> i.count() >= 1 && i.count() <= CityPlan.IMPORT_BATCH);
        assertThat(city.imports()).allMatch(i -> i.enterprise() == null
                || !i.on().isBefore(city.enterprises().get(i.enterprise()).founding().foundedOn()));
        assertThat(city.imports()).allMatch(i -> !i.on().isAfter(CityCalendar.AS_OF));
        long persons = city.persons();
        long used = city.workerSessions().stream().mapToLong(WorkerSession::applications).sum()
                + city.imports().stream().mapToLong(CityPlan.RosterImport::count).sum();
        assertThat(persons).isEqualTo(used);
    }

    @Test
    void isTheSamePlanForTheSameSeedAndAnotherForAnother() {
        CityPlan small = CityPlanner.plan(UNITS, SeedFigures.scaled(0.001), 7);
        CityPlan again = CityPlanner.plan(UNITS, SeedFigures.scaled(0.001), 7);
        CityPlan other = CityPlanner.plan(UNITS, SeedFigures.scaled(0.001), 8);
        assertThat(again.enterprises()).isEqualTo(small.enterprises());
        assertThat(again.imports()).isEqualTo(small.imports());
        assertThat(again.workerSessions().stream().map(WorkerSession::place).toList())
                .isEqualTo(small.workerSessions().stream().map(WorkerSession::place).toList());
        assertThat(other.enterprises()).isNotEqualTo(small.enterprises());
    }

    @Test
    void scalesTheFiguresDownWithTheSameShape() {
        CityPlan small = CityPlanner.plan(UNITS, SeedFigures.scaled(0.001), 7);
        Figures f = small.expected(small.city(), FROM, CityCalendar.AS_OF);
        assertThat(f).isEqualTo(new Figures(27, f.workersReached(), 610, 160, f.membersJoined(), 1_194, 17, 22, 15));
        Figures day = small.expected(small.city(), CityCalendar.CAMPAIGN_DAY, CityCalendar.CAMPAIGN_DAY);
        assertThat(day.workerSessions()).isEqualTo(1);
        assertThat(day.workersReached()).isEqualTo(20);
        assertThat(day.membersJoined()).isEqualTo(5);
    }
}

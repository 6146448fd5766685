package org.unionhub.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.membership.ApplicationSubmitted;
import org.unionhub.membership.MemberJoined;
import org.unionhub.membership.MembersImported;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.UnionFounded;
import org.unionhub.outreach.ConsultationsCounted;
import org.unionhub.outreach.EnterpriseCovered;
import org.unionhub.outreach.SessionCancelled;
import org.unionhub.outreach.SessionKind;
import org.unionhub.outreach.SessionPlanned;
import org.unionhub.outreach.WorkersReached;

/**
 * The funnel's read models, fed through the application's real publisher and listeners. Each test builds its own
 * district → street → unions under the city and uses days of its own, so that even the city's figures for those days
 * come from this test alone.
 */
@UnionHubTest
class FunnelProjectionTests {

    @Autowired
    TestTree data;

    @Autowired
    OrgTree tree;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FunnelReport report;

    @Autowired
    IncompleteEventPublications incomplete;

    FunnelEvents events;
    long city;
    OrgUnit district;
    OrgUnit street;
    OrgUnit joint;
    OrgUnit grassroots;

    @BeforeEach
    void freshSubtree() {
        events = new FunnelEvents(publisher, transactions, jdbc, report);
        city = data.org(TestTree.CITY);
        district = data.newNode(city, OrgKind.DISTRICT, "测试区总工会");
        street = data.newNode(district.id(), OrgKind.STREET, "测试街道总工会");
        joint = data.newNode(street.id(), OrgKind.JOINT, "测试街道联合工会");
        grassroots = data.newUnion(street.id());
    }

    @Test
    void everyFigureCountsAtItsNodeAndAtEveryAncestor() {
        LocalDate day = LocalDate.of(2019, 3, 7);
        SessionPlanned stall = FunnelEvents.session(SessionKind.WORKER, street, day, null);
        SessionPlanned visit = FunnelEvents.session(SessionKind.ENTERPRISE, street, day, null);
        SessionPlanned secondVisit = FunnelEvents.session(SessionKind.ENTERPRISE, street, day, null);
        OrgUnit founded = data.newUnion(street.id());
        events.publish(stall, visit, secondVisit);
        events.publish(
                new WorkersReached(stall.sessionId(), 20, day),
                new ConsultationsCounted(stall.sessionId(), "LEGAL", 7, day),
                new ConsultationsCounted(stall.sessionId(), "HEALTH", 3, day),
                new ConsultationsCounted(stall.sessionId(), "HEALTH", -1, day),
                new ApplicationSubmitted("A" + FunnelEvents.nextId(), joint.id(), joint.path(), stall.code(), day),
                new ApplicationSubmitted("A" + FunnelEvents.nextId(), joint.id(), joint.path(), null, day),
                new MemberJoined("M" + FunnelEvents.nextId(), joint.id(), joint.path(), stall.code(), "SESSION", day),
                new MemberJoined("M" + FunnelEvents.nextId(), joint.id(), joint.path(), null, "ONLINE", day),
                new MembersImported(grassroots.id(), grassroots.path(), 30, day),
                new EnterpriseCovered(visit.sessionId(), 501, day),
                new EnterpriseCovered(visit.sessionId(), 502, day),
                new EnterpriseCovered(secondVisit.sessionId(), 501, day),
                new UnionFounded(founded.id(), founded.path(), 502, day, visit.sessionId()));

        Funnel expected = new Funnel(0, "", day, day, 1, 20, 9, 1, 1, 32, 2, 2, 1);
        for (long node : new long[] {street.id(), district.id(), city}) {
            assertFigures(events.funnel(node, day), expected);
        }
        assertFigures(events.funnel(joint.id(), day), new Funnel(0, "", day, day, 0, 0, 0, 0, 0, 2, 0, 0, 0));
        assertFigures(events.funnel(grassroots.id(), day), new Funnel(0, "", day, day, 0, 0, 0, 0, 0, 30, 0, 0, 0));
        assertFigures(events.funnel(founded.id(), day), new Funnel(0, "", day, day, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void applicationsAndJoinsWithoutASessionStoreNoPublicationForTheSessionListeners() {
        LocalDate day = LocalDate.of(2019, 4, 2);
        SessionPlanned stall = FunnelEvents.session(SessionKind.WORKER, street, day, null);
        events.publish(stall);
        String online = "A" + FunnelEvents.nextId();
        String onSite = "A" + FunnelEvents.nextId();
        String onlineMember = "M" + FunnelEvents.nextId();
        String onSiteMember = "M" + FunnelEvents.nextId();
        events.publish(new ApplicationSubmitted(online, joint.id(), joint.path(), null, day),
                new ApplicationSubmitted(onSite, joint.id(), joint.path(), stall.code(), day),
                new MemberJoined(onlineMember, joint.id(), joint.path(), null, "ONLINE", day),
                new MemberJoined(onSiteMember, joint.id(), joint.path(), stall.code(), "SESSION", day));

        assertThat(listenersOf(online)).isEmpty();
        assertThat(listenersOf(onSite)).containsExactlyInAnyOrder(
                "org.unionhub.reporting.FunnelProjection.on(org.unionhub.membership.ApplicationSubmitted)",
                "org.unionhub.outreach.SessionArrivals.on(org.unionhub.membership.ApplicationSubmitted)");
        assertThat(listenersOf(onlineMember)).containsExactlyInAnyOrder(
                "org.unionhub.reporting.FunnelProjection.on(org.unionhub.membership.MemberJoined)",
                "org.unionhub.membership.card.CardRequestListener.on(org.unionhub.membership.MemberJoined)");
        assertThat(listenersOf(onSiteMember)).containsExactlyInAnyOrder(
                "org.unionhub.reporting.FunnelProjection.on(org.unionhub.membership.MemberJoined)",
                "org.unionhub.membership.card.CardRequestListener.on(org.unionhub.membership.MemberJoined)",
                "org.unionhub.outreach.SessionArrivals.on(org.unionhub.membership.MemberJoined)");
        assertThat(events.funnel(street.id(), day).applications()).isEqualTo(1);
    }

    private List<String> listenersOf(String number) {
        return jdbc.sql("SELECT listener_id FROM event_publication WHERE serialized_event LIKE :number")
                .param("number", "%\"" + number + "\"%").query(String.class).list();
    }

    @Test
    void aRedeliveredEventCountsOnce() {
        Instant start = Instant.now();
        LocalDate day = LocalDate.of(2019, 4, 11);
        SessionPlanned stall = FunnelEvents.session(SessionKind.WORKER, street, day, 77L);
        SessionPlanned visit = FunnelEvents.session(SessionKind.ENTERPRISE, street, day, null);
        OrgUnit founded = data.newUnion(street.id());
        Object[] keyed = {stall, visit,
                new ApplicationSubmitted("A" + FunnelEvents.nextId(), joint.id(), joint.path(), stall.code(), day),
                new MemberJoined("M" + FunnelEvents.nextId(), joint.id(), joint.path(), stall.code(), "SESSION", day),
                new EnterpriseCovered(visit.sessionId(), 601, day),
                new UnionFounded(founded.id(), founded.path(), 601, day, visit.sessionId()),
                new WorkersReached(stall.sessionId(), 12, day),
                new ConsultationsCounted(stall.sessionId(), "LEGAL", 5, day),
                new MembersImported(grassroots.id(), grassroots.path(), 30, day)};
        events.publishEach(keyed);
        Funnel once = events.funnel(district.id(), day);
        assertFigures(once, new Funnel(0, "", day, day, 1, 12, 5, 1, 1, 31, 1, 1, 1));

        events.publishEach(keyed);
        assertFigures(events.funnel(district.id(), day), once);

        // as after a crash between the listener's commit and the registry's bookkeeping: the registry hands over
        // again every publication it holds as incomplete
        Instant since = Instant.now();
        jdbc.sql("""
                        UPDATE event_publication SET completion_date = NULL
                         WHERE listener_id LIKE 'org.unionhub.reporting.%' AND publication_date >= :start
                        """).param("start", Timestamp.from(start)).update();
        incomplete.resubmitIncompletePublications(publication -> true);
        events.awaitHandledSince(since.minusSeconds(3600));
        assertFigures(events.funnel(district.id(), day), once);
        assertThat(jdbc.sql("SELECT count(*) FROM funnel_session_day WHERE session_id = :id")
                .param("id", stall.sessionId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCancelledSessionNoLongerCountsAnywhere() {
        LocalDate day = LocalDate.of(2019, 5, 16);
        SessionPlanned stall = FunnelEvents.session(SessionKind.WORKER, street, day, null);
        SessionPlanned visit = FunnelEvents.session(SessionKind.ENTERPRISE, street, day, null);
        events.publish(stall, visit);
        events.publish(new WorkersReached(stall.sessionId(), 12, day),
                new ConsultationsCounted(stall.sessionId(), "LEGAL", 4, day),
                new ApplicationSubmitted("A" + FunnelEvents.nextId(), joint.id(), joint.path(), stall.code(),
                        day.plusDays(1)),
                new MemberJoined("M" + FunnelEvents.nextId(), joint.id(), joint.path(), stall.code(), "SESSION",
                        day.plusDays(2)),
                new EnterpriseCovered(visit.sessionId(), 701, day));
        assertFigures(events.funnel(district.id(), day, day.plusDays(2)),
                new Funnel(0, "", day, day, 1, 12, 4, 1, 1, 1, 1, 1, 0));

        events.publishEach(new SessionCancelled(stall.sessionId()), new SessionCancelled(visit.sessionId()),
                new SessionCancelled(stall.sessionId()));
        events.publish(new WorkersReached(stall.sessionId(), 5, day), new EnterpriseCovered(visit.sessionId(), 702,
                day));
        // the member stays a member's record of the joint union; nothing of the sessions is left
        Funnel expected = new Funnel(0, "", day, day, 0, 0, 0, 0, 0, 1, 0, 0, 0);
        for (long node : new long[] {street.id(), district.id(), city}) {
            assertFigures(events.funnel(node, day, day.plusDays(2)), expected);
        }
    }

    @Test
    void whatArrivesBeforeItsSessionCountsOnceTheSessionIsKnown() {
        LocalDate day = LocalDate.of(2019, 6, 20);
        SessionPlanned stall = FunnelEvents.session(SessionKind.WORKER, street, day, null);
        SessionPlanned visit = FunnelEvents.session(SessionKind.ENTERPRISE, street, day, null);
        events.publish(new WorkersReached(stall.sessionId(), 9, day),
                new ApplicationSubmitted("A" + FunnelEvents.nextId(), joint.id(), joint.path(), stall.code(), day),
                new MemberJoined("M" + FunnelEvents.nextId(), joint.id(), joint.path(), stall.code(), "SESSION", day),
                new EnterpriseCovered(visit.sessionId(), 801, day));
        assertFigures(events.funnel(street.id(), day), new Funnel(0, "", day, day, 0, 0, 0, 0, 0, 1, 0, 0, 0));

        events.publish(stall, visit);
        assertFigures(events.funnel(district.id(), day), new Funnel(0, "", day, day, 1, 9, 0, 1, 1, 1, 1, 1, 0));
    }

    @Test
    void theFiguresFollowASubtreeThatMoves() {
        LocalDate day = LocalDate.of(2019, 7, 4);
        OrgUnit otherDistrict = data.newNode(city, OrgKind.DISTRICT, "测试区总工会");
        SessionPlanned stall = FunnelEvents.session(SessionKind.WORKER, street, day, null);
        String oldJointPath = joint.path();
        events.publish(stall);
        events.publish(new WorkersReached(stall.sessionId(), 15, day),
                new MemberJoined("M" + FunnelEvents.nextId(), joint.id(), joint.path(), stall.code(), "SESSION", day),
                new MembersImported(grassroots.id(), grassroots.path(), 4, day));
        Funnel before = events.funnel(street.id(), day);
        assertFigures(before, new Funnel(0, "", day, day, 1, 15, 0, 0, 1, 5, 0, 0, 0));

        Instant since = Instant.now();
        tree.move(new OrgScope(city), street.id(), otherDistrict.id(), "admin", "区划调整");
        events.awaitHandledSince(since);
        Funnel none = new Funnel(0, "", day, day, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertFigures(events.funnel(district.id(), day), none);
        assertFigures(events.funnel(otherDistrict.id(), day), before);
        assertFigures(events.funnel(street.id(), day), before);
        assertFigures(events.funnel(city, day), before);

        // an event that still carries the path from before the move lands where the union is now
        events.publish(new MembersImported(joint.id(), oldJointPath, 10, day));
        assertThat(events.funnel(otherDistrict.id(), day).memberRecords()).isEqualTo(15);
        assertThat(events.funnel(district.id(), day).memberRecords()).isZero();
        assertThat(events.funnel(joint.id(), day).memberRecords()).isEqualTo(11);
    }

    @Test
    void aPeriodSumsItsOwnDaysOnly() {
        LocalDate first = LocalDate.of(2019, 8, 30);
        LocalDate second = LocalDate.of(2019, 9, 2);
        LocalDate third = LocalDate.of(2019, 10, 15);
        events.publish(FunnelEvents.session(SessionKind.WORKER, street, first, null),
                FunnelEvents.session(SessionKind.WORKER, street, second, null),
                FunnelEvents.session(SessionKind.WORKER, street, second, null),
                FunnelEvents.session(SessionKind.WORKER, street, third, null),
                new MembersImported(joint.id(), joint.path(), 100, first),
                new MembersImported(joint.id(), joint.path(), 20, third));
        assertThat(events.funnel(district.id(), first).workerSessions()).isEqualTo(1);
        assertThat(events.funnel(district.id(), first, second).workerSessions()).isEqualTo(3);
        assertThat(events.funnel(district.id(), second, third).workerSessions()).isEqualTo(3);
        assertThat(events.funnel(district.id(), second, third).memberRecords()).isEqualTo(20);
        assertThat(events.funnel(district.id(), first.plusDays(1), second.minusDays(1)).workerSessions()).isZero();

        FunnelBreakdown breakdown = report.breakdown(new OrgScope(city), district.id(), first, third);
        assertThat(breakdown.months()).extracting(Funnel::from).containsExactly(first, LocalDate.of(2019, 9, 1),
                LocalDate.of(2019, 10, 1));
        assertThat(breakdown.months()).extracting(Funnel::to).containsExactly(LocalDate.of(2019, 8, 31),
                LocalDate.of(2019, 9, 30), third);
        assertThat(breakdown.months()).extracting(Funnel::workerSessions).containsExactly(1L, 2L, 1L);
        assertThat(breakdown.months()).extracting(Funnel::memberRecords).containsExactly(100L, 0L, 20L);
        assertThat(breakdown.children()).extracting(Funnel::orgId).containsExactly(street.id());
        assertThat(breakdown.children().get(0).workerSessions()).isEqualTo(4);
    }

    @Test
    void enterprisesCoveredAreDistinctOverThePeriodAndPerChild() {
        LocalDate day = LocalDate.of(2019, 11, 5);
        OrgUnit secondStreet = data.newNode(district.id(), OrgKind.STREET, "测试街道总工会");
        SessionPlanned here = FunnelEvents.session(SessionKind.ENTERPRISE, street, day, null);
        SessionPlanned there = FunnelEvents.session(SessionKind.ENTERPRISE, secondStreet, day.plusDays(40), null);
        events.publish(here, there);
        events.publish(new EnterpriseCovered(here.sessionId(), 901, day),
                new EnterpriseCovered(here.sessionId(), 902, day),
                new EnterpriseCovered(there.sessionId(), 902, day.plusDays(40)),
                new EnterpriseCovered(there.sessionId(), 903, day.plusDays(40)));
        assertThat(events.funnel(district.id(), day, day.plusDays(40)).enterprisesCovered()).isEqualTo(3);
        assertThat(events.funnel(district.id(), day).enterprisesCovered()).isEqualTo(2);
        FunnelBreakdown breakdown = report.breakdown(new OrgScope(city), district.id(), day, day.plusDays(40));
        assertThat(breakdown.total().enterprisesCovered()).isEqualTo(3);
        assertThat(breakdown.children()).extracting(Funnel::enterprisesCovered).containsExactly(2L, 2L);
        assertThat(breakdown.months()).extracting(Funnel::enterprisesCovered).containsExactly(2L, 2L);

        // a visit by the district union itself counts for the district and its month, for no child
        SessionPlanned own = FunnelEvents.session(SessionKind.ENTERPRISE, district, day, null);
        events.publish(own);
        events.publish(new EnterpriseCovered(own.sessionId(), 904, day));
        FunnelBreakdown withOwn = report.breakdown(new OrgScope(city), district.id(), day, day.plusDays(40));
        assertThat(withOwn.total().enterprisesCovered()).isEqualTo(4);
        assertThat(withOwn.children()).extracting(Funnel::enterprisesCovered).containsExactly(2L, 2L);
        assertThat(withOwn.months()).extracting(Funnel::enterprisesCovered).containsExactly(3L, 2L);
    }

    @Test
    void handlersRunningAtOnceNeitherDeadlockNorLoseACount() throws Exception {
        LocalDate day = LocalDate.of(2019, 12, 9);
        OrgUnit otherStreet = data.newNode(district.id(), OrgKind.STREET, "测试街道总工会");
        SessionPlanned here = FunnelEvents.session(SessionKind.WORKER, street, day, null);
        SessionPlanned there = FunnelEvents.session(SessionKind.WORKER, otherStreet, day, null);
        events.publish(here, there);
        List<Object> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            SessionPlanned session = i % 2 == 0 ? here : there;
            LocalDate on = day.plusDays(i % 3);
            burst.add(new WorkersReached(session.sessionId(), 2, on));
            burst.add(new ConsultationsCounted(session.sessionId(), "LEGAL", 1, on));
            burst.add(new ApplicationSubmitted("A" + FunnelEvents.nextId(), joint.id(), joint.path(), session.code(),
                    on));
            burst.add(new MemberJoined("M" + FunnelEvents.nextId(), joint.id(), joint.path(), session.code(),
                    "SESSION", on));
            burst.add(new MembersImported(grassroots.id(), grassroots.path(), 1, on));
        }
        Instant since = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<?> f : pool.invokeAll(burst.stream().map(event -> (Callable<Object>) () -> {
                transactions.executeWithoutResult(status -> publisher.publishEvent(event));
                return null;
            }).toList())) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        events.awaitHandledSince(since);
        assertFigures(events.funnel(district.id(), day, day.plusDays(2)),
                new Funnel(0, "", day, day, 2, 40, 20, 20, 20, 40, 0, 0, 0));
        assertFigures(events.funnel(street.id(), day, day.plusDays(2)),
                new Funnel(0, "", day, day, 1, 20, 10, 10, 10, 40, 0, 0, 0));
    }

    private static void assertFigures(Funnel actual, Funnel expected) {
        assertThat(actual).usingRecursiveComparison().comparingOnlyFields("workerSessions", "workersReached",
                "consultations", "applications", "membersJoined", "memberRecords", "enterpriseSessions",
                "enterprisesCovered", "unionsFounded").isEqualTo(expected);
    }
}

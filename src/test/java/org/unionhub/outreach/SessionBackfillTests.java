package org.unionhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.unionhub.TestTree;
import org.unionhub.UnionHubTest;
import org.unionhub.common.ValidationFailure;
import org.unionhub.common.Violation;
import org.unionhub.outreach.SessionBackfill.HeldSession;
import org.unionhub.outreach.SessionBackfill.Recorded;

/**
 * Recording sessions that already took place, in bulk: stored closed with their tallies, announced with the live
 * path's events dated the session's day; codes drawn from the caller's generator, drawn again when taken; a broken rule
 * names the session and stores nothing.
 */
@UnionHubTest
@RecordApplicationEvents
class SessionBackfillTests {

    private static final LocalDate DAY = LocalDate.of(2019, 6, 12);

    @Autowired
    SessionBackfill backfill;

    @Autowired
    TestTree data;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Clock clock;

    @Test
    void recordsHeldSessionsClosedWithTheirTalliesAndAnnouncesThemDatedTheirDay() {
        long street = data.org(TestTree.ZHONGGUANCUN_STREET);
        Map<String, Integer> consultations = new LinkedHashMap<>();
        consultations.put("JOINING", 12);
        consultations.put("LEGAL", 5);
        consultations.put("HEALTH", 0);
        List<Recorded> recorded = backfill.recordHeld("backfill-test", List.of(
                worker(street, DAY, 40, consultations),
                new HeldSession(SessionKind.ENTERPRISE, street, null, "中关村企业沟通会", "街道工会会议室", null, null,
                        at(DAY.plusDays(1), 10), at(DAY.plusDays(1), 11), List.of("李强"), List.of(), 0, Map.of())),
                new Random(1));

        assertThat(recorded).hasSize(2);
        assertThat(recorded.get(0).code()).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}")
                .isNotEqualTo(recorded.get(1).code());
        Map<String, Object> session = data.jdbc().sql("SELECT * FROM outreach_session WHERE id = :id")
                .param("id", recorded.get(0).sessionId()).query().singleRow();
        assertThat(session).containsEntry("status", "CLOSED").containsEntry("kind", "WORKER")
                .containsEntry("workers_reached", 40).containsEntry("created_by", "backfill-test")
                .containsEntry("closed_by", "backfill-test").containsEntry("org_id", street);
        assertThat(data.jdbc().sql("SELECT topic || '=' || count FROM outreach_consultation WHERE session_id = :id"
                        + " ORDER BY topic").param("id", recorded.get(0).sessionId()).query(String.class).list())
                .containsExactly("JOINING=12", "LEGAL=5");

        assertThat(events.stream(SessionPlanned.class).filter(p -> isOneOf(p.sessionId(), recorded)))
                .extracting(SessionPlanned::kind, SessionPlanned::heldOn, SessionPlanned::orgId)
                .containsExactly(tuple(SessionKind.WORKER, DAY, street),
                        tuple(SessionKind.ENTERPRISE, DAY.plusDays(1), street));
        assertThat(events.stream(WorkersReached.class).filter(r -> isOneOf(r.sessionId(), recorded)))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("key")
                .containsExactly(new WorkersReached(recorded.get(0).sessionId(), 40, DAY));
        assertThat(events.stream(ConsultationsCounted.class).filter(c -> isOneOf(c.sessionId(), recorded)))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("key")
                .containsExactly(new ConsultationsCounted(recorded.get(0).sessionId(), "JOINING", 12, DAY),
                        new ConsultationsCounted(recorded.get(0).sessionId(), "LEGAL", 5, DAY));
    }

    @Test
    void drawsACodeAgainWhenTheSeededOneIsTaken() {
        long street = data.org(TestTree.ZHONGGUANCUN_STREET);
        Recorded first = backfill.recordHeld("backfill-test", List.of(worker(street, DAY, 3, Map.of())),
                new Random(7)).get(0);
        Recorded second = backfill.recordHeld("backfill-test", List.of(worker(street, DAY, 3, Map.of())),
                new Random(7)).get(0);

        assertThat(second.code()).isNotEqualTo(first.code());
        assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
    }

    @Test
    void namesEachBrokenRuleBySessionAndStoresNothing() {
        long street = data.org(TestTree.ZHONGGUANCUN_STREET);
        long before = sessions();
        HeldSession backwards = new HeldSession(SessionKind.WORKER, street, null, "职工沟通会", "广场", null, null,
                at(DAY, 13), at(DAY, 11), List.of(), List.of(), 5, Map.of());
        HeldSession future = new HeldSession(SessionKind.WORKER, street, null, "职工沟通会", "广场", null, null,
                OffsetDateTime.now(clock).plusDays(1), OffsetDateTime.now(clock).plusDays(1).plusHours(2), List.of(),
                List.of(), 5, Map.of());
        HeldSession enterpriseWithCounts = new HeldSession(SessionKind.ENTERPRISE, street, null, " ", "会议室", null,
                null, at(DAY, 10), at(DAY, 11), List.of(), List.of(), 0, Map.of("LEGAL", 2));

        assertThatThrownBy(() -> backfill.recordHeld("backfill-test", List.of(worker(street, DAY, 4, Map.of()),
                backwards, worker(street, DAY, 4, Map.of("ASTROLOGY", 1)), future, enterpriseWithCounts,
                worker(TestTree.MISSING_ID, DAY, 1, Map.of())), new Random(3)))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.violations())
                        .containsExactlyInAnyOrder(new Violation("sessions[1].endsAt", "ENDS_BEFORE_START"),
                                new Violation("sessions[2].consultations", "UNKNOWN_CODE"),
                                new Violation("sessions[3].endsAt", "SESSION_NOT_HELD_YET"),
                                new Violation("sessions[4].title", "REQUIRED"),
                                new Violation("sessions[4].consultations", "WORKER_SESSIONS_ONLY"),
                                new Violation("sessions[5].orgId", "NOT_FOUND")));
        assertThat(sessions()).isEqualTo(before);
    }

    private HeldSession worker(long orgId, LocalDate day, int reached, Map<String, Integer> consultations) {
        return new HeldSession(SessionKind.WORKER, orgId, null, "中关村午间职工沟通会", "中关村广场",
                new BigDecimal("39.983000"), new BigDecimal("116.316000"), at(day, 11), at(day, 13),
                List.of("王芳", "李强"), List.of("北京银行服务台"), reached, consultations);
    }

    private OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 30).atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
    }

    private long sessions() {
        return data.count("outreach_session");
    }

    private static boolean isOneOf(long sessionId, List<Recorded> recorded) {
        return recorded.stream().anyMatch(r -> r.sessionId() == sessionId);
    }
}

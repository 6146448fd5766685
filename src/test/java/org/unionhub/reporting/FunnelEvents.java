package org.unionhub.reporting;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.outreach.SessionKind;
import org.unionhub.outreach.SessionPlanned;

/**
 * Publishes events the way their modules do (through the application's publisher, inside a transaction, so that the
 * registry records them and the listeners run after the commit, each in its own transaction) and waits until the
 * funnel's listeners have handled every event published since. Figures are read as the federation admin sees them.
 */
class FunnelEvents {

    private static final AtomicLong SERIAL = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));

    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final FunnelReport report;

    FunnelEvents(ApplicationEventPublisher publisher, TransactionTemplate transactions, JdbcClient jdbc,
            FunnelReport report) {
        this.publisher = publisher;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.report = report;
    }

    static long nextId() {
        return SERIAL.incrementAndGet();
    }

    static String nextCode() {
        return "T" + SERIAL.incrementAndGet();
    }

    /** A worker or enterprise session of {@code org}, held on {@code day}, in {@code campaign} (may be null). */
    static SessionPlanned session(SessionKind kind, OrgUnit org, LocalDate day, Long campaign) {
        return new SessionPlanned(nextId(), nextCode(), kind, org.id(), org.path(), campaign, day);
    }

    /** Publishes the events in one transaction and waits until the funnel has handled them. */
    void publish(Object... events) {
        Instant since = Instant.now().minusMillis(1);
        transactions.executeWithoutResult(status -> List.of(events).forEach(publisher::publishEvent));
        awaitHandledSince(since);
    }

    /** Each event in a transaction of its own, in order, waiting for each. */
    void publishEach(Object... events) {
        for (Object event : events) {
            publish(event);
        }
    }

    void awaitHandledSince(Instant since) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM event_publication
                         WHERE completion_date IS NULL AND publication_date >= :since
                           AND listener_id LIKE 'org.unionhub.reporting.%'
                        """).param("since", Timestamp.from(since)).query(Long.class).single() == 0);
    }

    Funnel funnel(long orgId, LocalDate from, LocalDate to) {
        return report.funnel(cityScope(), orgId, from, to);
    }

    Funnel funnel(long orgId, LocalDate day) {
        return funnel(orgId, day, day);
    }

    private OrgScope cityScope() {
        return new OrgScope(jdbc.sql("SELECT id FROM org_unit WHERE parent_id IS NULL").query(Long.class).single());
    }
}

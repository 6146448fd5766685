package org.unionhub.seedcity;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * How far the event listeners are behind: the application's task executor runs them (each in its own transaction,
 * after the publishing transaction committed), so its queue is the backlog. The generator waits while the queue is
 * long, so that memory stays flat, and at the end until every listener has run; a publication a listener failed on
 * (a deadlock, say) is handed over once more before the build is called incomplete.
 */
@Component
class ListenerBacklog {

    private static final Logger log = LoggerFactory.getLogger(ListenerBacklog.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final ThreadPoolTaskExecutor executor;
    private final IncompleteEventPublications incomplete;

    ListenerBacklog(@Qualifier("applicationTaskExecutor") ThreadPoolTaskExecutor executor,
            IncompleteEventPublications incomplete) {
        this.executor = executor;
        this.incomplete = incomplete;
    }

    /** Waits while more than {@code queued} listener calls wait to run. */
    void awaitBelow(int queued) {
        while (executor.getQueueSize() > queued) {
            pause();
        }
    }

    /**
     * Waits until no listener call is queued or running, resubmits once what failed since {@code since}, and fails
     * when something is still not handled after that.
     */
    void awaitHandled(Instant since) {
        awaitIdle();
        long failed = incompleteSince(since, true);
        if (failed > 0) {
            log.warn("{} event publications failed; handed over once more", failed);
            awaitIdle();
            long left = incompleteSince(since, false);
            if (left > 0) {
                throw new IllegalStateException(left + " event publications are still not handled");
            }
        }
    }

    private void awaitIdle() {
        while (executor.getQueueSize() > 0 || executor.getActiveCount() > 0) {
            pause();
        }
    }

    /** Counts the incomplete publications since {@code since}, handing them over again when {@code resubmit}. */
    private long incompleteSince(Instant since, boolean resubmit) {
        AtomicLong count = new AtomicLong();
        incomplete.resubmitIncompletePublications(p -> {
            boolean ours = !p.getPublicationDate().isBefore(since);
            if (ours) {
                count.incrementAndGet();
            }
            return ours && resubmit;
        });
        return count.get();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the event listeners", e);
        }
    }
}

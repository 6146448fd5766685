package org.unionhub.membership.imports;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs import jobs in the background, one at a time on a thread of its own: at start-up (so a job that was in flight
 * when the application stopped or crashed resumes), every {@code unionhub.member-imports.poll-every}, and at once when
 * a job is asked for. Stopping lets the batch in flight commit and then stops; a validation in flight is abandoned
 * and redone by the next worker.
 */
@Component
class ImportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    private static final long STOP_WAIT_SECONDS = 60;

    private final ImportJobs jobs;
    private final ImportProperties properties;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    ImportWorker(ImportJobs jobs, ImportProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "member-import-worker"));
            executor.scheduleWithFixedDelay(this::poll, 0, properties.pollEvery().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("Member import worker: the job in flight did not stop in {} s", STOP_WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** Looks for work now rather than at the next poll. */
    void nudge() {
        ScheduledExecutorService current = executor;
        if (running.get() && nudged.compareAndSet(false, true)) {
            try {
                current.execute(this::poll);
            } catch (RejectedExecutionException e) {
                nudged.set(false);
            }
        }
    }

    /** Works through the waiting jobs; one that fails is left for the next poll, the others go on. */
    private void poll() {
        nudged.set(false);
        Set<Long> failed = new HashSet<>();
        while (running.get()) {
            var claim = jobs.claimNext(failed);
            if (claim.isEmpty()) {
                return;
            }
            try (var job = claim.get()) {
                jobs.work(job, running::get);
            } catch (ImportJobs.Stopped e) {
                return;
            } catch (RuntimeException e) {
                failed.add(claim.get().id());
                log.warn("Member import {}: the job failed and will be taken up again ({})", claim.get().id(),
                        e.toString());
            }
        }
    }
}

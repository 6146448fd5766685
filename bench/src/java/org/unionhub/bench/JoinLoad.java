package org.unionhub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator: joins over HTTP, where a join is the worker's {@code POST /api/v1/membership-applications}
 * followed by the staff member's {@code POST /api/v1/membership-applications/{no}/approve}, each on a keep-alive
 * connection of the thread that runs it.
 *
 * <p>Closed loop ({@link #closedLoop}): {@code clients} threads each start the next join as soon as their last one is
 * answered, for a given time; the throughput is the most the app gives at that concurrency. Open loop
 * ({@link #openLoop}): joins are due at a fixed rate whatever happens, handed to the first free one of a pool of
 * connections, and a join's latency counts from when it was due, not from when a connection was free to send it, so a
 * stall shows in full in the percentiles instead of holding the generator back (no coordinated omission).
 */
final class JoinLoad {

    private static final Pattern APPLICATION_NO = Pattern.compile("\"applicationNo\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MEMBER_NO = Pattern.compile("\"memberNo\"\\s*:\\s*\"M\\d+\"");
    /** Open loop: after the last join was due, how long the ones still running or waiting get to finish. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(15);

    /** What one measurement gives; {@code unfinished} joins (open loop) count in {@code joins} at their wait so far. */
    record Result(Latencies joins, Latencies submits, Latencies approves, long completed, long unfinished,
            double seconds, Map<String, Long> failures) {

        double perSecond() {
            return completed / seconds;
        }
    }

    private final String host;
    private final int port;
    private final Applicants applicants;
    private final String runId;
    private final String staffAuthorization;
    private final AtomicLong next = new AtomicLong();

    JoinLoad(String host, int port, Applicants applicants, String runId, String staffUsername, String staffPassword) {
        this.host = host;
        this.port = port;
        this.applicants = applicants;
        this.runId = runId;
        this.staffAuthorization = "Authorization: Basic " + Base64.getEncoder().encodeToString(
                (staffUsername + ":" + staffPassword).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /** Joins so far, over every measurement of this run (each had a new applicant). */
    long started() {
        return next.get();
    }

    /** One join, as a check: the submit's and the approval's answers. */
    List<HttpConnection.Response> joinOnce() throws IOException {
        try (HttpConnection connection = new HttpConnection(host, port)) {
            long n = next.getAndIncrement();
            HttpConnection.Response submitted = connection.post("/api/v1/membership-applications",
                    "Idempotency-Key: " + key(n) + "\r\n", applicants.json(n));
            Matcher no = APPLICATION_NO.matcher(submitted.body());
            if (submitted.status() != 201 || !no.find()) {
                return List.of(submitted);
            }
            return List.of(submitted, connection.post("/api/v1/membership-applications/" + no.group(1) + "/approve",
                    staffAuthorization, null));
        }
    }

    /** {@code clients} threads joining back to back for {@code seconds}. */
    Result closedLoop(int clients, double seconds) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(clients + 1);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Worker worker = new Worker();
            workers.add(worker);
            Thread thread = new Thread(() -> {
                try (HttpConnection connection = new HttpConnection(host, port)) {
                    start.await();
                    long deadline = System.nanoTime() + (long) (seconds * 1e9);
                    while (System.nanoTime() < deadline) {
                        long begun = System.nanoTime();
                        worker.join(connection, begun, begun);
                    }
                } catch (Exception e) {
                    worker.fail(e);
                }
            }, "closed-loop-" + i);
            worker.thread = thread;
            thread.start();
        }
        try {
            start.await();
        } catch (java.util.concurrent.BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
        long begun = System.nanoTime();
        for (Worker worker : workers) {
            worker.thread.join();
        }
        return merge(workers, (System.nanoTime() - begun) / 1e9, 0);
    }

    /**
     * Joins due every {@code 1/rate} seconds for {@code seconds}, run by the first free of {@code connections}
     * threads; latency from the moment each was due.
     */
    Result openLoop(double rate, double seconds, int connections) throws InterruptedException {
        long count = (long) (rate * seconds);
        BlockingQueue<Long> due = new ArrayBlockingQueue<>((int) count + connections);
        List<Worker> workers = new ArrayList<>();
        long begun = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long giveUpAt = begun + (long) (seconds * 1e9) + GRACE_NANOS;
        for (int i = 0; i < connections; i++) {
            Worker worker = new Worker();
            workers.add(worker);
            Thread thread = new Thread(() -> {
                try (HttpConnection connection = new HttpConnection(host, port)) {
                    for (long intended = due.take(); intended >= 0; intended = due.take()) {
                        if (System.nanoTime() > giveUpAt) {
                            worker.unfinished(intended, giveUpAt);
                            continue;
                        }
                        worker.join(connection, intended, System.nanoTime());
                    }
                } catch (Exception e) {
                    worker.fail(e);
                }
            }, "open-loop-" + i);
            worker.thread = thread;
            thread.start();
        }
        double interval = 1e9 / rate;
        for (long i = 0; i < count; i++) {
            long intended = begun + (long) (i * interval);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            due.add(intended);
        }
        for (int i = 0; i < connections; i++) {
            due.add(-1L);
        }
        for (Worker worker : workers) {
            worker.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(giveUpAt - System.nanoTime()) + 60_000));
            if (worker.thread.isAlive()) {
                throw new IllegalStateException("A connection still waits for the app 60 s after the grace period");
            }
        }
        return merge(workers, seconds, count);
    }

    private Result merge(List<Worker> workers, double seconds, long scheduled) {
        Latencies joins = new Latencies();
        Latencies submits = new Latencies();
        Latencies approves = new Latencies();
        Map<String, Long> failures = new TreeMap<>();
        long completed = 0;
        long unfinished = 0;
        for (Worker worker : workers) {
            joins.addAll(worker.joins);
            submits.addAll(worker.submits);
            approves.addAll(worker.approves);
            completed += worker.completed;
            unfinished += worker.unfinished;
            worker.failures.forEach((what, n) -> failures.merge(what, n, Long::sum));
        }
        if (scheduled > 0 && completed + unfinished + failures.values().stream().mapToLong(Long::longValue).sum()
                != scheduled) {
            failures.merge("joins lost by the generator", 1L, Long::sum);
        }
        return new Result(joins, submits, approves, completed, unfinished, seconds, failures);
    }

    private String key(long n) {
        return "bench-" + runId + "-" + n;
    }

    /** One thread's share of a measurement. */
    private final class Worker {

        final Latencies joins = new Latencies();
        final Latencies submits = new Latencies();
        final Latencies approves = new Latencies();
        final Map<String, Long> failures = new TreeMap<>();
        long completed;
        long unfinished;
        Thread thread;

        /** A join due at {@code intended} and sent at {@code sent}. */
        void join(HttpConnection connection, long intended, long sent) throws IOException {
            long n = next.getAndIncrement();
            HttpConnection.Response submitted = connection.post("/api/v1/membership-applications",
                    "Idempotency-Key: " + key(n) + "\r\n", applicants.json(n));
            long submittedAt = System.nanoTime();
            Matcher no = APPLICATION_NO.matcher(submitted.body());
            if (submitted.status() != 201 || !no.find()) {
                failures.merge("submit " + submitted.status() + " " + abbreviate(submitted.body()), 1L, Long::sum);
                return;
            }
            HttpConnection.Response approved = connection.post(
                    "/api/v1/membership-applications/" + no.group(1) + "/approve", staffAuthorization, null);
            long done = System.nanoTime();
            if (approved.status() != 200 || !MEMBER_NO.matcher(approved.body()).find()) {
                failures.merge("approve " + approved.status() + " " + abbreviate(approved.body()), 1L, Long::sum);
                return;
            }
            submits.add(submittedAt - sent);
            approves.add(done - submittedAt);
            joins.add(done - intended);
            completed++;
        }

        /** A join still waiting when the generator gave up: counted at its wait so far, a lower bound. */
        void unfinished(long intended, long gaveUpAt) {
            joins.add(gaveUpAt - intended);
            unfinished++;
        }

        void fail(Exception e) {
            failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
        }

        private static String abbreviate(String body) {
            return body.length() > 160 ? body.substring(0, 160) + "…" : body;
        }
    }
}

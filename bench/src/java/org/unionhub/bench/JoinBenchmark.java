package org.unionhub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins per second over HTTP — a worker's application submitted and a street staff member's approval, as
 * {@code POST /api/v1/membership-applications} and {@code POST …/{applicationNo}/approve} — beside pgbench's one-row
 * INSERT transaction at the same client count against the app's own database, in the same run; then joins due at a
 * fixed rate, with their latency measured from when each was due.
 *
 * <p>Starts the app in a JVM of its own ({@link AppProcess}: embedded PostgreSQL 17 with fsync, synchronous_commit
 * and full_page_writes on, fresh data directory under {@code target/bench/joins/postgres}, demo data, default
 * settings and logging), checks one join end to end, warms up ({@code warmup} seconds of joins from the largest
 * client count, so that the JIT has compiled the join's paths), then:
 *
 * <ol>
 *   <li>closed loop, for each client count: 10 s of joins and 5 s of pgbench to warm up, then {@code rounds} ×
 *       (joins for {@code seconds}, pgbench for {@code seconds}), the order swapped every other round so that both
 *       meet the same moments of a shared machine;</li>
 *   <li>open loop: a warm-up, then {@code open-rounds} × {@code open-seconds} of joins due at {@code rate} per
 *       second, sent by the first free of {@code open-connections} connections.</li>
 * </ol>
 *
 * <p>After joins it waits until the event listeners have caught up (no incomplete event publication left), and
 * counts that time in the joins per second: work the app puts off is not free. For every measurement it also reads the CPU time of the app's JVM, of the PostgreSQL server (every backend) and
 * of the generator (this JVM, or pgbench), and the database's counters (commits, rows written, WAL records, bytes and
 * syncs), each divided by the joins or transactions of that measurement. Prints the tables and writes them to
 * {@code target/bench/joins/joins-results.md}. Never part of {@code mvn verify}: see bench/joins.sh.
 */
public final class JoinBenchmark {

    private static final String STAFF = "zhongguancun";
    private static final String PASSWORD = "Demo@2023";
    private static final String STREET = "中关村街道总工会";
    private static final String JOINT_UNION = "中关村街道联合工会";
    private static final String SCRATCH_TABLE = "bench_one_row_insert";
    /** pgbench's transaction: one row of about the width of an application's non-personal fields. */
    private static final String PGBENCH_SCRIPT = """
            \\set k random(1, 1000000000)
            INSERT INTO %s (k, note) VALUES (:k, 'one row, one transaction, like a minimal write of the app');
            """.formatted(SCRATCH_TABLE);
    private static final long STATS_FLUSH_MILLIS = 1_200;
    private static final int CATCH_UP_LIMIT_SECONDS = 300;
    /** Warm-up before each client count, after the first warm-up of the whole run. */
    private static final int CLIENT_WARMUP_SECONDS = 10;

    private final Map<String, String> options;
    private final List<String> appArgs;
    private final Path out;
    private final StringBuilder report = new StringBuilder();

    private JoinBenchmark(Map<String, String> options, List<String> appArgs) {
        this.options = options;
        this.appArgs = appArgs;
        this.out = Path.of(options.getOrDefault("out", "target/bench/joins")).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        List<String> appArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            Matcher m = Pattern.compile("--([a-z-]+)=(.*)").matcher(arg);
            if (!m.matches()) {
                System.err.println("Unknown argument " + arg + " (expected --name=value; see bench/joins.sh)");
                System.exit(2);
            }
            if (m.group(1).equals("app-arg")) {
                appArgs.add(m.group(2));
            } else {
                options.put(m.group(1), m.group(2));
            }
        }
        System.exit(new JoinBenchmark(options, appArgs).run());
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)).replace("_", ""));
    }

    private int run() throws Exception {
        List<Integer> clientCounts = Arrays.stream(options.getOrDefault("clients", "8,16,32").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int rounds = intOption("rounds", 3);
        int seconds = intOption("seconds", 20);
        int warmup = intOption("warmup", 60);
        int rate = intOption("rate", 300);
        int openRounds = intOption("open-rounds", 3);
        int openSeconds = intOption("open-seconds", 30);
        int openConnections = intOption("open-connections", 64);
        Files.createDirectories(out);

        heading("Joins: submit + approve over HTTP, beside pgbench's one-row INSERT");
        line("- machine: %d cores (%s), %s memory; load average at start %.1f — shared with other work",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memory(), loadAverage());
        List<String> appJvm = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        Map<String, String> appProperties = new LinkedHashMap<>();
        for (String setting : appArgs) {
            if (setting.startsWith("--")) {
                appProperties.put(setting.substring(2, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            } else {
                appJvm.add(setting);
            }
        }
        long starting = System.nanoTime();
        try (AppProcess app = AppProcess.start(out, appJvm, appProperties, Duration.ofMinutes(5))) {
            line("- app: own JVM (%s), started in %.1f s, HTTP on 127.0.0.1:%d, log %s%s", String.join(" ", appJvm),
                    seconds(starting), app.httpPort(), app.log(), appProperties.isEmpty() ? ""
                            : "; settings " + appProperties);
            try (Connection db = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + app.databasePort() + "/postgres", "postgres", "postgres")) {
                describe(db, app);
                Pgbench pgbench = new Pgbench(options.getOrDefault("pgbench", "pgbench"), "127.0.0.1",
                        app.databasePort(), out);
                line("- load generator: this JVM, plain keep-alive HTTP/1.1 connections, one per client thread; %s, "
                        + "`-M prepared`, over TCP", pgbench.version());
                try (Statement s = db.createStatement()) {
                    s.execute("CREATE TABLE " + SCRATCH_TABLE + " (id BIGSERIAL PRIMARY KEY, k INT NOT NULL, note TEXT "
                            + "NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now())");
                }
                long streetId = single(db, "SELECT id FROM org_unit WHERE name = '" + STREET + "'");
                Applicants applicants = new Applicants(streetId, LocalDate.now(ZoneId.of("Asia/Shanghai")));
                JoinLoad load = new JoinLoad("127.0.0.1", app.httpPort(), applicants,
                        Long.toString(System.currentTimeMillis(), 36), STAFF, PASSWORD);
                checkOneJoin(load);
                line("- a join: a worker applies with a unique resident ID and mobile (70%% gig occupations, 30%% an "
                        + "employer without a union), working in %s (street id %d), so the application goes to %s; "
                        + "`%s` approves it with HTTP Basic", STREET, streetId, JOINT_UNION, STAFF);
                Measure measure = new Measure(app, db);
                boolean failed = false;
                String jfr = options.get("jfr");
                if (jfr != null) {
                    jcmd(app, "JFR.start", "name=joins", "settings=profile");
                }
                if (!options.getOrDefault("phases", "closed,open").contains("closed")) {
                    clientCounts = List.of();
                }
                Map<Integer, List<Measured>> joinRounds = new LinkedHashMap<>();
                Map<Integer, List<Measured>> pgbenchRounds = new LinkedHashMap<>();
                int busiest = clientCounts.stream().mapToInt(Integer::intValue).max().orElse(openConnections);
                System.out.printf(Locale.ROOT, "Warm-up: %d s of joins from %d clients%n", warmup, busiest);
                failed |= measure.joins(() -> load.closedLoop(busiest, warmup)).failed();
                for (int clients : clientCounts) {
                    System.out.printf(Locale.ROOT, "Closed loop, %d clients: warm-up %d s of joins, 5 s of pgbench%n",
                            clients, CLIENT_WARMUP_SECONDS);
                    failed |= measure.joins(() -> load.closedLoop(clients, CLIENT_WARMUP_SECONDS)).failed();
                    pgbench.run("warmup", PGBENCH_SCRIPT, clients, 4);
                    List<Measured> joins = new ArrayList<>();
                    List<Measured> inserts = new ArrayList<>();
                    for (int round = 1; round <= rounds; round++) {
                        boolean joinsFirst = round % 2 == 1;
                        if (!joinsFirst) {
                            inserts.add(measure.pgbench(pgbench, clients, seconds));
                        }
                        Measured j = measure.joins(() -> load.closedLoop(clients, seconds));
                        joins.add(j);
                        failed |= j.failed();
                        if (joinsFirst) {
                            inserts.add(measure.pgbench(pgbench, clients, seconds));
                        }
                        System.out.printf(Locale.ROOT, "  round %d: %,.0f joins/s (p99 %.1f ms), pgbench %,.0f tx/s%n",
                                round, j.perSecond(), j.p99(), inserts.get(round - 1).perSecond());
                    }
                    joinRounds.put(clients, joins);
                    pgbenchRounds.put(clients, inserts);
                }
                List<Measured> open = new ArrayList<>();
                if (options.getOrDefault("phases", "closed,open").contains("open")) {
                    System.out.printf(Locale.ROOT, "Open loop, %d joins/s: warm-up 10 s%n", rate);
                    failed |= measure.joins(() -> load.openLoop(rate, 10, openConnections)).failed();
                    for (int round = 1; round <= openRounds; round++) {
                        Measured m = measure.joins(() -> load.openLoop(rate, openSeconds, openConnections));
                        open.add(m);
                        failed |= m.failed();
                        System.out.printf(Locale.ROOT, "  round %d: %,.0f joins/s done, p50 %.1f ms, p99 %.1f ms%n",
                                round, m.perSecond(), m.p50(), m.p99());
                    }
                }
                if (jfr != null) {
                    Path file = Path.of(jfr).toAbsolutePath();
                    jcmd(app, "JFR.dump", "name=joins", "filename=" + file);
                    jcmd(app, "JFR.stop", "name=joins");
                    line("- flight recording of the app during the measurements: %s", file);
                }
                line("- joins made in this run: %,d", load.started());
                closedTables(joinRounds, pgbenchRounds, seconds);
                openTable(open, rate, openSeconds, openConnections);
                Path results = out.resolve("joins-results.md");
                Files.writeString(results, report);
                System.out.println("\nResults also in " + results);
                return failed ? 1 : 0;
            }
        }
    }

    private void checkOneJoin(JoinLoad load) throws IOException {
        List<HttpConnection.Response> answers = load.joinOnce();
        HttpConnection.Response submitted = answers.get(0);
        if (answers.size() != 2 || !submitted.body().contains(JOINT_UNION) || answers.get(1).status() != 200) {
            throw new IllegalStateException("A join does not work as the benchmark expects: " + answers);
        }
    }

    private void describe(Connection db, AppProcess app) throws SQLException {
        line("- database: %s on 127.0.0.1:%d (the app's embedded server); fsync %s, synchronous_commit %s, "
                        + "full_page_writes %s, wal_sync_method %s, shared_buffers %s; the app's pool: 20 connections",
                text(db, "SELECT version()").replaceAll(" on .*", ""), app.databasePort(), text(db, "SHOW fsync"),
                text(db, "SHOW synchronous_commit"), text(db, "SHOW full_page_writes"),
                text(db, "SHOW wal_sync_method"), text(db, "SHOW shared_buffers"));
        line("- Java %s", System.getProperty("java.version"));
    }

    // ---- measuring ----------------------------------------------------------------------------------------------

    /** A measurement that may throw. */
    private interface Load {
        JoinLoad.Result run() throws Exception;
    }

    /** One measurement with what it cost, per join (or per pgbench transaction). */
    private record Measured(double load, double perSecond, double p50, double p90, double p99, double max,
            double submitP50, double submitP99, double approveP50, double approveP99, long operations,
            long unfinished, double appCpu, double dbCpu, double generatorCpu, double commits, double rowsWritten,
            double walRecords, double walBytes, double walSyncs, long backlog, double catchUpSeconds,
            Map<String, Long> failures) {

        boolean failed() {
            return !failures.isEmpty();
        }
    }

    /** CPU and database counters around each measurement. */
    private final class Measure {

        private final AppProcess app;
        private final Connection db;

        Measure(AppProcess app, Connection db) {
            this.app = app;
            this.db = db;
        }

        /**
         * Runs joins, then waits until the event listeners have caught up (no publication left incomplete), so that
         * work they put off is counted: joins per second are over the run and the catch-up together.
         */
        Measured joins(Load run) throws Exception {
            Counters before = counters();
            JoinLoad.Result result = run.run();
            long backlog = outstandingEvents();
            long catchingUp = System.nanoTime();
            while (outstandingEvents() > 0) {
                if (seconds(catchingUp) > CATCH_UP_LIMIT_SECONDS) {
                    throw new IllegalStateException("Event listeners still behind after " + CATCH_UP_LIMIT_SECONDS
                            + " s: " + outstandingEvents() + " publications incomplete");
                }
                Thread.sleep(100);
            }
            double catchUp = backlog == 0 ? 0 : seconds(catchingUp);
            Thread.sleep(STATS_FLUSH_MILLIS);
            Counters after = counters();
            double[] join = result.joins().quantilesMicros(0.5, 0.9, 0.99, 1.0);
            double[] submit = result.submits().quantilesMicros(0.5, 0.99);
            double[] approve = result.approves().quantilesMicros(0.5, 0.99);
            long n = Math.max(1, result.completed());
            if (!result.failures().isEmpty()) {
                System.out.println("  FAILURES: " + result.failures());
            }
            return new Measured(before.load, result.completed() / (result.seconds() + catchUp), join[0] / 1000, join[1] / 1000, join[2] / 1000,
                    join[3] / 1000, submit[0] / 1000, submit[1] / 1000, approve[0] / 1000, approve[1] / 1000,
                    result.completed(), result.unfinished(), (after.appCpu - before.appCpu) / 1000.0 / n,
                    (after.dbCpu - before.dbCpu) / 1000.0 / n, (after.ownCpu - before.ownCpu) / 1000.0 / n,
                    (double) (after.commits - before.commits) / n, (double) (after.rowsWritten - before.rowsWritten) / n,
                    (double) (after.walRecords - before.walRecords) / n, (double) (after.walBytes - before.walBytes) / n,
                    (double) (after.walSyncs - before.walSyncs) / n, backlog, catchUp, result.failures());
        }

        Measured pgbench(Pgbench pgbench, int clients, int seconds) throws Exception {
            Counters before = counters();
            Pgbench.Window window = pgbench.run("insert", PGBENCH_SCRIPT, clients, seconds);
            Thread.sleep(STATS_FLUSH_MILLIS);
            Counters after = counters();
            double[] q = window.latencies().quantilesMicros(0.5, 0.9, 0.99, 1.0);
            long n = window.transactions();
            return new Measured(before.load, window.latencies().count() / window.seconds(), q[0] / 1000, q[1] / 1000,
                    q[2] / 1000, q[3] / 1000, 0, 0, 0, 0, n, 0, (after.appCpu - before.appCpu) / 1000.0 / n,
                    (after.dbCpu - before.dbCpu) / 1000.0 / n, (after.reapedCpu - before.reapedCpu) / 1000.0 / n,
                    (double) (after.commits - before.commits) / n, (double) (after.rowsWritten - before.rowsWritten) / n,
                    (double) (after.walRecords - before.walRecords) / n, (double) (after.walBytes - before.walBytes) / n,
                    (double) (after.walSyncs - before.walSyncs) / n, 0, 0, Map.of());
        }

        private record Counters(double load, long appCpu, long dbCpu, long ownCpu, long reapedCpu, long commits,
                long rowsWritten, long walRecords, long walBytes, long walSyncs) {
        }

        private Counters counters() throws IOException, SQLException {
            long[] self = selfCpu();
            try (Statement s = db.createStatement()) {
                s.execute("SELECT pg_stat_clear_snapshot()");
                long[] database = longs(s, "SELECT xact_commit, tup_inserted + tup_updated + tup_deleted "
                        + "FROM pg_stat_database WHERE datname = current_database()");
                long[] wal = longs(s, "SELECT wal_records, wal_bytes, wal_sync FROM pg_stat_wal");
                return new Counters(loadAverage(), app.appCpuNanos(), app.databaseCpuNanos(), self[0], self[1],
                        database[0], database[1], wal[0], wal[1], wal[2]);
            }
        }

        private long outstandingEvents() throws SQLException {
            return single(db, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL");
        }
    }

    /** This JVM's own CPU time and that of the children it has waited for (pgbench), in nanoseconds. */
    private static long[] selfCpu() throws IOException {
        long pid = ProcessHandle.current().pid();
        long own = ProcCpu.own(pid);
        return new long[] {own, ProcCpu.ownAndReaped(pid) - own};
    }

    // ---- report -------------------------------------------------------------------------------------------------

    private void closedTables(Map<Integer, List<Measured>> joinRounds, Map<Integer, List<Measured>> pgbenchRounds,
            int seconds) {
        if (joinRounds.isEmpty()) {
            return;
        }
        heading("Closed loop: each client joins back to back, " + seconds + " s per round, pgbench alternating");
        line("joins/s counts the round and the event listeners' catch-up after it (see the last column of the next "
                + "table); latencies are those of the round.");
        line("");
        line("| clients | round | load | joins/s | join p50 ms | join p99 ms | pgbench tx/s | pgbench p50 ms "
                + "| pgbench p99 ms | joins ÷ pgbench |");
        line("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<Integer, Double> medianRatios = new LinkedHashMap<>();
        joinRounds.forEach((clients, joins) -> {
            List<Measured> inserts = pgbenchRounds.get(clients);
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < joins.size(); i++) {
                Measured j = joins.get(i);
                Measured p = inserts.get(i);
                ratios.add(j.perSecond() / p.perSecond());
                line("| %d | %d | %.1f | %,.0f | %.1f | %.1f | %,.0f | %.2f | %.2f | %.2f |", clients, i + 1, j.load(),
                        j.perSecond(), j.p50(), j.p99(), p.perSecond(), p.p50(), p.p99(), ratios.get(i));
            }
            double ratio = median(ratios, Double::doubleValue);
            medianRatios.put(clients, ratio);
            line("| %d | **median** | | **%,.0f** | **%.1f** | **%.1f** | **%,.0f** | %.2f | %.2f | **%.2f** |", clients,
                    median(joins, Measured::perSecond), median(joins, Measured::p50), median(joins, Measured::p99),
                    median(inserts, Measured::perSecond), median(inserts, Measured::p50),
                    median(inserts, Measured::p99), ratio);
        });
        line("");
        line("What each costs (medians over the rounds; per join, or per pgbench transaction; app = the app's JVM, "
                + "DB = every PostgreSQL process, generator = this JVM or pgbench; rows written = inserted + updated + "
                + "deleted; WAL syncs = pg_stat_wal.wal_sync):");
        line("");
        line("| clients | what | submit p50 / p99 ms | approve p50 / p99 ms | app CPU µs | DB CPU µs | generator CPU µs "
                + "| commits | rows written | WAL records | WAL bytes | WAL syncs | listener backlog / catch-up s |");
        line("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        joinRounds.forEach((clients, joins) -> {
            costRow(clients, "join", joins, true);
            costRow(clients, "pgbench tx", pgbenchRounds.get(clients), false);
        });
        line("");
        medianRatios.forEach((clients, ratio) -> line("Goal joins ≥ 0.5 of pgbench at %d clients: %s (%.2f)", clients,
                ratio >= 0.5 ? "met" : "MISSED", ratio));
    }

    private void costRow(int clients, String what, List<Measured> rounds, boolean join) {
        line("| %d | %s | %s | %s | %.0f | %.0f | %.0f | %.2f | %.1f | %.1f | %,.0f | %.2f | %s |", clients, what,
                join ? String.format(Locale.ROOT, "%.1f / %.1f", median(rounds, Measured::submitP50),
                        median(rounds, Measured::submitP99)) : "",
                join ? String.format(Locale.ROOT, "%.1f / %.1f", median(rounds, Measured::approveP50),
                        median(rounds, Measured::approveP99)) : "",
                median(rounds, Measured::appCpu), median(rounds, Measured::dbCpu),
                median(rounds, Measured::generatorCpu), median(rounds, Measured::commits),
                median(rounds, Measured::rowsWritten), median(rounds, Measured::walRecords),
                median(rounds, Measured::walBytes), median(rounds, Measured::walSyncs),
                join ? String.format(Locale.ROOT, "%.0f / %.1f", median(rounds, m -> m.backlog()),
                        median(rounds, Measured::catchUpSeconds)) : "");
    }

    private void openTable(List<Measured> rounds, int rate, int seconds, int connections) {
        if (rounds.isEmpty()) {
            return;
        }
        heading(String.format(Locale.ROOT, "Open loop: %d joins/s due for %d s per round, latency from when each was "
                + "due, %d connections", rate, seconds, connections));
        line("| round | load | done/s | p50 ms | p90 ms | p99 ms | max ms | unfinished | submit p50 / p99 ms "
                + "| approve p50 / p99 ms | app CPU µs/join | DB CPU µs/join | listener backlog / catch-up s |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---|");
        for (int i = 0; i < rounds.size(); i++) {
            openRow(String.valueOf(i + 1), String.format(Locale.ROOT, "%.1f", rounds.get(i).load()), rounds.get(i),
                    seconds);
        }
        Measured median = new Measured(0, median(rounds, Measured::perSecond), median(rounds, Measured::p50),
                median(rounds, Measured::p90), median(rounds, Measured::p99), median(rounds, Measured::max),
                median(rounds, Measured::submitP50), median(rounds, Measured::submitP99),
                median(rounds, Measured::approveP50), median(rounds, Measured::approveP99),
                (long) median(rounds, m -> m.operations()), (long) median(rounds, m -> m.unfinished()),
                median(rounds, Measured::appCpu), median(rounds, Measured::dbCpu), 0, 0, 0, 0, 0, 0,
                (long) median(rounds, m -> m.backlog()), median(rounds, Measured::catchUpSeconds), Map.of());
        openRow("**median**", "", median, seconds);
        line("");
        line("Goal p99 ≤ 50 ms at %d joins/s: %s (median p99 %.1f ms, p50 %.1f ms)", rate,
                median.p99() <= 50 && median.unfinished() == 0 ? "met" : "MISSED", median.p99(),
                median.p50());
    }

    /** {@code done/s}: joins answered over the round's {@code seconds}, the listeners' catch-up shown apart. */
    private void openRow(String label, String load, Measured m, int seconds) {
        line("| %s | %s | %,.0f | %.1f | %.1f | %.1f | %.1f | %d | %.1f / %.1f | %.1f / %.1f | %.0f | %.0f | %d / %.1f |",
                label, load, (double) m.operations() / seconds, m.p50(), m.p90(), m.p99(), m.max(), m.unfinished(),
                m.submitP50(), m.submitP99(), m.approveP50(), m.approveP99(), m.appCpu(), m.dbCpu(), m.backlog(),
                m.catchUpSeconds());
    }

    private void heading(String text) {
        line("");
        line("## " + text);
        line("");
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static <T> double median(List<T> values, ToDoubleFunction<T> f) {
        double[] sorted = values.stream().mapToDouble(f).sorted().toArray();
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long[] longs(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long[] values = new long[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getLong(i + 1);
            }
            return values;
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            return longs(s, sql)[0];
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void jcmd(AppProcess app, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(app.pid())));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }

    private static String memory() throws IOException {
        long kib = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

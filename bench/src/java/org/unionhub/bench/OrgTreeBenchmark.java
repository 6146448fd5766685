package org.unionhub.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unionhub.UnionHubApplication;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.persistence.OrgUnitRepository;

/**
 * Scope-check and subtree-listing latency of {@link OrgUnitRepository} on a tree of 100,000 unions.
 *
 * <p>Boots the whole application (embedded PostgreSQL 17 as the application starts it, durability on, Flyway
 * migrations, the application's Hikari pool; demo data off, web server on a free loopback port and left idle), loads
 * a {@link SyntheticTree} with COPY, vacuums and analyses it, then measures every operation from 1 and 8 client
 * threads after a warm-up. Each operation is set against two ceilings measured in the same run: a primary-key SELECT
 * through the same pool and JdbcClient, and pgbench running the very statement the repository sent (read back from
 * {@code pg_stat_activity} and checked to return the same rows) with the same client count and, except for the
 * in-scope pairs, the same parameter distribution. Ours and pgbench alternate in short rounds, so that both see the
 * same moments of a shared machine.
 */
public final class OrgTreeBenchmark {

    private static final String LAST_STATEMENT = """
            SELECT query FROM pg_stat_activity
             WHERE backend_type = 'client backend' AND state = 'idle' AND pid <> pg_backend_pid()
             ORDER BY state_change DESC LIMIT 1
            """;
    private static final int SUBTREE_LIMIT = 500;
    private static final int SAMPLES_CHECKED = 5;

    private final Options options;
    private final SyntheticTree tree;
    private final OrgUnitRepository repository;
    private final JdbcClient jdbc;
    private final long generationNanos;
    private final HikariDataSource dataSource;
    private final EmbeddedPostgres postgres;
    private final SplittableRandom seeds;
    private final StringBuilder report = new StringBuilder();

    private OrgTreeBenchmark(Options options, ConfigurableApplicationContext context) {
        this.options = options;
        long started = System.nanoTime();
        this.tree = SyntheticTree.generate(options.nodes(), options.seed());
        this.generationNanos = System.nanoTime() - started;
        this.repository = context.getBean(OrgUnitRepository.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.dataSource = context.getBean(HikariDataSource.class);
        this.postgres = context.getBean(EmbeddedPostgres.class);
        this.seeds = new SplittableRandom(options.seed());
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.out());
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UnionHubApplication.class)
                .logStartupInfo(false)
                .run("--spring.main.banner-mode=off",
                        "--server.address=127.0.0.1",
                        "--server.port=0",
                        "--logging.level.root=warn",
                        "--logging.level.org.springdoc=error",
                        "--unionhub.demo.enabled=false",
                        "--unionhub.embedded-db.data-directory=" + options.out().resolve("postgres"),
                        "--unionhub.embedded-db.port=0",
                        "--unionhub.embedded-db.clean-on-start=true")) {
            new OrgTreeBenchmark(options, context).run();
        }
    }

    private void run() throws Exception {
        try (Connection admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"))) {
            describeMachine(admin);
            load(admin);
            describeTree();
            List<Operation> operations = operations();
            Map<Query, String> statements = captureStatements(admin, operations);
            writePlans(admin, operations, statements);
            measure(operations, statements);
        }
        Path results = options.out().resolve("org-tree-results.md");
        Files.writeString(results, report);
        System.out.println("\nResults also in " + results);
    }

    private void describeMachine(Connection admin) throws Exception {
        Pgbench pgbench = pgbench();
        line("## Organisation tree benchmark");
        line("");
        line("- machine: %d cores (%s), %s memory", Runtime.getRuntime().availableProcessors(), cpuModel(),
                memory());
        line("- database: %s; collation %s", single(admin, "SELECT version()"),
                single(admin, "SELECT datcollate FROM pg_database WHERE datname = current_database()"));
        line("- Java %s, Hikari pool of %d, %s", System.getProperty("java.version"),
                dataSource.getMaximumPoolSize(), pgbench.version());
        line("- options: %s", options);
    }

    private void load(Connection admin) throws SQLException, IOException {
        long started = System.nanoTime();
        String rows = tree.copyText();
        try (Connection connection = dataSource.getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY org_unit (" + SyntheticTree.COPY_COLUMNS + ") FROM STDIN", new StringReader(rows));
        }
        long copied = System.nanoTime();
        try (Statement statement = admin.createStatement()) {
            statement.execute("SELECT setval(pg_get_serial_sequence('org_unit', 'id'), max(id)) FROM org_unit");
            statement.execute("VACUUM (ANALYZE) org_unit");
            statement.execute("CHECKPOINT");
        }
        long vacuumed = System.nanoTime();
        line("- build: %,d nodes; generated in %.1f s, COPY (indexes, foreign key and checks included) %.1f s, "
                        + "VACUUM (ANALYZE) + CHECKPOINT %.1f s; table %s, indexes %s",
                tree.size(), seconds(generationNanos), seconds(copied - started), seconds(vacuumed - copied),
                single(admin, "SELECT pg_size_pretty(pg_relation_size('org_unit'))"),
                single(admin, "SELECT pg_size_pretty(pg_indexes_size('org_unit'))"));
    }

    private void describeTree() {
        int[] children = tree.childCounts();
        int[] sizes = tree.subtreeSizes();
        Map<Integer, Long> byDepth = IntStream.rangeClosed(1, tree.size()).boxed()
                .collect(Collectors.groupingBy(tree::depth, LinkedHashMap::new, Collectors.counting()));
        long leaves = IntStream.rangeClosed(1, tree.size()).filter(id -> children[id] == 0).count();
        line("- tree: nodes by depth %s; %.0f%% leaves; ids: federation %d, districts %d-%d, streets %d-%d",
                byDepth, 100.0 * leaves / tree.size(), SyntheticTree.FEDERATION_ID, tree.firstDistrict(),
                tree.lastDistrict(), tree.firstStreet(), tree.lastStreet());
        line("- street: children median %d, max %d; subtree median %d, max %d",
                median(children, tree.firstStreet(), tree.lastStreet()),
                max(children, tree.firstStreet(), tree.lastStreet()),
                median(sizes, tree.firstStreet(), tree.lastStreet()),
                max(sizes, tree.firstStreet(), tree.lastStreet()));
        line("- district: children median %d, max %d; subtree median %d, max %d",
                median(children, tree.firstDistrict(), tree.lastDistrict()),
                max(children, tree.firstDistrict(), tree.lastDistrict()),
                median(sizes, tree.firstDistrict(), tree.lastDistrict()),
                max(sizes, tree.firstDistrict(), tree.lastDistrict()));
    }

    /** The measured operations; the first is the primary-key ceiling, and each names the statement it sends. */
    private List<Operation> operations() {
        Param node = new Param(1, tree.size());
        Param street = new Param(tree.firstStreet(), tree.lastStreet());
        Param district = new Param(tree.firstDistrict(), tree.lastDistrict());
        Param limit = new Param(SUBTREE_LIMIT, SUBTREE_LIMIT);
        Query primaryKey = new Query("pk", List.of(node));
        Query scope = new Query("scope", List.of(street, node));
        Query childrenOfNode = new Query("children-node", List.of(node));
        Query childrenOfStreet = new Query("children-street", List.of(street));
        Query childrenOfDistrict = new Query("children-district", List.of(district));
        Query subtreeOfStreet = new Query("subtree-street", List.of(street, limit));
        Query subtreeOfDistrict = new Query("subtree-district", List.of(district, limit));
        Call pkSelect = args -> jdbc.sql("SELECT id FROM org_unit WHERE id = :id").param("id", args[0])
                .query(Long.class).optional();
        Call isInScope = args -> repository.isInScope(args[0], args[1]);
        Call findChildren = args -> repository.findChildren(args[0]);
        Call findSubtree = args -> repository.findSubtree(args[0], (int) args[1]);
        return List.of(
                new Operation("PK select via pool (ceiling)", primaryKey, primaryKey::draw, pkSelect),
                new Operation("isInScope, in scope", scope, this::inScopePair, isInScope),
                new Operation("isInScope, out of scope", scope, this::outOfScopePair, isInScope),
                new Operation("findChildren(random node)", childrenOfNode, childrenOfNode::draw, findChildren),
                new Operation("findChildren(street)", childrenOfStreet, childrenOfStreet::draw, findChildren),
                new Operation("findChildren(district)", childrenOfDistrict, childrenOfDistrict::draw, findChildren),
                new Operation("findSubtree(street, 500)", subtreeOfStreet, subtreeOfStreet::draw, findSubtree),
                new Operation("findSubtree(district, 500)", subtreeOfDistrict, subtreeOfDistrict::draw,
                        findSubtree));
    }

    /** A union and one of its ancestors that a staff scope is bound to: its district or its street. */
    private long[] inScopePair(SplittableRandom random) {
        int id = random.nextInt(tree.lastStreet() + 1, tree.size() + 1);
        List<Integer> scopes = new ArrayList<>(2);
        for (int node = tree.parent(id); node != 0; node = tree.parent(node)) {
            if (node >= tree.firstDistrict() && node <= tree.lastStreet()) {
                scopes.add(node);
            }
        }
        return new long[] {scopes.get(random.nextInt(scopes.size())), id};
    }

    /** A street and any node outside it. */
    private long[] outOfScopePair(SplittableRandom random) {
        int street = random.nextInt(tree.firstStreet(), tree.lastStreet() + 1);
        int id;
        do {
            id = random.nextInt(1, tree.size() + 1);
        } while (tree.isInSubtree(id, street));
        return new long[] {street, id};
    }

    /**
     * Runs each statement once through the repository and reads back the text that reached the server, so that pgbench
     * and EXPLAIN run exactly the repository's SQL; then checks, on a few samples of every operation, that the text
     * with the parameters in pgbench's order returns the rows the repository returned.
     */
    private Map<Query, String> captureStatements(Connection admin, List<Operation> operations) throws SQLException {
        Map<Query, String> statements = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(options.seed());
        for (Operation operation : operations) {
            for (int sample = 0; sample < SAMPLES_CHECKED; sample++) {
                long[] args = operation.args().apply(random);
                List<String> expected = rows(operation.call().run(args));
                if (!statements.containsKey(operation.query())) {
                    String sql = single(admin, LAST_STATEMENT);
                    if (!sql.contains("$" + args.length) || sql.length() >= 1023) {
                        throw new IllegalStateException("Could not read back the statement of " + operation.label()
                                + ": " + sql);
                    }
                    statements.put(operation.query(), sql);
                }
                List<String> actual = executePrepared(admin, statements.get(operation.query()), "", args);
                if (!actual.equals(expected)) {
                    throw new IllegalStateException(operation.label() + " with " + Arrays.toString(args)
                            + ": repository returned " + expected + ", its statement " + actual);
                }
            }
        }
        return statements;
    }

    /** EXPLAIN ANALYZE of every statement, with a custom and with a generic plan, into the results directory. */
    private void writePlans(Connection admin, List<Operation> operations, Map<Query, String> statements)
            throws SQLException, IOException {
        StringBuilder plans = new StringBuilder();
        SplittableRandom random = new SplittableRandom(options.seed());
        for (Operation operation : operations) {
            long[] args = operation.args().apply(random);
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                plans.append("## ").append(operation.label()).append(' ').append(Arrays.toString(args))
                        .append(", ").append(mode).append('\n');
                executeUpdate(admin, "SET plan_cache_mode = " + mode);
                executePrepared(admin, statements.get(operation.query()), "EXPLAIN (ANALYZE, BUFFERS) ", args)
                        .forEach(row -> plans.append(row).append('\n'));
                plans.append('\n');
            }
        }
        executeUpdate(admin, "RESET plan_cache_mode");
        Path file = options.out().resolve("org-tree-plans.txt");
        Files.writeString(file, plans);
        line("- plans: %s", file);
    }

    private void measure(List<Operation> operations, Map<Query, String> statements) throws Exception {
        line("");
        line("| clients | operation | n | median µs | p99 µs | ops/s | pgbench median µs | pgbench p99 µs "
                + "| pgbench ops/s | median ÷ pgbench | median ÷ PK |");
        line("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int clients : options.clients()) {
            Latencies.Summary primaryKey = null;
            for (Operation operation : operations) {
                Latencies.Summary[] pair = compare(operation, clients, statements.get(operation.query()));
                Latencies.Summary ours = pair[0];
                Latencies.Summary ceiling = pair[1];
                if (primaryKey == null) {
                    primaryKey = ours;
                }
                line("| %d | %s | %,d | %.0f | %.0f | %,.0f | %.0f | %.0f | %,.0f | %.2f | %.2f |", clients,
                        operation.label(), ours.count(), ours.medianMicros(), ours.p99Micros(), ours.opsPerSecond(),
                        ceiling.medianMicros(), ceiling.p99Micros(), ceiling.opsPerSecond(),
                        ours.medianMicros() / ceiling.medianMicros(),
                        ours.medianMicros() / primaryKey.medianMicros());
            }
        }
    }

    /**
     * Measures an operation and pgbench running its statement, in alternating rounds so that both see the same
     * moments of a shared, noisy machine; returns ours, then pgbench's.
     */
    private Latencies.Summary[] compare(Operation operation, int clients, String sql) throws Exception {
        Pgbench pgbench = pgbench();
        String script = operation.query().pgbenchScript(sql);
        Latencies ours = new Latencies();
        Latencies theirs = new Latencies();
        double theirSeconds = 0;
        runClients(operation, clients, options.warmupSeconds(), null);
        for (int round = 0; round < options.rounds(); round++) {
            runClients(operation, clients, options.seconds(), ours);
            Pgbench.Window window = pgbench.run(operation.query().name(), script, clients, options.seconds());
            theirs.addAll(window.latencies());
            theirSeconds += window.seconds();
        }
        return new Latencies.Summary[] {
            ours.summary(options.rounds() * options.seconds()), theirs.summary(theirSeconds)};
    }

    /** Calls an operation from {@code clients} threads for {@code seconds}, timing each call into {@code sink}. */
    private void runClients(Operation operation, int clients, int seconds, Latencies sink) throws Exception {
        CyclicBarrier start = new CyclicBarrier(clients);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Latencies> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Latencies latencies = new Latencies();
            SplittableRandom random = seeds.split();
            perThread.add(latencies);
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    long end = System.nanoTime() + seconds * 1_000_000_000L;
                    for (long now = System.nanoTime(); now < end; ) {
                        long[] args = operation.args().apply(random);
                        long before = System.nanoTime();
                        operation.call().run(args);
                        now = System.nanoTime();
                        latencies.add(now - before);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-client-" + i));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(operation.label() + " failed", failure.get());
        }
        if (sink != null) {
            perThread.forEach(sink::addAll);
        }
    }

    private Pgbench pgbench() {
        return new Pgbench(options.pgbench(), "localhost", postgres.getPort(), options.out());
    }

    /** The rows a repository result stands for, as the text the statement returns: ids, or the boolean. */
    private static List<String> rows(Object result) {
        if (result instanceof Boolean inScope) {
            return List.of(inScope ? "t" : "f");
        }
        if (result instanceof Optional<?> id) {
            return id.map(value -> List.of(value.toString())).orElse(List.of());
        }
        return ((List<?>) result).stream().map(unit -> Long.toString(((OrgUnit) unit).id())).toList();
    }

    /** PREPAREs {@code sql} ($1, $2, ... placeholders), EXECUTEs it with {@code prefix}, returns the first column. */
    private static List<String> executePrepared(Connection connection, String sql, String prefix, long[] args)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PREPARE bench_statement AS " + sql);
            try (ResultSet rows = statement.executeQuery(prefix + "EXECUTE bench_statement("
                    + LongStream.of(args).mapToObj(Long::toString).collect(Collectors.joining(", ")) + ")")) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            } finally {
                statement.execute("DEALLOCATE bench_statement");
            }
        }
    }

    private static void executeUpdate(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(row -> row.startsWith("model name"))
                .map(row -> row.substring(row.indexOf(':') + 1).strip())
                .findFirst().orElse("unknown CPU");
    }

    private static String memory() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(row -> row.startsWith("MemTotal:"))
                .map(row -> String.format(Locale.ROOT, "%.1f GiB",
                        Long.parseLong(row.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .findFirst().orElse("unknown");
    }

    private static int median(int[] values, int from, int to) {
        int[] range = Arrays.copyOfRange(values, from, to + 1);
        Arrays.sort(range);
        return range[(range.length - 1) / 2];
    }

    private static int max(int[] values, int from, int to) {
        return Arrays.stream(values, from, to + 1).max().orElseThrow();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }

    /** One repository call, its arguments in the order of the statement's placeholders. */
    @FunctionalInterface
    private interface Call {
        Object run(long[] args);
    }

    /** A measured operation: a call, how its arguments are drawn, and the statement it sends. */
    private record Operation(String label, Query query, Function<SplittableRandom, long[]> args, Call call) {
    }

    /** A uniformly drawn statement parameter, drawn alike in Java and by pgbench's {@code random(lo, hi)}. */
    private record Param(long lo, long hi) {

        long draw(SplittableRandom random) {
            return lo == hi ? lo : random.nextLong(lo, hi + 1);
        }

        String pgbench() {
            return lo == hi ? Long.toString(lo) : "random(" + lo + ", " + hi + ")";
        }
    }

    /** A statement of the repository and the distribution of its parameters ($1, $2, ... in order). */
    private record Query(String name, List<Param> params) {

        long[] draw(SplittableRandom random) {
            return params.stream().mapToLong(param -> param.draw(random)).toArray();
        }

        String pgbenchScript(String sql) {
            StringBuilder script = new StringBuilder();
            for (int i = 0; i < params.size(); i++) {
                script.append("\\set p").append(i + 1).append(' ').append(params.get(i).pgbench()).append('\n');
            }
            return script.append(sql.strip().replaceAll("\\$(\\d+)", ":p$1")).append(";\n").toString();
        }
    }

    /**
     * Command-line options: tree size, measured seconds per round and side, rounds, Java warm-up seconds per
     * operation, client counts, random seed, results directory, pgbench executable.
     */
    private record Options(int nodes, int seconds, int rounds, int warmupSeconds, List<Integer> clients, long seed,
            Path out, String pgbench) {

        private static final String[][] DEFAULTS = {{"nodes", "100000"}, {"seconds", "2"}, {"rounds", "4"},
            {"warmup", "2"}, {"clients", "1,8"}, {"seed", "42"}, {"out", "target/bench"}, {"pgbench", "pgbench"}};

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String[] option : DEFAULTS) {
                values.put(option[0], option[1]);
            }
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                if (pair.length != 2 || !values.containsKey(pair[0])) {
                    throw new IllegalArgumentException("Unknown option " + arg + "; options are --"
                            + String.join("=… --", values.keySet()) + "=…");
                }
                values.put(pair[0], pair[1]);
            }
            return new Options(Integer.parseInt(values.get("nodes")), Integer.parseInt(values.get("seconds")),
                    Integer.parseInt(values.get("rounds")), Integer.parseInt(values.get("warmup")),
                    Arrays.stream(values.get("clients").split(",")).map(Integer::valueOf).toList(),
                    Long.parseLong(values.get("seed")), Path.of(values.get("out")).toAbsolutePath(),
                    values.get("pgbench"));
        }
    }
}

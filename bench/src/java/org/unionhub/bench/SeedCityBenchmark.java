package org.unionhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.unionhub.UnionHubApplication;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.reporting.FunnelReport;
import org.unionhub.seedcity.BuiltCity;
import org.unionhub.seedcity.PlannedCity;
import org.unionhub.seedcity.SeedCity;
import org.unionhub.seedcity.domain.CityCalendar;
import org.unionhub.seedcity.domain.Figures;
import org.unionhub.seedcity.domain.SeedFigures;

/**
 * The seeds' city benchmark (docs/benchmarks.md, "The seeds' city"): builds the full city with the generator into
 * the application's own embedded PostgreSQL (fsync and synchronous_commit on, as in production) and reports how long
 * that took; checks that the funnel API shows the seeds' figures exactly; then measures the funnel's latency for the
 * city and for one district, with wrk over HTTP (the JSON API with HTTP Basic, and the console's funnel page with a
 * signed-in session), in process (the report service alone) and as pgbench running the funnel's own SQL, beside the
 * ceilings of the same run: {@code /api/v1/ping} (no sign-in) and {@code /api/v1/me} (the same HTTP Basic sign-in,
 * nothing else).
 */
public final class SeedCityBenchmark {

    private static final String ADMIN = "admin";
    private static final String PASSWORD = "Demo@2023";
    private static final String DISTRICT = "110108";
    private static final LocalDate FROM = PlannedCity.FROM;

    private final Map<String, String> options;
    private final Path out;

    private SeedCityBenchmark(Map<String, String> options) {
        this.options = options;
        this.out = Path.of(options.getOrDefault("out", "target/bench/seed-city")).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : String.join(" ", args).split("\\s+")) {
            if (arg.isBlank()) {
                continue;
            }
            Matcher m = Pattern.compile("--([a-z-]+)=(.*)").matcher(arg);
            if (!m.matches()) {
                System.err.println("Unknown argument " + arg + " (expected --name=value; see bench/seed-city.sh)");
                System.exit(2);
            }
            options.put(m.group(1), m.group(2));
        }
        System.exit(new SeedCityBenchmark(options).run());
    }

    private int run() throws Exception {
        double scale = Double.parseDouble(options.getOrDefault("scale", "1"));
        long seed = Long.parseLong(options.getOrDefault("seed", "20230530"));
        int rounds = intOption("rounds", 3);
        int duration = intOption("duration", 15);
        int warmup = intOption("warmup", 5);
        int threads = intOption("threads", 2);
        int connections = intOption("connections", 4);
        String wrk = options.getOrDefault("wrk", "wrk");
        String pgbench = options.getOrDefault("pgbench", "pgbench");
        boolean reuse = Boolean.parseBoolean(options.getOrDefault("reuse", "false"));
        Files.createDirectories(out);

        System.out.printf(Locale.ROOT, "Seeds' city benchmark: scale %s, seed %d; %d cores, max heap %d MiB, Java %s%n",
                scale, seed, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "Load average at start: %.1f (other work on this machine)%n", loadAverage());
        long started = System.nanoTime();
        ConfigurableApplicationContext app = start(reuse);
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            System.out.printf(Locale.ROOT, "App started on port %d in %.1f s%n", port, seconds(started));
            DataSource dataSource = app.getBean(DataSource.class);

            PlannedCity city;
            if (reuse) {
                city = app.getBean(SeedCity.class).plan(scale, seed);
                System.out.println("Reusing the city built by an earlier run in " + out.resolve("postgres"));
            } else {
                double loadBefore = loadAverage();
                BuiltCity built = app.getBean(SeedCity.class).build(scale, seed);
                city = built.city();
                System.out.printf(Locale.ROOT, "Generator: %s records stored in %.1f s, every listener done after "
                                + "%.1f s (load average %.1f before, %.1f after)%n", describePlan(city),
                        built.recorded().toMillis() / 1000.0, built.handled().toMillis() / 1000.0, loadBefore,
                        loadAverage());
                System.out.println(sizes(dataSource));
                long vacuuming = System.nanoTime();
                execute(dataSource, "VACUUM (ANALYZE)");
                execute(dataSource, "CHECKPOINT");
                System.out.printf(Locale.ROOT, "VACUUM (ANALYZE) and CHECKPOINT in %.1f s%n", seconds(vacuuming));
            }

            String base = "http://127.0.0.1:" + port;
            long cityId = city.cityId();
            long districtId = city.districtIds().get(DISTRICT);
            boolean exact = check(base, city, scale, cityId, districtId);

            String basic = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            String cookie = "JSESSIONID=" + signIn(base);
            String cityQuery = "?orgId=" + cityId + "&from=" + FROM + "&to=" + CityCalendar.AS_OF;
            String districtQuery = "?orgId=" + districtId + "&from=" + FROM + "&to=" + CityCalendar.AS_OF;
            Map<String, Endpoint> endpoints = new LinkedHashMap<>();
            endpoints.put("ping (no sign-in)", new Endpoint("/api/v1/ping", null));
            endpoints.put("me (HTTP Basic)", new Endpoint("/api/v1/me", basic));
            endpoints.put("funnel API, city (HTTP Basic)", new Endpoint("/api/v1/outreach/funnel" + cityQuery, basic));
            endpoints.put("funnel API, district (HTTP Basic)",
                    new Endpoint("/api/v1/outreach/funnel" + districtQuery, basic));
            endpoints.put("funnel page, city (session)", new Endpoint("/reports/funnel" + cityQuery, cookie));
            endpoints.put("funnel page, district (session)", new Endpoint("/reports/funnel" + districtQuery, cookie));

            System.out.printf("Warm-up: %ds of each endpoint%n", warmup);
            for (Map.Entry<String, Endpoint> e : endpoints.entrySet()) {
                wrk(wrk, threads, connections, warmup, e.getValue(), base, "warmup-" + slug(e.getKey()));
            }
            Map<String, List<WrkResult>> http = new LinkedHashMap<>();
            Map<String, List<Latencies.Summary>> inProcess = new LinkedHashMap<>();
            Map<String, List<Latencies.Summary>> database = new LinkedHashMap<>();
            Pgbench bench = pgbench(pgbench, dataSource);
            FunnelReport report = app.getBean(FunnelReport.class);
            OrgScope scope = new OrgScope(cityId);
            String cityPath = app.getBean(OrgTree.class).find(cityId).orElseThrow().path();
            String districtPath = app.getBean(OrgTree.class).find(districtId).orElseThrow().path();
            for (int round = 1; round <= rounds; round++) {
                for (Map.Entry<String, Endpoint> e : endpoints.entrySet()) {
                    http.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(wrk(wrk, threads, connections,
                            duration, e.getValue(), base, "round" + round + "-" + slug(e.getKey())));
                }
                inProcess.computeIfAbsent("FunnelReport.funnel, city", k -> new ArrayList<>())
                        .add(inProcess(report, scope, cityId, connections, duration));
                inProcess.computeIfAbsent("FunnelReport.funnel, district", k -> new ArrayList<>())
                        .add(inProcess(report, scope, districtId, connections, duration));
                database.computeIfAbsent("funnel SQL, city (pgbench)", k -> new ArrayList<>())
                        .add(summary(bench.run("funnel-city", funnelSql(cityPath), connections, duration)));
                database.computeIfAbsent("funnel SQL, district (pgbench)", k -> new ArrayList<>())
                        .add(summary(bench.run("funnel-district", funnelSql(districtPath), connections, duration)));
                System.out.printf(Locale.ROOT, "  round %d done (load average %.1f)%n", round, loadAverage());
            }
            String table = table(http, inProcess, database, threads, connections, duration, rounds);
            System.out.println();
            System.out.print(table);
            Files.writeString(out.resolve("seed-city-results.md"), table);
            System.out.println("Raw wrk outputs, pgbench logs and this table: " + out);
            boolean failed = http.values().stream().flatMap(List::stream).anyMatch(r -> r.non2xx() > 0);
            return failed || !exact ? 1 : 0;
        } finally {
            app.close();
        }
    }

    /**
     * Starts the app on the benchmark's own data directory: emptied first unless the last run's city is reused, and
     * kept when the app stops (the server's own clean-up would delete it), so that {@code --reuse=true} finds it.
     */
    private ConfigurableApplicationContext start(boolean reuse) throws IOException {
        Path dataDirectory = out.resolve("postgres");
        if (!reuse && Files.exists(dataDirectory)) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        SpringApplication application = new SpringApplication(UnionHubApplication.class);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("unionhub.demo.enabled", "true");
        properties.put("unionhub.embedded-db.data-directory", dataDirectory.toString());
        properties.put("unionhub.embedded-db.port", "0");
        properties.put("unionhub.embedded-db.clean-on-start", "false");
        // the bank's cards for 160,000 new members would trickle out in the background during the measurements
        properties.put("unionhub.cards.simulated-bank.enabled", "false");
        properties.put("spring.task.execution.pool.core-size", options.getOrDefault("listeners", "8"));
        properties.put("spring.datasource.hikari.maximum-pool-size", options.getOrDefault("pool", "20"));
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.unionhub.seedcity", "INFO");
        return application.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    // ---- checks -----------------------------------------------------------------------------------------------

    /** The funnel API against the plan (and, at full scale, against the seeds' figures); prints both. */
    private boolean check(String base, PlannedCity city, double scale, long cityId, long districtId) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        boolean exact = true;
        Object[][] asked = {
            {"city to 2023-04-30", cityId, FROM, CityCalendar.AS_OF, city.cityToDate()},
            {"city on 2023-05-30", cityId, CityCalendar.CAMPAIGN_DAY, CityCalendar.CAMPAIGN_DAY,
                city.cityOnCampaignDay()},
            {"海淀 to 2023-04-30", districtId, FROM, CityCalendar.AS_OF, city.district(DISTRICT, FROM,
                CityCalendar.AS_OF)},
            {"海淀 on 2023-05-30", districtId, CityCalendar.CAMPAIGN_DAY, CityCalendar.CAMPAIGN_DAY,
                city.district(DISTRICT, CityCalendar.CAMPAIGN_DAY, CityCalendar.CAMPAIGN_DAY)},
        };
        System.out.println("The funnel API (GET /api/v1/outreach/funnel) against what the generator made:");
        for (Object[] a : asked) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/outreach/funnel?orgId=" + a[1] + "&from=" + a[2] + "&to=" + a[3]))
                    .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode f = new ObjectMapper().readTree(response.body());
            Figures shown = new Figures(f.get("workerSessions").asLong(), f.get("workersReached").asLong(),
                    f.get("consultations").asLong(), f.get("applications").asLong(), f.get("membersJoined").asLong(),
                    f.get("memberRecords").asLong(), f.get("enterpriseSessions").asLong(),
                    f.get("enterprisesCovered").asLong(), f.get("unionsFounded").asLong());
            boolean same = shown.equals(a[4]);
            exact &= same;
            System.out.printf(Locale.ROOT, "  %-20s %s %s%n", a[0], describe(shown),
                    same ? "= planned" : "≠ planned " + describe((Figures) a[4]));
        }
        if (scale == 1) {
            Figures toDate = city.cityToDate();
            Figures day = city.cityOnCampaignDay();
            SeedFigures s = SeedFigures.SEEDS;
            boolean seeds = toDate.workerSessions() == s.workerSessions() && toDate.consultations() == s.consultations()
                    && toDate.applications() == s.applications() && toDate.memberRecords() == s.memberRecords()
                    && toDate.enterpriseSessions() == s.enterpriseSessions()
                    && toDate.enterprisesCovered() == s.enterprisesCovered()
                    && toDate.unionsFounded() == s.unionsFounded() && day.workerSessions() == s.campaignSites()
                    && day.workersReached() == s.campaignReached() && day.membersJoined() == s.campaignJoined();
            System.out.println("  the seeds' figures (27,100 / 609,800 / 160,100 / 1,193,500 / 17,300 / 21,700 / "
                    + "14,800; 350 sites, 19,800 reached, 4,551 joined): " + (seeds ? "shown exactly" : "NOT shown"));
            exact &= seeds;
        }
        return exact;
    }

    private static String describe(Figures f) {
        return String.format(Locale.ROOT, "sessions %,d, reached %,d, consultations %,d, applications %,d, "
                + "joined %,d, records %,d, enterprise sessions %,d, covered %,d, founded %,d", f.workerSessions(),
                f.workersReached(), f.consultations(), f.applications(), f.membersJoined(), f.memberRecords(),
                f.enterpriseSessions(), f.enterprisesCovered(), f.unionsFounded());
    }

    private static String describePlan(PlannedCity city) {
        return String.format(Locale.ROOT, "%,d worker and %,d enterprise sessions, %,d enterprises, %,d persons",
                city.plan().workerSessions().size(), city.plan().enterpriseSessions().size(),
                city.plan().enterprises().size(), city.plan().persons());
    }

    private static String sizes(DataSource dataSource) throws Exception {
        StringBuilder s = new StringBuilder("Rows:");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String table : List.of("outreach_session", "outreach_consultation", "membership_application",
                    "member", "member_history", "enterprise", "org_unit", "enterprise_session_coverage",
                    "funnel_day", "event_publication")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    s.append(String.format(Locale.ROOT, " %s %,d;", table, rs.getLong(1)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
                rs.next();
                s.append(" database ").append(rs.getString(1));
            }
        }
        return s.toString();
    }

    // ---- measurements -----------------------------------------------------------------------------------------

    /** A path, and the Authorization or Cookie header that signs it in (null: none). */
    private record Endpoint(String path, String credential) {
    }

    /** One wrk run, as its Lua done() reports it. */
    private record WrkResult(long requests, double seconds, double p50, double p95, double p99, long errors,
            long non2xx) {

        double perSecond() {
            return requests / seconds;
        }
    }

    /** The console session of the federation admin, signed in through the login form. */
    private static String signIn(String base) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        String form = "username=" + ADMIN + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .findFirst().orElseThrow(() -> new IllegalStateException("Sign-in failed")).getValue();
    }

    private WrkResult wrk(String wrk, int threads, int connections, int seconds, Endpoint endpoint, String base,
            String label) throws IOException, InterruptedException {
        Path script = out.resolve(label + ".lua");
        String header = endpoint.credential() == null ? ""
                : endpoint.credential().startsWith("JSESSIONID") ? "wrk.headers[\"Cookie\"] = \"" + endpoint.credential()
                        + "\"\n" : "wrk.headers[\"Authorization\"] = \"" + endpoint.credential() + "\"\n";
        Files.writeString(script, "-- generated by SeedCityBenchmark\nwrk.path = \"" + endpoint.path() + "\"\n"
                + header + """
                function done(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d "
                    .. "errors=%d non2xx=%d\\n", summary.requests, summary.duration, latency:percentile(50),
                    latency:percentile(95), latency:percentile(99), e.connect + e.read + e.write + e.timeout,
                    e.status))
                end
                """);
        Path log = out.resolve("wrk-" + label + ".txt");
        Process process = new ProcessBuilder(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "--latency", "-s", script.toString(), base)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("RESULT requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p95_us=(\\d+) "
                + "p99_us=(\\d+) errors=(\\d+) non2xx=(\\d+)").matcher(output);
        if (process.exitValue() != 0 || !m.find()) {
            throw new IllegalStateException("wrk failed (exit " + process.exitValue() + "):\n" + output);
        }
        WrkResult result = new WrkResult(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) / 1e6,
                Double.parseDouble(m.group(3)) / 1000, Double.parseDouble(m.group(4)) / 1000,
                Double.parseDouble(m.group(5)) / 1000, Long.parseLong(m.group(6)), Long.parseLong(m.group(7)));
        if (result.errors() + result.non2xx() > 0) {
            System.out.printf("  %s: %d socket errors, %d non-2xx answers (see %s)%n", label, result.errors(),
                    result.non2xx(), log);
        }
        return result;
    }

    /** The report service alone, from {@code clients} threads for {@code seconds}: no HTTP, no sign-in. */
    private static Latencies.Summary inProcess(FunnelReport report, OrgScope scope, long orgId, int clients,
            int seconds) throws InterruptedException {
        List<Latencies> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int t = 0; t < clients; t++) {
            Latencies latencies = new Latencies();
            perThread.add(latencies);
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    report.funnel(scope, orgId, FROM, CityCalendar.AS_OF);
                    latencies.add(System.nanoTime() - start);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Latencies all = new Latencies();
        perThread.forEach(all::addAll);
        return all.summary(seconds);
    }

    /** The two statements FunnelQueries.figures runs for a node, as one pgbench transaction. */
    private static String funnelSql(String path) {
        String p = "'" + path + "'";
        return "SELECT coalesce(sum(worker_sessions), 0), coalesce(sum(workers_reached), 0), "
                + "coalesce(sum(consultations), 0), coalesce(sum(applications), 0), coalesce(sum(members_joined), 0), "
                + "coalesce(sum(member_records), 0), coalesce(sum(enterprise_sessions), 0), "
                + "coalesce(sum(unions_founded), 0) FROM funnel_day WHERE org_path = " + p
                + " AND day BETWEEN '" + FROM + "' AND '" + CityCalendar.AS_OF + "';\n"
                + "SELECT count(DISTINCT enterprise_id) FROM funnel_enterprise_covered WHERE org_path ~>=~ " + p
                + " AND org_path ~<~ (left(" + p + ", -1) || '0') AND day BETWEEN '" + FROM + "' AND '"
                + CityCalendar.AS_OF + "';\n";
    }

    private static Latencies.Summary summary(Pgbench.Window window) {
        return window.latencies().summary(window.seconds());
    }

    private Pgbench pgbench(String executable, DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            URI uri = URI.create(c.getMetaData().getURL().substring("jdbc:".length()));
            return new Pgbench(executable, uri.getHost(), uri.getPort(), out);
        }
    }

    // ---- report -----------------------------------------------------------------------------------------------

    private static String table(Map<String, List<WrkResult>> http, Map<String, List<Latencies.Summary>> inProcess,
            Map<String, List<Latencies.Summary>> database, int threads, int connections, int duration, int rounds) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%d rounds; each: wrk -t%d -c%d -d%ds per endpoint, then %d threads in "
                + "process and pgbench -c%d for %ds; medians over the rounds of each round's figure (ms)%n%n", rounds,
                threads, connections, duration, connections, connections, duration));
        t.append("| what | req/s | p50 ms | p95 ms | p99 ms | p95 ÷ ping p95 | p95 ÷ me p95 |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|\n");
        double pingP95 = median(http.values().iterator().next().stream().mapToDouble(WrkResult::p95).toArray());
        List<List<WrkResult>> lists = new ArrayList<>(http.values());
        double meP95 = median(lists.get(1).stream().mapToDouble(WrkResult::p95).toArray());
        http.forEach((name, results) -> {
            double p95 = median(results.stream().mapToDouble(WrkResult::p95).toArray());
            t.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %.2f | %.1f | %.2f |%n", name,
                    median(results.stream().mapToDouble(WrkResult::perSecond).toArray()),
                    median(results.stream().mapToDouble(WrkResult::p50).toArray()), p95,
                    median(results.stream().mapToDouble(WrkResult::p99).toArray()), p95 / pingP95, p95 / meP95));
        });
        Map<String, List<Latencies.Summary>> measured = new LinkedHashMap<>(inProcess);
        measured.putAll(database);
        measured.forEach((name, results) -> {
            double p95 = median(results.stream().mapToDouble(s -> s.p95Micros() / 1000).toArray());
            t.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %.2f | %.1f | %.2f |%n", name,
                    median(results.stream().mapToDouble(Latencies.Summary::opsPerSecond).toArray()),
                    median(results.stream().mapToDouble(s -> s.medianMicros() / 1000).toArray()), p95,
                    median(results.stream().mapToDouble(s -> s.p99Micros() / 1000).toArray()), p95 / pingP95,
                    p95 / meP95));
        });
        return t.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void execute(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute(sql);
        }
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)).replace("_", ""));
    }

    private static String slug(String name) {
        return name.replaceAll("[^A-Za-z]+", "-").replaceAll("(^-|-$)", "").toLowerCase(Locale.ROOT);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}

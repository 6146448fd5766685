package org.unionhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.unionhub.UnionHubApplication;
import org.unionhub.station.StationFinder;
import org.unionhub.station.StationFinder.Found;

/**
 * The station finder under load: {@code GET /api/v1/stations/nearest} with two amenity filters and open-now among
 * 200,000 stations spread across China, beside the app's trivial {@code GET /api/v1/ping} (the HTTP ceiling of this
 * app on this machine), measured with wrk in the same run, alternating, so that the ratio is one run's.
 *
 * <p>Starts the real application in this JVM (embedded PostgreSQL under {@code target/bench/finder/postgres}, wiped at
 * start; demo tree for owners), loads the stations with COPY, rebuilds the finder's index and reports its build time
 * and approximate heap, checks what the finder answers for the query points, then runs wrk: a warm-up of each
 * endpoint, then {@code rounds} × (ping, finder) with the same threads and connections. Prints a table (requests/s,
 * p50, p99, finder/ping) and the medians over the rounds. Never part of {@code mvn verify}: see bench/finder.sh.
 */
public final class FinderBenchmark {

    /** A city the stations cluster around: centre, share of the non-Beijing stations, spread (1 σ, degrees). */
    private record City(String name, double lat, double lng, double weight, double sigma) {
    }

    /** Approximate city centres (GCJ-02 differs from these by a few hundred metres at most: irrelevant here). */
    private static final City BEIJING = new City("Beijing", 39.9042, 116.4074, 0, 0.18);
    private static final List<City> CITIES = List.of(
            new City("Shanghai", 31.2304, 121.4737, 3, 0.16),
            new City("Guangzhou", 23.1291, 113.2644, 2, 0.14),
            new City("Shenzhen", 22.5431, 114.0579, 2, 0.12),
            new City("Chengdu", 30.5728, 104.0668, 2, 0.12),
            new City("Chongqing", 29.5630, 106.5516, 2, 0.14),
            new City("Tianjin", 39.0842, 117.2010, 1.5, 0.12),
            new City("Wuhan", 30.5928, 114.3055, 1.5, 0.12),
            new City("Hangzhou", 30.2741, 120.1551, 1.5, 0.1),
            new City("Xi'an", 34.3416, 108.9398, 1.2, 0.1),
            new City("Nanjing", 32.0603, 118.7969, 1.2, 0.1),
            new City("Suzhou", 31.2990, 120.5853, 1, 0.1),
            new City("Zhengzhou", 34.7466, 113.6254, 1, 0.1),
            new City("Changsha", 28.2282, 112.9388, 1, 0.1),
            new City("Shenyang", 41.8057, 123.4315, 1, 0.1),
            new City("Qingdao", 36.0671, 120.3826, 1, 0.1),
            new City("Jinan", 36.6512, 117.1201, 0.8, 0.08),
            new City("Harbin", 45.8038, 126.5350, 0.8, 0.08),
            new City("Dalian", 38.9140, 121.6147, 0.8, 0.08),
            new City("Kunming", 25.0389, 102.7183, 0.8, 0.08),
            new City("Xiamen", 24.4798, 118.0894, 0.7, 0.07),
            new City("Hefei", 31.8206, 117.2272, 0.8, 0.08),
            new City("Fuzhou", 26.0745, 119.2965, 0.7, 0.07),
            new City("Shijiazhuang", 38.0428, 114.5149, 0.7, 0.07),
            new City("Changchun", 43.8171, 125.3235, 0.7, 0.07),
            new City("Nanning", 22.8170, 108.3665, 0.6, 0.07),
            new City("Taiyuan", 37.8706, 112.5489, 0.6, 0.07),
            new City("Nanchang", 28.6829, 115.8582, 0.6, 0.07),
            new City("Guiyang", 26.6470, 106.6302, 0.6, 0.07),
            new City("Urumqi", 43.8256, 87.6168, 0.5, 0.06),
            new City("Lanzhou", 36.0611, 103.8343, 0.5, 0.06),
            new City("Hohhot", 40.8424, 111.7490, 0.4, 0.06));

    /** Amenity codes (V500__stations.sql) and the share of stations that offer each. */
    private static final Map<String, Double> AMENITIES = new LinkedHashMap<>();

    static {
        AMENITIES.put("DRINKING_WATER", 0.85);
        AMENITIES.put("HOT_MEALS", 0.45);
        AMENITIES.put("REST_SEATS", 0.70);
        AMENITIES.put("TOILET", 0.50);
        AMENITIES.put("CHARGING", 0.60);
        AMENITIES.put("PARKING", 0.25);
        AMENITIES.put("MEDICINE_KIT", 0.40);
        AMENITIES.put("MOTHER_BABY", 0.15);
        AMENITIES.put("BOOKS", 0.20);
        AMENITIES.put("WIFI", 0.50);
        AMENITIES.put("RAIN_GEAR", 0.30);
        AMENITIES.put("HEATING_COOLING", 0.35);
    }

    private static final List<String> KINDS = List.of("WORKERS_HOME_MODEL", "WORKERS_HOME_PUBLIC",
            "WORKERS_HOME_ENTERPRISE", "WORKERS_HOME_SMALL", "WARM_STATION", "OUTDOOR_STATION", "WORKERS_LIBRARY",
            "MOTHER_BABY_ROOM", "RIDE_HAILING_STATION", "READING_CORNER");
    private static final List<String> HOSTS = List.of("MALL", "RESTAURANT", "CONVENIENCE_STORE", "BANK_BRANCH",
            "ENTERPRISE", "PUBLIC_BUILDING", "OTHER");

    static final String QUERY = "&amenities=HOT_MEALS,CHARGING&openNow=true&limit=10";

    /** A query point; {@code city} false for the rural ones. */
    record Point(double lat, double lng, boolean city) {
        String path() {
            return String.format(Locale.ROOT, "/api/v1/stations/nearest?lat=%.6f&lng=%.6f", lat, lng) + QUERY;
        }
    }

    /** One wrk run, as its Lua done() reports it. */
    record WrkResult(long requests, long durationMicros, double p50Micros, double p90Micros, double p99Micros,
            double maxMicros, long errors, long non2xx, double appCpuMicrosPerRequest, double loadAverage) {

        double perSecond() {
            return requests * 1_000_000.0 / durationMicros;
        }
    }

    private final Map<String, String> options;
    private final Random random;
    private final Path out;

    private FinderBenchmark(Map<String, String> options) {
        this.options = options;
        this.random = new Random(intOption("seed", 42));
        this.out = Path.of(options.getOrDefault("out", "target/bench/finder")).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, "bench/finder.sh");
        int status = new FinderBenchmark(options).run();
        System.exit(status);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)).replace("_", ""));
    }

    private int run() throws Exception {
        int stations = intOption("stations", 200_000);
        int rounds = intOption("rounds", 3);
        int duration = intOption("duration", 15);
        int warmup = intOption("warmup", 10);
        int threads = intOption("threads", 2);
        int connections = intOption("connections", 32);
        int pointCount = intOption("points", 10_000);
        String wrk = options.getOrDefault("wrk", "wrk");
        Files.createDirectories(out);

        System.out.printf(Locale.ROOT, "Load average at start: %.1f (other work on this machine)%n", loadAverage());
        System.out.printf(Locale.ROOT, "Station finder benchmark: %,d stations, wrk -t%d -c%d -d%ds, %d rounds "
                        + "(after twice %ds of warm-up of each endpoint); %d cores, max heap %d MiB, Java %s%n",
                stations, threads, connections, duration, rounds, warmup, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));

        long started = System.nanoTime();
        ConfigurableApplicationContext app = start();
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            System.out.printf(Locale.ROOT, "App started on port %d in %.1f s%n", port, seconds(started));
            DataSource dataSource = app.getBean(DataSource.class);
            StationFinder finder = app.getBean(StationFinder.class);

            long loading = System.nanoTime();
            load(dataSource, stations);
            System.out.printf(Locale.ROOT, "Loaded %,d stations (COPY, then ANALYZE) in %.1f s%n", stations,
                    seconds(loading));

            long heapBefore = usedHeapAfterGc();
            long building = System.nanoTime();
            finder.reload();
            double buildSeconds = seconds(building);
            long heapAfter = usedHeapAfterGc();
            System.out.printf(Locale.ROOT, "Index: %,d stations indexed by StationFinder.reload() in %.2f s "
                            + "(reading from PostgreSQL included); heap held by it ≈ %d MiB (used heap after GC, "
                            + "before vs after)%n", finder.indexedStations(), buildSeconds,
                    (heapAfter - heapBefore) >> 20);

            List<Point> points = points(pointCount);
            Path finderScript = writeScript("finder.lua", points.stream().map(Point::path).toList());
            Path pingScript = writeScript("ping.lua", List.of("/api/v1/ping"));

            String now = LocalDateTime.now(app.getBean(Clock.class))
                    .format(DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH));
            System.out.printf("Open-now is judged at the app's clock: %s (Asia/Shanghai)%n", now);
            sanity(port, points);
            inProcess(app, finder, points);

            String base = "http://127.0.0.1:" + port;
            System.out.printf("Warm-up: twice %ds of ping then %ds of finder%n", warmup, warmup);
            for (int i = 1; i <= 2; i++) {
                wrk(wrk, threads, connections, warmup, pingScript, base, "warmup" + i + "-ping");
                wrk(wrk, threads, connections, warmup, finderScript, base, "warmup" + i + "-finder");
            }
            Recording recording = null;
            if (options.containsKey("jfr")) {
                recording = new Recording(Configuration.getConfiguration("default"));
                recording.start();
            }

            List<WrkResult> pings = new ArrayList<>();
            List<WrkResult> finds = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                pings.add(wrk(wrk, threads, connections, duration, pingScript, base, "round" + round + "-ping"));
                finds.add(wrk(wrk, threads, connections, duration, finderScript, base, "round" + round + "-finder"));
                System.out.printf(Locale.ROOT, "  round %d done: ping %,.0f/s, finder %,.0f/s%n", round,
                        pings.get(round - 1).perSecond(), finds.get(round - 1).perSecond());
            }
            if (recording != null) {
                Path jfr = Path.of(options.get("jfr")).toAbsolutePath();
                recording.dump(jfr);
                recording.close();
                System.out.println("Flight recording of the measured rounds: " + jfr);
            }
            String table = table(pings, finds, threads, connections, duration);
            System.out.println();
            System.out.print(table);
            Files.writeString(out.resolve("finder-results.md"), table);
            System.out.println("Raw wrk outputs and this table: " + out);
            // socket errors (wrk's 2 s timeout on a crowded machine) are reported above; wrong answers fail the run
            boolean failed = pings.stream().anyMatch(r -> r.non2xx() > 0) || finds.stream().anyMatch(r -> r.non2xx() > 0);
            return failed ? 1 : 0;
        } finally {
            long stopping = System.nanoTime();
            app.close();
            System.out.printf(Locale.ROOT, "App stopped in %.1f s%n", seconds(stopping));
        }
    }

    private ConfigurableApplicationContext start() {
        SpringApplication application = new SpringApplication(UnionHubApplication.class);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("unionhub.demo.enabled", "true");
        properties.put("unionhub.embedded-db.data-directory", out.resolve("postgres").toString());
        properties.put("unionhub.embedded-db.port", "0");
        properties.put("unionhub.embedded-db.clean-on-start", "true");
        // no scheduled rebuild in the middle of a measurement
        properties.put("unionhub.stations.reload-every", "PT24H");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        // as command-line arguments, so that they win over application.yml
        return application.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    // ---- data -------------------------------------------------------------------------------------------------

    /**
     * 40% of the stations around Beijing, 50% around 31 other big cities (by weight), each city with a dense core
     * (70%, 1 σ) and suburbs (30%, 2.5 σ), and 10% rural, uniform over eastern and central China.
     */
    private Point place(Random r) {
        double u = r.nextDouble();
        if (u < 0.40) {
            return around(r, BEIJING);
        }
        if (u < 0.90) {
            return around(r, pickCity(r));
        }
        return rural(r);
    }

    private static City pickCity(Random r) {
        double total = CITIES.stream().mapToDouble(City::weight).sum();
        double x = r.nextDouble() * total;
        for (City city : CITIES) {
            x -= city.weight();
            if (x < 0) {
                return city;
            }
        }
        return CITIES.get(CITIES.size() - 1);
    }

    private static Point around(Random r, City city) {
        double sigma = city.sigma() * (r.nextDouble() < 0.7 ? 1 : 2.5);
        double lat = city.lat() + r.nextGaussian() * sigma;
        double lng = city.lng() + r.nextGaussian() * sigma / Math.cos(Math.toRadians(city.lat()));
        return new Point(lat, lng, true);
    }

    private static Point rural(Random r) {
        return new Point(22 + r.nextDouble() * 20, 100 + r.nextDouble() * 22, false);
    }

    /** Query points: 85% around the cities as the stations are (Beijing 40%), 15% rural. */
    private List<Point> points(int count) {
        Random r = new Random(random.nextLong());
        List<Point> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double u = r.nextDouble();
            points.add(u < 0.85 ? (u < 0.34 ? around(r, BEIJING) : around(r, pickCity(r))) : rural(r));
        }
        return points;
    }

    private void load(DataSource dataSource, int count) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            List<String[]> owners = new ArrayList<>();
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT id, path FROM org_unit WHERE kind IN ('STREET', 'TOWNSHIP', "
                            + "'TOWN') AND status = 'ACTIVE' ORDER BY id")) {
                while (rs.next()) {
                    owners.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            if (owners.isEmpty()) {
                throw new IllegalStateException("No streets in org_unit: is the demo tree loaded?");
            }
            long firstId;
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) + 1000 FROM station")) {
                rs.next();
                firstId = rs.getLong(1);
            }
            StringBuilder stationRows = new StringBuilder(count * 200);
            StringBuilder hourRows = new StringBuilder(count * 90);
            Random r = new Random(random.nextLong());
            List<String> codes = new ArrayList<>(AMENITIES.keySet());
            for (int i = 0; i < count; i++) {
                long id = firstId + i;
                Point p = place(r);
                String[] owner = owners.get(r.nextInt(owners.size()));
                List<String> amenities = new ArrayList<>();
                for (String code : codes) {
                    if (r.nextDouble() < AMENITIES.get(code)) {
                        amenities.add(code);
                    }
                }
                boolean allDay = hours(r, id, hourRows);
                boolean closedOnHolidays = !allDay && r.nextDouble() < 0.2;
                stationRows.append(id).append('\t')
                        .append("Bench station ").append(i).append('\t')
                        .append(KINDS.get(r.nextInt(KINDS.size()))).append('\t')
                        .append(owner[0]).append('\t')
                        .append(owner[1]).append('\t')
                        .append(HOSTS.get(r.nextInt(HOSTS.size()))).append('\t')
                        .append("Bench road ").append(i).append('\t')
                        .append(String.format(Locale.ROOT, "%.6f", clamp(p.lat(), 18.2, 53.5))).append('\t')
                        .append(String.format(Locale.ROOT, "%.6f", clamp(p.lng(), 73.6, 135))).append('\t')
                        .append('{').append(String.join(",", amenities)).append('}').append('\t')
                        .append(closedOnHolidays ? 't' : 'f').append('\t')
                        .append(r.nextDouble() < 0.6 ? "ACCEPTED" : "BUILT").append('\t')
                        .append("BENCH").append(id).append('\n');
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY station (id, name, kind_code, owner_org_id, owner_org_path, host_type_code, address, "
                    + "lat, lng, amenities, closed_on_holidays, status, scan_code) FROM STDIN",
                    new StringReader(stationRows.toString()));
            copy.copyIn("COPY station_hours (station_id, weekday, opens_min, closes_min) FROM STDIN",
                    new StringReader(hourRows.toString()));
            try (Statement st = connection.createStatement()) {
                st.execute("SELECT setval(pg_get_serial_sequence('station', 'id'), (SELECT max(id) FROM station))");
                st.execute("ANALYZE station");
                st.execute("ANALYZE station_hours");
            }
        }
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /**
     * Appends a station's weekly hours: 25% round the clock, 35% daytime every day, 12% evenings past midnight, 18%
     * office hours on weekdays, 10% split (lunch, then evening past midnight). True for round the clock.
     */
    private static boolean hours(Random r, long id, StringBuilder rows) {
        double u = r.nextDouble();
        if (u < 0.25) {
            week(rows, id, 1, 7, 0, 1440);
            return true;
        }
        if (u < 0.60) {
            week(rows, id, 1, 7, 360 + 30 * r.nextInt(9), 1020 + 30 * r.nextInt(11));
        } else if (u < 0.72) {
            week(rows, id, 1, 7, 1020 + 30 * r.nextInt(11), 60 + 30 * r.nextInt(11));
        } else if (u < 0.90) {
            week(rows, id, 1, 5, 510 + 30 * r.nextInt(2), 1020 + 60 * r.nextInt(2));
        } else {
            week(rows, id, 1, 7, 600, 840);
            week(rows, id, 1, 7, 1020, 120);
        }
        return false;
    }

    private static void week(StringBuilder rows, long id, int fromDay, int toDay, int opens, int closes) {
        for (int day = fromDay; day <= toDay; day++) {
            rows.append(id).append('\t').append(day).append('\t').append(opens).append('\t').append(closes)
                    .append('\n');
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    // ---- checks -----------------------------------------------------------------------------------------------

    /** What the finder answers over HTTP for the first points: how many results, city and rural apart. */
    private void sanity(int port, List<Point> points) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        int checked = Math.min(points.size(), 2_000);
        long[] queries = new long[2];
        long[] results = new long[2];
        long[] empty = new long[2];
        for (Point p : points.subList(0, checked)) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + p.path())).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Finder answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode stations = json.readTree(response.body()).get("stations");
            int k = p.city() ? 0 : 1;
            queries[k]++;
            results[k] += stations.size();
            if (stations.isEmpty()) {
                empty[k]++;
            }
        }
        System.out.printf(Locale.ROOT, "Answers (first %,d query points over HTTP): city points %,d, %.2f results "
                        + "on average, %.1f%% empty; rural points %,d, %.2f results on average, %.1f%% empty%n",
                checked, queries[0], (double) results[0] / Math.max(1, queries[0]),
                100.0 * empty[0] / Math.max(1, queries[0]), queries[1], (double) results[1] / Math.max(1, queries[1]),
                100.0 * empty[1] / Math.max(1, queries[1]));
    }

    /**
     * Where the time goes without HTTP: the finder's own search (with and without open-now) and the JSON of its
     * answer, one thread, after a warm-up.
     */
    private void inProcess(ConfigurableApplicationContext app, StationFinder finder, List<Point> points)
            throws IOException {
        ObjectMapper json = app.getBean(ObjectMapper.class);
        List<String> wanted = List.of("HOT_MEALS", "CHARGING");
        long sink = 0;
        int passes = 5;
        double[][] micros = new double[3][passes + 1];
        for (int pass = 0; pass <= passes; pass++) {
            for (int variant = 0; variant < 3; variant++) {
                long t0 = System.nanoTime();
                for (Point p : points) {
                    List<Found> found = finder.nearest(p.lat(), p.lng(), wanted, variant != 1, 10);
                    sink += variant == 2 ? json.writeValueAsBytes(Map.of("stations", found)).length : found.size();
                }
                micros[variant][pass] = (System.nanoTime() - t0) / 1000.0 / points.size();
            }
        }
        // pass 0 is the warm-up
        double withOpenNow = median(Arrays.copyOfRange(micros[0], 1, passes + 1));
        double withoutOpenNow = median(Arrays.copyOfRange(micros[1], 1, passes + 1));
        double withJson = median(Arrays.copyOfRange(micros[2], 1, passes + 1));
        System.out.printf(Locale.ROOT, "In process, one thread, µs per query (median of %d passes over the %,d points): "
                        + "nearest() with open-now %.1f, without open-now %.1f; with open-now and the answer's JSON %.1f "
                        + "(checksum %d)%n", passes, points.size(), withOpenNow, withoutOpenNow, withJson, sink % 10);
    }

    // ---- wrk --------------------------------------------------------------------------------------------------

    private Path writeScript(String name, List<String> paths) throws IOException {
        StringBuilder lua = new StringBuilder("-- generated by FinderBenchmark\nlocal paths = {\n");
        for (String path : paths) {
            lua.append("  \"").append(path).append("\",\n");
        }
        lua.append("""
                }
                local requests = {}
                local thread_count = 0

                function setup(thread)
                  thread_count = thread_count + 1
                  thread:set("thread_number", thread_count)
                end

                function init(args)
                  math.randomseed(7919 * (thread_number or 1))
                  for i, path in ipairs(paths) do
                    requests[i] = wrk.format("GET", path)
                  end
                end

                function request()
                  return requests[math.random(#requests)]
                end

                function done(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d "
                    .. "errors=%d non2xx=%d\\n", summary.requests, summary.duration, latency:percentile(50),
                    latency:percentile(90), latency:percentile(99), latency.max,
                    e.connect + e.read + e.write + e.timeout, e.status))
                end
                """);
        Path script = out.resolve(name);
        Files.writeString(script, lua.toString());
        return script;
    }

    private WrkResult wrk(String wrk, int threads, int connections, int seconds, Path script, String base,
            String label) throws IOException, InterruptedException {
        Path log = out.resolve("wrk-" + label + ".txt");
        double load = loadAverage();
        long cpuBefore = appCpuNanos();
        Process process = new ProcessBuilder(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency", "-s", script.toString(), base)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + log);
        }
        long cpu = appCpuNanos() - cpuBefore;
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("RESULT requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p90_us=(\\d+) "
                + "p99_us=(\\d+) max_us=(\\d+) errors=(\\d+) non2xx=(\\d+)").matcher(output);
        if (process.exitValue() != 0 || !m.find()) {
            throw new IllegalStateException("wrk failed (exit " + process.exitValue() + "):\n" + output);
        }
        WrkResult result = new WrkResult(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                Double.parseDouble(m.group(6)), Long.parseLong(m.group(7)), Long.parseLong(m.group(8)),
                cpu / 1000.0 / Math.max(1, Long.parseLong(m.group(1))), load);
        if (result.errors() + result.non2xx() > 0) {
            System.out.printf("  %s: %d socket errors, %d non-2xx answers (see %s)%n", label, result.errors(),
                    result.non2xx(), log);
        }
        return result;
    }

    /** CPU time of this JVM, that is of the app (the benchmark itself only waits for wrk meanwhile). */
    private static long appCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The machine's 1-minute load average: at the start, how much else runs on it; before a round, that plus the
     * benchmark's own busy threads of the minute before.
     */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    // ---- report -----------------------------------------------------------------------------------------------

    private static String table(List<WrkResult> pings, List<WrkResult> finds, int threads, int connections,
            int duration) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "wrk -t%d -c%d -d%ds --latency, ping and finder alternating in one run; "
                + "app CPU = CPU time of the app's JVM per request; load = 1-minute load average before the round "
                + "(counts this benchmark's own busy threads too)%n%n",
                threads, connections, duration));
        t.append("| round | load | ping req/s | ping p50 ms | ping p99 ms | ping app CPU µs/req | finder req/s "
                + "| finder p50 ms | finder p99 ms | finder app CPU µs/req | finder/ping req/s "
                + "| ping/finder app CPU |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int i = 0; i < pings.size(); i++) {
            WrkResult p = pings.get(i);
            WrkResult f = finds.get(i);
            double ratio = f.perSecond() / p.perSecond();
            double cpuRatio = p.appCpuMicrosPerRequest() / f.appCpuMicrosPerRequest();
            ratios.add(ratio);
            cpuRatios.add(cpuRatio);
            t.append(row(String.valueOf(i + 1), String.format(Locale.ROOT, "%.1f", p.loadAverage()), Row.of(p),
                    Row.of(f), ratio, cpuRatio));
        }
        Row ping = Row.medianOf(pings);
        Row finder = Row.medianOf(finds);
        double ratio = median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
        double cpuRatio = median(cpuRatios.stream().mapToDouble(Double::doubleValue).toArray());
        t.append(row("**median**", "", ping, finder, ratio, cpuRatio));
        t.append(String.format(Locale.ROOT, "%nGoal p99 ≤ 10 ms: %s (median finder p99 %.2f ms; ping's own %.2f ms). "
                        + "Goal ≥ 0.5 of ping's throughput: %s (median finder/ping %.2f; by app CPU per request "
                        + "%.2f).%n",
                finder.p99Micros() <= 10_000 ? "met" : "MISSED", finder.p99Micros() / 1000, ping.p99Micros() / 1000,
                ratio >= 0.5 ? "met" : "MISSED", ratio, cpuRatio));
        return t.toString();
    }

    /** The figures of a table row: one round's, or each figure's median over the rounds. */
    record Row(double perSecond, double p50Micros, double p99Micros, double appCpuMicros) {

        static Row of(WrkResult r) {
            return new Row(r.perSecond(), r.p50Micros(), r.p99Micros(), r.appCpuMicrosPerRequest());
        }

        static Row medianOf(List<WrkResult> results) {
            return new Row(median(results.stream().mapToDouble(WrkResult::perSecond).toArray()),
                    median(results.stream().mapToDouble(WrkResult::p50Micros).toArray()),
                    median(results.stream().mapToDouble(WrkResult::p99Micros).toArray()),
                    median(results.stream().mapToDouble(WrkResult::appCpuMicrosPerRequest).toArray()));
        }
    }

    private static String row(String label, String load, Row p, Row f, double ratio, double cpuRatio) {
        return String.format(Locale.ROOT, "| %s | %s | %,.0f | %.2f | %.2f | %.0f | %,.0f | %.2f | %.2f | %.0f | %.2f "
                        + "| %.2f |%n", label, load, p.perSecond(), p.p50Micros() / 1000, p.p99Micros() / 1000,
                p.appCpuMicros(), f.perSecond(), f.p50Micros() / 1000, f.p99Micros() / 1000, f.appCpuMicros(), ratio,
                cpuRatio);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

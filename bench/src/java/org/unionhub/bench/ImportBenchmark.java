package org.unionhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unionhub.UnionHubApplication;
import org.unionhub.common.IdNumber;

/**
 * The roster import at the seeds' scale: 1,193,500 members' records. Generates the roster (valid, unique GB 11643
 * numbers; the Beijing card template's columns; rows spread over the demo tree's grassroots and joint unions), starts
 * the real application in this JVM (embedded PostgreSQL, fsync on, data wiped at start), and for each run:
 *
 * <ol>
 * <li>{@code COPY} of the same file into a scratch table of text columns (logged, no index) through the JDBC
 * CopyManager — the database's own ceiling for taking these bytes in;</li>
 * <li>the import as staff do it, over HTTP with the admin's account: upload (multipart, streamed from disk), the
 * suggested mapping confirmed, the background validation awaited, the commit asked for and awaited;</li>
 * <li>the schema's floor: the members and history rows the import just created are copied out, the tables emptied,
 * and the same rows {@code COPY}-ed straight back into {@code member} and {@code member_history} (each analysed
 * after its copy) with all their indexes — what any import that stores these members would at least have to write, with no file, no checks, no
 * staging and no encryption;</li>
 * <li>the members, their history, staging and the import's file are then truncated, so that the next run starts from
 * the same state.</li>
 * </ol>
 *
 * Prints per run the phases' seconds, rows/s, the ratio to COPY, and the heap: the largest heap in use after any
 * garbage collection during the import (what the JVM had to keep) and the sum of the heap pools' peaks (an upper
 * bound). Never part of {@code mvn verify}: see bench/import.sh.
 */
public final class ImportBenchmark {

    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").split("");
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文斌宇浩然子轩雨欣梓涵思远晨阳嘉怡"
            + "俊杰一鸣海燕春梅建华永强晓东玉兰凤英振华立新";
    private static final String[] AREAS = {"110101", "110102", "110105", "110106", "110107", "110108", "110109",
            "110111", "110112", "110113", "110114", "110115", "110116", "110117", "110118", "110119", "130102",
            "130602", "371002", "410102", "420102", "510104"};
    private static final String[] EDUCATION = {"大学本科", "大学专科", "高中", "中专", "初中", "硕士研究生", "小学及以下"};
    private static final String[] EMPLOYMENT = {"在岗", "在岗", "在岗", "劳务派遣", "灵活就业", "新就业形态"};
    private static final String[] SKILL = {"无", "初级工", "中级工", "高级工", "技师", "高级技师"};
    private static final String[] RESIDENCE = {"北京市东城区", "北京市海淀区", "北京市朝阳区", "河北省保定市", "河南省郑州市",
            "山东省烟台市", "四川省成都市", "湖北省武汉市"};
    static final List<String> HEADERS = List.of("姓名", "证件类型", "证件号码", "性别", "手机号码", "学历", "就业状态",
            "技能等级", "户籍所在地", "是否外埠职工", "所属工会");

    /** The tables an import writes members into, in the order their rows can be copied back (history refers to member). */
    private static final List<String> FLOOR_TABLES = List.of("member", "member_history");

    private final Map<String, String> options;
    private final Path out;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private String base;
    /** The federation: the admin's own union, the upload's union (every row names its own). */
    private long rootOrgId;

    private ImportBenchmark(Map<String, String> options) {
        this.options = options;
        this.out = Path.of(options.getOrDefault("out", "target/bench/import")).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, "bench/import.sh");
        System.exit(new ImportBenchmark(options).run());
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)).replace("_", ""));
    }

    /** One run's figures, in seconds. */
    record Run(double copy, double upload, double validate, double commit, double floor, long maxLiveHeap,
            long poolPeaks, String status, int created, int inError) {

        double total() {
            return upload + validate + commit;
        }
    }

    private int run() throws Exception {
        int rows = intOption("rows", 1_193_500);
        int runs = intOption("runs", 3);
        String format = options.getOrDefault("format", "csv");
        Files.createDirectories(out);
        System.out.printf(Locale.ROOT, "Roster import benchmark: %,d rows (%s), %d runs; %d cores, max heap %d MiB, "
                        + "Java %s; load average %.1f%n", rows, format, runs,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        watchGarbageCollections();

        long started = System.nanoTime();
        ConfigurableApplicationContext app = start();
        int status = 0;
        try {
            base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            DataSource dataSource = app.getBean(DataSource.class);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            System.out.printf(Locale.ROOT, "App started in %.1f s%n", seconds(started));
            rootOrgId = jdbc.sql("SELECT id FROM org_unit WHERE parent_id IS NULL").query(Long.class).single();
            List<Long> unions = jdbc.sql("""
                            SELECT id FROM org_unit WHERE kind IN ('JOINT', 'GRASSROOTS') AND status = 'ACTIVE'
                            ORDER BY id LIMIT :n""").param("n", intOption("unions", 40)).query(Long.class).list();

            long generating = System.nanoTime();
            Path csv = out.resolve("roster-" + rows + ".csv");
            generateCsv(csv, rows, unions, intOption("seed", 42));
            Path upload = csv;
            if ("xlsx".equals(format)) {
                upload = out.resolve("roster-" + rows + ".xlsx");
                csvToXlsx(csv, upload);
            }
            System.out.printf(Locale.ROOT, "Generated %s (%,d bytes) in %.1f s across %d unions%n", upload.getFileName(),
                    Files.size(upload), seconds(generating), unions.size());

            if (Boolean.parseBoolean(options.getOrDefault("without-name-index", "false"))) {
                // diagnostic only: how much of the commit the roster's trigram index on member.name costs
                jdbc.sql("DROP INDEX member_name_trgm_idx").update();
                System.out.println("DIAGNOSTIC RUN: member_name_trgm_idx dropped");
            }
            List<Run> results = new ArrayList<>();
            clean(jdbc);
            for (int r = 1; r <= runs; r++) {
                Run result = once(dataSource, jdbc, csv, upload, rows);
                results.add(result);
                print(r, result, rows);
                if (!"COMMITTED".equals(result.status()) || result.created() != rows) {
                    System.out.println("FAILED: the import did not create every row");
                    status = 1;
                }
                clean(jdbc);
            }
            summary(results, rows);
        } finally {
            app.close();
        }
        return status;
    }

    private Run once(DataSource dataSource, JdbcClient jdbc, Path csv, Path upload, int rows) throws Exception {
        jdbc.sql("DROP TABLE IF EXISTS bench_copy").update();
        jdbc.sql("""
                CREATE TABLE bench_copy (name TEXT, id_type TEXT, id_number TEXT, sex TEXT, phone TEXT, education TEXT,
                       employment_status TEXT, skill_grade TEXT, residence TEXT, non_beijing_worker TEXT, union_ref TEXT)
                """).update();
        jdbc.sql("CHECKPOINT").update();
        long copying = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); InputStream in = Files.newInputStream(csv)) {
            long copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)", in, 1 << 16);
            if (copied != rows) {
                throw new IllegalStateException("COPY took " + copied + " rows");
            }
        }
        double copy = seconds(copying);
        jdbc.sql("DROP TABLE bench_copy").update();
        jdbc.sql("CHECKPOINT").update();

        System.gc();
        maxAfterGc.set(0);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        long uploading = System.nanoTime();
        JsonNode job = uploadFile(upload);
        long id = job.get("id").asLong();
        send(HttpRequest.newBuilder(uri("/api/v1/member-imports/" + id + "/mapping"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("columns", job.get("mapping"))))),
                202);
        double uploaded = seconds(uploading);
        long validating = System.nanoTime();
        JsonNode validated = await(jdbc, id, "VALIDATED");
        double validate = seconds(validating);
        long committing = System.nanoTime();
        send(HttpRequest.newBuilder(uri("/api/v1/member-imports/" + id + "/commit"))
                .POST(HttpRequest.BodyPublishers.noBody()), 202);
        JsonNode done = await(jdbc, id, "COMMITTED");
        double commit = seconds(committing);
        long poolPeaks = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long maxLiveHeap = maxAfterGc.get();
        double floor = floor(dataSource, jdbc);
        return new Run(copy, uploaded, validate, commit, floor, maxLiveHeap, poolPeaks, done.get("status").asText(),
                done.get("created").asInt(), validated.get("inError").asInt());
    }

    /**
     * The seconds it takes to {@code COPY} the members and history rows the import created straight back into their
     * tables (emptied first, every index in place): the least any import storing these members could take.
     */
    private double floor(DataSource dataSource, JdbcClient jdbc) throws Exception {
        Map<String, Path> dumps = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            var copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : FLOOR_TABLES) {
                Path dump = out.resolve(table + ".copy");
                try (OutputStream file = Files.newOutputStream(dump)) {
                    copyApi.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", file);
                }
                dumps.put(table, dump);
            }
        }
        jdbc.sql("TRUNCATE member, member_history, member_transfer, card_request").update();
        jdbc.sql("CHECKPOINT").update();
        long copying = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            var copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Map.Entry<String, Path> dump : dumps.entrySet()) {
                try (InputStream in = Files.newInputStream(dump.getValue())) {
                    copyApi.copyIn("COPY " + dump.getKey() + " FROM STDIN (FORMAT binary)", in, 1 << 16);
                }
                // as any loader must: without statistics the foreign-key checks of the next table's rows are
                // planned for an empty table (a sequential scan per row)
                try (Statement analyze = connection.createStatement()) {
                    analyze.execute("ANALYZE " + dump.getKey());
                }
            }
        }
        double floor = seconds(copying);
        for (Path dump : dumps.values()) {
            Files.delete(dump);
        }
        return floor;
    }

    private JsonNode uploadFile(Path file) throws Exception {
        String boundary = "----unionhub-bench-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"unionId\"\r\n\r\n"
                + rootOrgId + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = head.length + Files.size(file) + tail.length;
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head),
                                Files.newInputStream(file), new ByteArrayInputStream(tail))));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }), length);
        return send(HttpRequest.newBuilder(uri("/api/v1/member-imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body), 201);
    }

    /**
     * Waits for the job's status by reading it from the database every 100 ms: polling the API would cost a bcrypt
     * check of the password on every request (the API is stateless), CPU that the import itself would then lack.
     */
    private JsonNode await(JdbcClient jdbc, long id, String wanted) throws Exception {
        while (true) {
            String status = jdbc.sql("SELECT status FROM member_import WHERE id = :id").param("id", id)
                    .query(String.class).single();
            if (wanted.equals(status) || "FAILED".equals(status) || "CANCELLED".equals(status)) {
                return send(HttpRequest.newBuilder(uri("/api/v1/member-imports/" + id)).GET(), 200);
            }
            Thread.sleep(100);
        }
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("admin:Demo@2023".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    /**
     * Every run starts from the same state: no member, no import, no staging (deleting a million members row by row
     * took longer than the import itself on a busy machine, so the tables are truncated; the demo has no members).
     */
    private static void clean(JdbcClient jdbc) {
        jdbc.sql("""
                TRUNCATE member, member_history, member_transfer, card_request, member_import, member_import_chunk,
                         member_import_row, member_import_mapping, event_publication""").update();
        jdbc.sql("CHECKPOINT").update();
    }

    private void print(int run, Run r, int rows) {
        System.out.printf(Locale.ROOT, "run %d: COPY %.1f s (%,.0f rows/s) | import: upload+mapping %.1f s, "
                        + "validation %.1f s, commit %.1f s, total %.1f s (%,.0f rows/s) | import/COPY %.3f | "
                        + "floor (COPY into member + history) %.1f s, floor/COPY %.3f, import/floor %.3f | "
                        + "heap: max in use after GC %d MiB, pool peaks %d MiB | %s, %,d created, %,d in error%n",
                run, r.copy(), rows / r.copy(), r.upload(), r.validate(), r.commit(), r.total(), rows / r.total(),
                r.copy() / r.total(), r.floor(), r.copy() / r.floor(), r.floor() / r.total(), r.maxLiveHeap() >> 20,
                r.poolPeaks() >> 20, r.status(), r.created(), r.inError());
    }

    private void summary(List<Run> runs, int rows) throws IOException {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a.copy() / a.total(), b.copy() / b.total()));
        Run median = sorted.get(sorted.size() / 2);
        StringBuilder table = new StringBuilder("| run | COPY s | COPY rows/s | upload s | validation s | commit s | "
                + "import s | import rows/s | import ÷ COPY | floor s | floor ÷ COPY | import ÷ floor "
                + "| max heap after GC MiB | heap pool peaks MiB |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            table.append(String.format(Locale.ROOT,
                    "| %s | %.1f | %,.0f | %.1f | %.1f | %.1f | %.1f | %,.0f | %.3f | %.1f | %.3f | %.3f | %d | %d |%n",
                    (i + 1) + (r == median ? " (median)" : ""), r.copy(), rows / r.copy(), r.upload(), r.validate(),
                    r.commit(), r.total(), rows / r.total(), r.copy() / r.total(), r.floor(), r.copy() / r.floor(),
                    r.floor() / r.total(), r.maxLiveHeap() >> 20, r.poolPeaks() >> 20));
        }
        System.out.println();
        System.out.print(table);
        Files.writeString(out.resolve("import-results.md"), table);
    }

    // ---- the roster ------------------------------------------------------------------------------------------------

    /** Unique, valid resident IDs: (area, birth day, sequence) enumerates the rows; phones 13xxxxxxxxx unique too. */
    static void generateCsv(Path file, int rows, List<Long> unions, long seed) throws IOException {
        Random random = new Random(seed);
        LocalDate firstBirthDay = LocalDate.of(1962, 1, 1);
        int days = 15_000;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", HEADERS));
            w.write("\r\n");
            StringBuilder line = new StringBuilder(160);
            for (int i = 0; i < rows; i++) {
                int sequence = i % 999 + 1;
                int rest = i / 999;
                String first17 = AREAS[rest / days % AREAS.length]
                        + firstBirthDay.plusDays(rest % days).toString().replace("-", "")
                        + String.format("%03d", sequence);
                String id = first17 + IdNumber.checkCharacterFor(first17);
                line.setLength(0);
                line.append(SURNAMES[random.nextInt(SURNAMES.length)])
                        .append(GIVEN.charAt(random.nextInt(GIVEN.length())));
                if (random.nextBoolean()) {
                    line.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
                }
                line.append(",居民身份证,").append(id).append(',').append(sequence % 2 == 1 ? "男" : "女")
                        .append(",13").append(String.format("%09d", i)).append(',')
                        .append(EDUCATION[random.nextInt(EDUCATION.length)]).append(',')
                        .append(EMPLOYMENT[random.nextInt(EMPLOYMENT.length)]).append(',')
                        .append(SKILL[random.nextInt(SKILL.length)]).append(',')
                        .append(RESIDENCE[random.nextInt(RESIDENCE.length)]).append(',')
                        .append(random.nextInt(3) == 0 ? "是" : "否").append(',')
                        .append(unions.get(random.nextInt(unions.size()))).append("\r\n");
                w.append(line);
            }
        }
    }

    /** The same rows as an .xlsx workbook, every cell a text cell (inline strings), written as a stream. */
    static void csvToXlsx(Path csv, Path xlsx) throws IOException {
        try (var out = Files.newOutputStream(xlsx); var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            Workbook workbook = new Workbook(out, "bench", "1.0");
            Worksheet sheet = workbook.newWorksheet("会员信息");
            int[] r = {0};
            lines.forEach(text -> {
                String[] cells = text.split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    sheet.inlineString(r[0], c, cells[c]);
                }
                if (++r[0] % 10_000 == 0) {
                    try {
                        sheet.flush();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            workbook.finish();
        }
    }

    // ---- app and heap ------------------------------------------------------------------------------------------------

    private ConfigurableApplicationContext start() {
        SpringApplication application = new SpringApplication(UnionHubApplication.class);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("unionhub.demo.enabled", "true");
        properties.put("unionhub.embedded-db.data-directory", out.resolve("postgres").toString());
        properties.put("unionhub.embedded-db.port", "0");
        properties.put("unionhub.embedded-db.clean-on-start", "true");
        properties.put("unionhub.member-imports.batch-size", options.getOrDefault("batch-size", "10000"));
        properties.put("unionhub.member-imports.check-chunk", options.getOrDefault("check-chunk", "2000"));
        properties.put("unionhub.member-imports.poll-every", "PT0.5S");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.unionhub.membership.imports", "INFO");
        return application.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    /** Keeps the largest heap in use right after a collection: what the JVM could not free. */
    private void watchGarbageCollections() {
        List<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).toList();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    maxAfterGc.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

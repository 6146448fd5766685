package org.unionhub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs pgbench against the benchmark's database, over TCP like the JDBC pool, with prepared statements ({@code -M
 * prepared}, as pgjdbc uses once a statement has run a few times), and reads every transaction's latency from its
 * per-transaction log ({@code -l}).
 */
final class Pgbench {

    /** Unrecorded first second of every run: connections, PREPARE, catalog caches. */
    private static final int WARMUP_SECONDS = 1;

    private final String executable;
    private final String host;
    private final int port;
    private final Path directory;

    Pgbench(String executable, String host, int port, Path directory) {
        this.executable = executable;
        this.host = host;
        this.port = port;
        this.directory = directory;
    }

    String version() throws IOException, InterruptedException {
        return execute(List.of(executable, "--version")).strip();
    }

    /**
     * Runs {@code script} from {@code clients} connections for a warm-up second and then {@code seconds}, and returns
     * the latencies of the transactions that ended after the warm-up.
     */
    Window run(String name, String script, int clients, int seconds) throws IOException, InterruptedException {
        Path scriptFile = directory.resolve(name + ".pgbench.sql");
        Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
        String logPrefix = name + "-c" + clients;
        for (Path log : logs(logPrefix)) {
            Files.delete(log);
        }
        execute(List.of(executable, "-n", "-M", "prepared", "-h", host, "-p", Integer.toString(port), "-U", "postgres",
                "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                "-T", Integer.toString(WARMUP_SECONDS + seconds), "-f", scriptFile.toString(),
                "-l", "--log-prefix=" + directory.resolve(logPrefix), "postgres"));
        return readLogs(logPrefix);
    }

    /** Latencies measured over {@code seconds}; {@code transactions} also counts the warm-up second's. */
    record Window(Latencies latencies, double seconds, long transactions) {
    }

    /** Log lines are {@code client transaction latency_us script end_epoch_s end_epoch_us}. */
    private Window readLogs(String prefix) throws IOException {
        List<long[]> transactions = new ArrayList<>();
        for (Path log : logs(prefix)) {
            try (Stream<String> lines = Files.lines(log)) {
                lines.map(line -> line.split(" ")).forEach(fields -> transactions.add(new long[] {
                    Long.parseLong(fields[2]), Long.parseLong(fields[4]) * 1_000_000 + Long.parseLong(fields[5])}));
            }
        }
        long first = transactions.stream().mapToLong(transaction -> transaction[1]).min().orElseThrow();
        long last = transactions.stream().mapToLong(transaction -> transaction[1]).max().orElseThrow();
        long cutoff = first + WARMUP_SECONDS * 1_000_000L;
        Latencies latencies = new Latencies();
        transactions.stream().filter(transaction -> transaction[1] >= cutoff)
                .forEach(transaction -> latencies.add(transaction[0] * 1_000));
        return new Window(latencies, (last - cutoff) / 1e6, transactions.size());
    }

    private List<Path> logs(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix + ".")).toList();
        }
    }

    private static String execute(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "postgres");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}

package org.unionhub.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own, started from this JVM's class path as {@code mvn spring-boot:run} would run
 * it (embedded PostgreSQL with durability on, demo data, default logging), so that the load generator's threads,
 * allocations and collections never share the app's heap, and each side's CPU time can be read on its own from
 * {@code /proc}. Its standard output goes to a log file.
 */
final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int httpPort;
    private final int databasePort;
    private final Path dataDirectory;
    private final Path log;

    private AppProcess(Process process, int httpPort, int databasePort, Path dataDirectory, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.databasePort = databasePort;
        this.dataDirectory = dataDirectory;
        this.log = log;
    }

    /**
     * Starts the app with a fresh database in {@code directory/postgres} on free ports, with {@code jvmOptions} and
     * extra {@code properties}, and waits until it is ready ({@code /actuator/health/readiness}: after the demo data).
     */
    static AppProcess start(Path directory, List<String> jvmOptions, Map<String, String> properties,
            Duration timeout) throws IOException, InterruptedException {
        int httpPort = freePort();
        int databasePort = freePort();
        Path dataDirectory = directory.resolve("postgres");
        Path log = directory.resolve("app.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.unionhub.UnionHubApplication");
        command.add("--server.address=127.0.0.1");
        command.add("--server.port=" + httpPort);
        command.add("--unionhub.embedded-db.port=" + databasePort);
        command.add("--unionhub.embedded-db.data-directory=" + dataDirectory);
        command.add("--unionhub.embedded-db.clean-on-start=true");
        command.add("--spring.main.banner-mode=off");
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(process, httpPort, databasePort, dataDirectory, log);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
        app.awaitHealthy(timeout);
        return app;
    }

    int httpPort() {
        return httpPort;
    }

    int databasePort() {
        return databasePort;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** CPU time of the app's JVM, every thread, in nanoseconds. */
    long appCpuNanos() throws IOException {
        return ProcCpu.own(process.pid());
    }

    /**
     * CPU time of the PostgreSQL server: the postmaster and every live backend and helper process, plus the processes
     * it has reaped (pgbench's backends end with each pgbench run).
     */
    long databaseCpuNanos() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        long total = ProcCpu.ownAndReaped(postmaster);
        for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
            total += ProcCpu.ownOrZero(child.pid());
        }
        return total;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app stopped during start-up; see " + log);
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(
                        "http://127.0.0.1:" + httpPort + "/actuator/health/readiness").toURL().openConnection();
                connection.setInstanceFollowRedirects(false);
                connection.setConnectTimeout(1_000);
                connection.setReadTimeout(5_000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        stop();
        throw new IllegalStateException("The app was not ready within " + timeout + "; see " + log);
    }

    /** Asks the app to shut down (SIGTERM: Spring closes the context, which stops PostgreSQL), then insists. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package org.unionhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time of a process from {@code /proc/<pid>/stat} (Linux): user + system time of its own threads, and on request
 * of the children it has waited for. Clock ticks of 10 ms ({@code getconf CLK_TCK} = 100, as on every mainstream
 * Linux), so it suits windows of seconds.
 */
final class ProcCpu {

    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcCpu() {
    }

    static long own(long pid) throws IOException {
        long[] ticks = ticks(pid);
        return (ticks[0] + ticks[1]) * NANOS_PER_TICK;
    }

    static long ownAndReaped(long pid) throws IOException {
        long[] ticks = ticks(pid);
        return (ticks[0] + ticks[1] + ticks[2] + ticks[3]) * NANOS_PER_TICK;
    }

    /** Own CPU time, or 0 for a process that ended a moment ago (its time then shows in its parent's reaped time). */
    static long ownOrZero(long pid) throws IOException {
        try {
            return own(pid);
        } catch (NoSuchFileException ended) {
            return 0;
        }
    }

    /** utime, stime, cutime, cstime: fields 14–17, counted after the parenthesised command name. */
    private static long[] ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
            Long.parseLong(fields[14])};
    }
}

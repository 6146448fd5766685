package org.unionhub.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code --name=value} options a benchmark's script passes on; anything else stops the benchmark with a hint. */
final class BenchOptions {

    private static final Pattern OPTION = Pattern.compile("--([a-z-]+)=(.*)");

    private BenchOptions() {
    }

    /** The options by name; {@code script} names the script whose head lists them (for the error message). */
    static Map<String, String> parse(String[] args, String script) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            Matcher m = OPTION.matcher(arg);
            if (!m.matches()) {
                System.err.println("Unknown argument " + arg + " (expected --name=value; see " + script + ")");
                System.exit(2);
            }
            options.put(m.group(1), m.group(2));
        }
        return options;
    }
}

package org.unionhub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser journey shares: one Chromium per class, a fresh console-sized context and page per test, no
 * JavaScript error allowed on any page, and each step's time printed after the test and written to
 * {@code target/journey-timings/<class>.<test>.txt}.
 */
abstract class ConsoleJourney {

    private static final Path TIMINGS = Path.of("target", "journey-timings");

    protected static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;
    protected final List<String> pageErrors = new ArrayList<>();
    protected final Map<String, Duration> timings = new LinkedHashMap<>();

    @BeforeAll
    static void launchChromium() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        browser = Browser.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openConsole() {
        context = browser.console(baseUrl());
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
    }

    @AfterEach
    void closeConsole(TestInfo test) throws IOException {
        context.close();
        String journey = test.getTestMethod().map(m -> m.getName()).orElse("");
        timings.forEach((step, took) -> System.out.printf("journey %s: %s took %d ms%n", journey, step, took.toMillis()));
        Files.createDirectories(TIMINGS);
        Files.writeString(TIMINGS.resolve(getClass().getSimpleName() + "." + journey + ".txt"),
                timings.entrySet().stream().map(t -> t.getKey() + "\t" + t.getValue().toMillis() + " ms\n")
                        .collect(Collectors.joining()));
        assertThat(pageErrors).as("JavaScript errors on the pages").isEmpty();
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected void step(String name, Runnable action) {
        measured(name, () -> {
            action.run();
            return null;
        });
    }

    protected <T> T measured(String name, Supplier<T> action) {
        long start = System.nanoTime();
        T result = action.get();
        timings.put(name, Duration.ofNanos(System.nanoTime() - start));
        return result;
    }
}

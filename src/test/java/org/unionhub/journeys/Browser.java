package org.unionhub.journeys;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotScale;
import com.microsoft.playwright.options.ViewportSize;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Chromium for the browser journeys. Where Debian's {@code /usr/bin/chromium} is installed (CI installs it with apt)
 * Playwright drives it and downloads nothing; elsewhere Playwright fetches its own Chromium, so {@code mvn verify}
 * also works on an ordinary machine with internet. One instance per test class; each journey opens its own context
 * (cookies, viewport) from it.
 *
 * <p>Screenshots go to {@code target/screenshots/}. Run with {@code -Dunionhub.docs-screenshots=true} to also copy
 * the ones the user guide shows into {@code docs/img/}.
 */
final class Browser implements AutoCloseable {

    static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run");
    /** The staff console as staff see it on a desk. */
    static final ViewportSize CONSOLE = new ViewportSize(1280, 800);
    /** A common phone (iPhone 12–15 in CSS pixels). */
    static final ViewportSize PHONE = new ViewportSize(390, 844);
    /** A cheap Android phone (a Redmi 9A: 720 × 1600 pixels, 360 × 740 in CSS pixels), what many workers hold. */
    static final ViewportSize CHEAP_PHONE = new ViewportSize(360, 740);
    static final String CHEAP_PHONE_USER_AGENT = "Mozilla/5.0 (Linux; Android 11; M2006C3MG) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path DOCS_IMAGES = Path.of("docs", "img");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    static Browser launch() {
        boolean system = Files.isExecutable(SYSTEM_CHROMIUM);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(system ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of()));
        try {
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(FLAGS);
            if (system) {
                options.setExecutablePath(SYSTEM_CHROMIUM);
            }
            return new Browser(playwright, playwright.chromium().launch(options));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh desk-sized session (no cookies) against the app at {@code baseUrl}, in Chinese. */
    BrowserContext console(String baseUrl) {
        return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(CONSOLE).setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
    }

    /** A phone-sized session that continues {@code signedIn}'s session (same cookies). */
    BrowserContext phone(String baseUrl, BrowserContext signedIn) {
        return chromium.newContext(phoneOptions(baseUrl).setStorageState(signedIn.storageState()));
    }

    /** A fresh phone-sized session (no cookies): a worker who never signs in. */
    BrowserContext phone(String baseUrl) {
        return chromium.newContext(phoneOptions(baseUrl));
    }

    /** A fresh session (no cookies) on a cheap Android phone: small screen, touch, its mobile browser's user agent. */
    BrowserContext cheapPhone(String baseUrl) {
        return chromium.newContext(phoneOptions(baseUrl).setViewportSize(CHEAP_PHONE).setDeviceScaleFactor(2)
                .setUserAgent(CHEAP_PHONE_USER_AGENT));
    }

    private static com.microsoft.playwright.Browser.NewContextOptions phoneOptions(String baseUrl) {
        return new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(PHONE).setIsMobile(true).setHasTouch(true)
                .setLocale("zh-CN").setTimezoneId("Asia/Shanghai");
    }

    /**
     * The visible viewport as {@code target/screenshots/<name>.png}, one image pixel per CSS pixel whatever the
     * screen's density, so that the guide's pictures stay small.
     */
    static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setScale(ScreenshotScale.CSS));
        return file;
    }

    /** A screenshot the user guide shows: also copied into {@code docs/img/} when asked to. */
    static Path docsScreenshot(Page page, String name) {
        Path file = screenshot(page, name);
        if (Boolean.getBoolean("unionhub.docs-screenshots")) {
            compact(file, DOCS_IMAGES.resolve(file.getFileName()));
        }
        return file;
    }

    /**
     * Chromium writes its PNGs fast rather than small; the guide's copy is the same pixels written at the highest
     * compression (about a quarter smaller), so that screens full of Chinese text stay small in the repository.
     */
    private static void compact(Path png, Path copy) {
        try {
            Files.createDirectories(copy.getParent());
            BufferedImage image = ImageIO.read(png.toFile());
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            ImageWriteParam smallest = writer.getDefaultWriteParam();
            smallest.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            smallest.setCompressionQuality(0f);
            Files.deleteIfExists(copy);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(copy.toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), smallest);
            } finally {
                writer.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}

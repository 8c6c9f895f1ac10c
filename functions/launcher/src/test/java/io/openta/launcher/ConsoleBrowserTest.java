package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operations console in a real Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by
 * Selenium) against real parts: {@code openta infra} (PostgreSQL, Kafka), {@code openta serve} (scheduler and
 * functions) and the packaged access app, all processes of their own. Three distributors and the fund manager upload
 * golden case-02-rejections' first day over SFTP (MINA's client); then an operator signs in, sees the arrivals, starts
 * the day and watches it to COMPLETED through the page's live updates, sees the two rejected files with their
 * reasons and verifies the day; an admin rolls a stage back and sees it in the rollback log; a viewer gets only
 * Verify, and the rollback they send anyway is refused by the scheduler with its reason on the page. Screenshots go
 * to {@code target/console-screenshots/}.
 */
class ConsoleBrowserTest {
    private static final String DATE = "20261201";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String PASSWORD = "console-test-secret";
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @TempDir
    Path work;

    @Test
    void operatorWatchesADayViewerIsRefusedARollback() throws Exception {
        long t0 = System.nanoTime();
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "the console test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): apt-get install chromium chromium-driver (.ci/run installs them)");
        Path golden = TestCases.golden("case-02-rejections").resolve(DATE);
        Path accessRoot = work.resolve("access");
        Path inbox = Files.createDirectories(accessRoot.resolve("inbox").resolve(DATE));
        Path outbox = Files.createDirectories(accessRoot.resolve("outbox").resolve(DATE));
        Files.createDirectories(SCREENSHOTS);

        try (SharedInfra infra = SharedInfra.start(work)) {
            // the serve's roots are the access app's: the start from the console reads inbox/DATE
            ServeProcess serve = infra.serve(accessRoot.resolve("inbox"), accessRoot.resolve("outbox"), Map.of());
            Path authDir = work.resolve("auth");
            try (ConsoleAccessApp access = ConsoleAccessApp.start(accessRoot, usersFile(), infra.dbUrl(), infra.kafka(),
                    authDir, serve.url())) {
                System.out.printf("console test: infra, serve and access app up in %.1f s%n", secondsSince(t0));
                LocalAuth auth = LocalAuth.open(authDir);
                assertRefusedWithoutAGoodToken(access);
                uploadDay(access, golden.resolve("in"));

                WebDriver browser = chromium();
                try {
                    browser.get(access.url() + "/console/");
                    signIn(browser, auth.mint("olga", "operator", Api.TEST_TOKEN_TTL));
                    assertEquals("olga", text(browser, "who-user"));
                    assertVisible(browser, true, "action-start", "action-pause", "action-resume", "action-verify");
                    assertVisible(browser, false, "action-cancel", "action-rollback");

                    select(browser, DATE);
                    // the arrivals the SFTP server recorded, per sender, before the day starts
                    await(browser, "arrivals of A01, B02, C03 and FM1", () -> List.of("A01", "B02", "C03", "FM1")
                            .stream().allMatch(s -> !rows(browser, "#arrivals tr[data-sender='" + s + "']").isEmpty()));
                    assertEquals("NOT STARTED", text(browser, "day-status"));
                    screenshot(browser, "01-arrivals");

                    long started = System.nanoTime();
                    browser.findElement(By.id("action-start")).click();
                    await(browser, "the start accepted", () -> text(browser, "message").startsWith("start " + DATE
                            + ": accepted"));
                    boolean sawRunning = false;
                    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                    while (!text(browser, "day-status").equals("COMPLETED") && System.nanoTime() < deadline) {
                        if (!sawRunning && text(browser, "day-status").equals("RUNNING")
                                && !rows(browser, "#stages tbody tr").isEmpty()) {
                            sawRunning = true;
                            screenshot(browser, "02-running");
                        }
                        Thread.sleep(50);
                    }
                    assertEquals("COMPLETED", text(browser, "day-status"), "day status on the page");
                    System.out.printf("console test: day %s COMPLETED on the page %.1f s after Start%n", DATE,
                            secondsSince(started));
                    assertTrue(sawRunning, "the page never showed the day RUNNING with stage progress");
                    String activity = text(browser, "activity");
                    assertTrue(activity.contains(" RUNNING ") && activity.contains(" COMPLETED "),
                            "live updates received:\n" + activity);

                    // every stage, all shards done, with records and seconds
                    List<WebElement> stages = rows(browser, "#stages tbody tr");
                    assertEquals(8, stages.size(), "stages shown: " + text(browser, "stages"));
                    for (WebElement s : stages) {
                        List<WebElement> cells = s.findElements(By.tagName("td"));
                        String[] doneTotal = cells.get(1).getText().split(" / ");
                        assertEquals(doneTotal[1], doneTotal[0], "shards of " + cells.get(0).getText());
                        assertTrue(cells.get(4).getText().matches("\\d+\\.\\d"), "seconds of " + cells.get(0).getText()
                                + ": " + cells.get(4).getText());
                    }
                    // the two rejected files with the reason and detail of the .ERR the day wrote for them
                    assertRejected(browser, outbox, "OFD_C03_99_20261201_01.TXT", "LENGTH");
                    assertRejected(browser, outbox, "OFD_B02_99_20261201_03.TXT", "COUNT");

                    browser.findElement(By.id("action-verify")).click();
                    await(browser, "the verify result", () -> !browser.findElements(By.id("verify-result")).isEmpty());
                    assertEquals("day " + DATE + ": verified, no mismatch", text(browser, "verify-result"));
                    screenshot(browser, "03-completed-verified");

                    // an admin rolls back to the last stage: the rollback log shows it, by the admin's name
                    browser.findElement(By.id("signout")).click();
                    signIn(browser, auth.mint("ada", "admin", Api.TEST_TOKEN_TTL));
                    assertVisible(browser, true, "action-cancel", "action-rollback", "action-start");
                    select(browser, DATE);
                    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("rollback-to")))
                            .selectByValue("profit-export");
                    browser.findElement(By.id("action-rollback")).click();
                    await(browser, "the rollback in the log", () -> rows(browser, "#rollbacks tbody tr").stream()
                            .anyMatch(r -> r.getText().contains("profit-export") && r.getText().contains("ada")));
                    await(browser, "the day stopped", () -> text(browser, "day-status").equals("STOPPED"));
                    assertTrue(rows(browser, "#stages tr.running").isEmpty(), "a stopped day shows no stage running: "
                            + text(browser, "stages"));
                    screenshot(browser, "04-admin-rollback");
                    long logged = infra.queryLong("SELECT count(*) FROM sched.rollback_log WHERE biz_date = '"
                            + DATE + "'");
                    String status = infra.queryText("SELECT status FROM sched.day WHERE biz_date = '" + DATE + "'");

                    // a viewer: Verify only; a rollback sent anyway (the call the button makes) is refused by the
                    // scheduler, the reason shown, nothing changed
                    browser.findElement(By.id("signout")).click();
                    signIn(browser, auth.mint("vera", "viewer", Api.TEST_TOKEN_TTL));
                    select(browser, DATE);
                    assertVisible(browser, true, "action-verify");
                    assertVisible(browser, false, "action-start", "action-pause", "action-resume", "action-cancel",
                            "action-rollback");
                    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                            "window.opentaConsole.act('rollback', {to: 'profit'})");
                    await(browser, "the refusal", () -> text(browser, "message").contains("refused (403)"));
                    String refusal = text(browser, "message");
                    assertTrue(refusal.contains("vera") && refusal.contains("/api/days/" + DATE + "/rollback"),
                            refusal);
                    assertTrue(browser.findElement(By.id("message")).getAttribute("class").contains("error"));
                    screenshot(browser, "05-viewer-refused");
                    assertEquals(logged, infra.queryLong("SELECT count(*) FROM sched.rollback_log WHERE biz_date = '"
                            + DATE + "'"), "a refused rollback is not logged");
                    assertEquals(status, infra.queryText("SELECT status FROM sched.day WHERE biz_date = '" + DATE
                            + "'"), "a refused rollback changes nothing");
                } finally {
                    browser.quit();
                }
            } catch (AssertionError | RuntimeException e) {
                Files.copy(work.resolve("access/access.log"), SCREENSHOTS.resolve("access.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                System.out.println("access app log (in full: " + SCREENSHOTS.resolve("access.log") + "):\n"
                        + tail(work.resolve("access/access.log")));
                throw e;
            }
        }
        System.out.printf("console test: %.1f s in all; screenshots in %s%n", secondsSince(t0),
                SCREENSHOTS.toAbsolutePath());
    }

    /** The console's own API: 401 JSON without a token and with one of another key; the page itself is open. */
    private static void assertRefusedWithoutAGoodToken(ConsoleAccessApp access) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(access.url() + "/console/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(access.url() + "/console/api/me"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, none.statusCode(), none.body());
        assertTrue(none.body().contains("no bearer token"), none.body());
        Path otherKeys = Files.createTempDirectory("console-other-keys");
        String forged = LocalAuth.open(otherKeys).mint("mallory", "admin", Duration.ofMinutes(5));
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(access.url()
                + "/console/api/events?date=" + DATE)).header("Authorization", "Bearer " + forged).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("the bearer token was refused"), bad.body());
        // through the proxy the scheduler decides: no token, its 401 with its reason
        HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(URI.create(access.url() + "/api/days/" + DATE
                + "/rollback")).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, proxied.statusCode(), proxied.body());
        assertTrue(proxied.body().contains("no bearer token"), proxied.body());
    }

    private Path usersFile() throws IOException {
        StringBuilder yaml = new StringBuilder("users:\n");
        for (String[] u : List.of(new String[] { "a01", "distributor", "A01" },
                new String[] { "b02", "distributor", "B02" }, new String[] { "c03", "distributor", "C03" },
                new String[] { "fm1", "fund-manager", "FM1" })) {
            yaml.append("  - {name: ").append(u[0]).append(", role: ").append(u[1]).append(", code: ").append(u[2])
                    .append(", password: ").append(PASSWORD).append("}\n");
        }
        return Files.writeString(work.resolve("users.yaml"), yaml);
    }

    /** Each sender uploads its files of the golden inbox over SFTP (the README.txt there is no exchange file). */
    private static void uploadDay(ConsoleAccessApp access, Path in) throws Exception {
        SshClient client = SshClient.setUpDefaultClient();
        client.start();
        try (Stream<Path> files = Files.list(in)) {
            List<Path> all = files.filter(f -> !f.getFileName().toString().equals("README.txt")).sorted().toList();
            for (String user : List.of("a01", "b02", "c03", "fm1")) {
                String code = user.toUpperCase();
                try (ClientSession s = client.connect(user, "127.0.0.1", access.sftpPort).verify(Duration
                        .ofSeconds(20)).getSession()) {
                    s.addPasswordIdentity(PASSWORD);
                    s.auth().verify(Duration.ofSeconds(20));
                    try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(s)) {
                        for (Path f : all) {
                            String name = f.getFileName().toString();
                            if (name.startsWith("OFD_" + code + "_") || name.startsWith("OFI_" + code + "_")) {
                                try (var out = sftp.write("upload/" + name)) {
                                    Files.copy(f, out);
                                }
                            }
                        }
                    }
                }
            }
        } finally {
            client.stop();
        }
    }

    private static WebDriver chromium() throws IOException {
        Path profile = Files.createTempDirectory("console-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1700", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void signIn(WebDriver browser, String token) {
        WebElement box = browser.findElement(By.id("signin-token"));
        box.clear();
        box.sendKeys(token);
        browser.findElement(By.id("signin-button")).click();
        await(browser, "the sign-in", () -> browser.findElement(By.id("who")).isDisplayed());
    }

    private static void select(WebDriver browser, String date) {
        WebElement d = browser.findElement(By.id("day-date"));
        d.clear();
        d.sendKeys(date);
        browser.findElement(By.tagName("h1")).click(); // leaving the field fires its change: the page watches D
        await(browser, "day " + date + " selected", () -> !text(browser, "day-status").isEmpty()
                && text(browser, "activity").contains(" " + date + " "));
    }

    /** {@code file} is among the page's rejected files with {@code reason} and the detail its .ERR gives. */
    private static void assertRejected(WebDriver browser, Path outbox, String file, String reason)
            throws IOException {
        List<WebElement> r = rows(browser, "#rejections tr[data-file='" + file + "']");
        assertFalse(r.isEmpty(), file + " not among the rejected files: " + text(browser, "rejections"));
        List<WebElement> cells = r.get(0).findElements(By.tagName("td"));
        assertEquals(file.substring(4, 7), cells.get(1).getText(), "sender of " + file);
        assertEquals(reason, cells.get(2).getText(), "reason of " + file);
        String detail = cells.get(3).getText();
        assertFalse(detail.isBlank(), "no detail shown for " + file);
        String err = Files.readString(outbox.resolve(file + ".ERR"));
        assertTrue(err.startsWith("REJECTED " + reason) && err.contains(detail), file + ".ERR says " + err
                + ", the page " + reason + " " + detail);
    }

    private static void assertVisible(WebDriver browser, boolean visible, String... ids) {
        for (String id : ids) {
            assertEquals(visible, browser.findElement(By.id(id)).isDisplayed(), id + " shown");
        }
    }

    private static List<WebElement> rows(WebDriver browser, String css) {
        return browser.findElements(By.cssSelector(css));
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void await(WebDriver browser, String what, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(50))
                    .until(b -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot(browser, "failed");
            throw new AssertionError("waited 60 s for " + what + "; the page says: " + text(browser, "message")
                    + "\n" + browser.findElement(By.tagName("body")).getText());
        }
    }

    private static void screenshot(WebDriver browser, String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(
                    OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1).stream()
                    .filter(l -> !l.startsWith("\tat ") && !l.startsWith("\t... ")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}

package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.report.browser.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every report opens in a real headless Chromium with nothing in its console, every chart is laid out, and the
 * page is whole offline (no request leaves file://). Reports and screenshots stay under target/screenshots/ for a
 * person to look at.
 */
final class ReportsBrowserIT {

    private static final Path OUT = Path.of("target", "screenshots").toAbsolutePath();
    private static HeadlessChromium chromium;

    @BeforeAll
    static void reports() throws Exception {
        HeadlessChromium.assumeAvailable();
        Files.createDirectories(OUT);
        Path bottling = Scenarios.library().resolve("bottling-line.yaml");
        Path textbook = Scenarios.library().resolve("textbook-two-machine.yaml");
        Path canning = Scenarios.library().resolve("canning-cell.yaml");
        Path press = OUT.resolve("press.yaml");
        Files.writeString(press, """
                schema: linetwin/v1
                name: stamping
                line:
                  shifts: [ { days: mon-fri, start: "06:00", end: "22:00", breaks: [ { start: "12:00", duration: 30m } ] } ]
                  stations:
                    - { id: press, kind: machine, process: { dist: constant, value: 1s } }
                    - { id: trim, kind: machine, process: { dist: constant, value: 0.8s } }
                  buffers: [ { id: b, from: press, to: trim, capacity: 50 } ]
                experiment: { horizon: 3d, replications: 3, seed: 3, start: "mon 06:00" }
                """);
        for (String lang : new String[] {"en", "zh-CN"}) {
            List<Cli> runs = new ArrayList<>();
            runs.add(Cli.run(
                    "run",
                    bottling.toString(),
                    "--horizon",
                    "2d",
                    "--warmup",
                    "8h",
                    "--replications",
                    "4",
                    "--report",
                    OUT.resolve("run-" + lang + ".html").toString(),
                    "--lang",
                    lang));
            runs.add(Cli.run(
                    "compare",
                    textbook.toString(),
                    "--horizon",
                    "4h",
                    "--replications",
                    "5",
                    "--report",
                    OUT.resolve("compare-" + lang + ".html").toString(),
                    "--lang",
                    lang));
            runs.add(Cli.run(
                    "tune",
                    canning.toString(),
                    "--budget",
                    "8",
                    "--replications",
                    "2",
                    "--horizon",
                    "1h",
                    "--warmup",
                    "10m",
                    "--report",
                    OUT.resolve("tune-" + lang + ".html").toString(),
                    "--lang",
                    lang));
            runs.add(Cli.run(
                    "health",
                    "risk",
                    press.toString(),
                    "--rul",
                    "press=30h,8h",
                    "--rul",
                    "trim=60h",
                    "--repair",
                    "4h",
                    "--maintenance",
                    "1h",
                    "--report",
                    OUT.resolve("risk-" + lang + ".html").toString(),
                    "--lang",
                    lang));
            runs.add(Cli.run(
                    "balance",
                    bottling.toString(),
                    "--measurements",
                    Scenarios.library()
                            .resolve("bottling-line.measurements.csv")
                            .toString(),
                    "--report",
                    OUT.resolve("balance-" + lang + ".html").toString(),
                    "--lang",
                    lang));
            for (Cli cli : runs) {
                assertThat(cli.exitCode()).as(cli.err()).isZero();
            }
        }
        chromium = HeadlessChromium.start(Path.of("target", "chromium-reports"));
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "run-en",
                "run-zh-CN",
                "compare-en",
                "compare-zh-CN",
                "tune-en",
                "tune-zh-CN",
                "risk-en",
                "risk-zh-CN",
                "balance-en",
                "balance-zh-CN"
            })
    void theReportOpensWithoutErrorsAndEveryChartIsLaidOut(String name) throws Exception {
        Path report = OUT.resolve(name + ".html");

        try (HeadlessChromium.Page page = chromium.open(report.toUri().toString())) {
            int charts = page.evaluate("document.querySelectorAll('svg.chart').length")
                    .asInt();
            int laidOut = page.evaluate("Array.from(document.querySelectorAll('svg.chart'))"
                            + ".filter(s => s.getBoundingClientRect().width > 100 && s.getBoundingClientRect().height > 50)"
                            + ".length")
                    .asInt();
            int broken = page.evaluate(
                            "Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0)" + ".length")
                    .asInt();
            int outside = page.evaluate("performance.getEntriesByType('resource')"
                            + ".filter(r => !r.name.startsWith('file:') && !r.name.startsWith('data:')).length")
                    .asInt();
            page.screenshot(OUT.resolve(name + ".png"));

            assertThat(page.errors()).as("console of " + name).isEmpty();
            assertThat(charts).isPositive();
            assertThat(laidOut).isEqualTo(charts);
            assertThat(broken).isZero();
            assertThat(outside).as("requests that left the file").isZero();
            assertThat(page.evaluate("document.documentElement.lang").asText())
                    .isEqualTo(name.endsWith("zh-CN") ? "zh-CN" : "en");
            if (name.endsWith("zh-CN")) {
                assertThat(page.rendersChinese())
                        .as("a CJK font (Debian's fonts-wqy-microhei, which scripts/test.sh "
                                + "installs): without one the Chinese report is empty boxes")
                        .isTrue();
            }
        }
    }
}

package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.report.i18n.TextWidth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI tables in both languages: Chinese words, no English left, columns that line up in a terminal. */
final class LocalisedTablesTest {

    private static final String BOTTLING =
            Scenarios.library().resolve("bottling-line.yaml").toString();

    @Test
    void theRunTableSpeaksChineseAndItsColumnsLineUp() {
        Cli cli = Cli.run("run", BOTTLING, "--horizon", "1d", "--replications", "2", "--lang", "zh-CN");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains(
                        "基准方案",
                        "2 次重复运行",
                        "统计时段",
                        "产量 [pallets/小时]",
                        "  每生产小时",
                        "在制品 [bottles]",
                        "生产周期",
                        "设备综合效率 OEE（瓶颈 filler）",
                        "工位",
                        "利用率",
                        "故障",
                        "瓶颈：filler")
                .doesNotContain(
                        "replications",
                        "statistics from",
                        "throughput",
                        "lead time",
                        "bottleneck:",
                        "events:",
                        "station",
                        " Mon ",
                        "no data");
        List<String> stations = cli.out()
                .lines()
                .dropWhile(l -> !l.startsWith("工位"))
                .takeWhile(l -> !l.isBlank())
                .map(l -> l.replaceAll("\\s+(bottles|cases|pallets|单位)$", ""))
                .toList();
        assertThat(stations).hasSize(6);
        assertThat(stations.stream().map(TextWidth::of).distinct())
                .as("display width of each row")
                .hasSize(1);
    }

    @Test
    void theEnglishTableKeepsItsIndentedShiftRowsAndWords() {
        Cli cli = Cli.run("run", BOTTLING, "--horizon", "1d", "--replications", "2", "--lang", "en");

        assertThat(cli.out())
                .contains(
                        "baseline · 2 replications × 1d after 8h warm-up · seed 42",
                        "statistics from Mon 14:00 to Tue 14:00 (",
                        "\n  per production hour [pallets/h]",
                        "\n  per shift [pallets]",
                        "OEE (bottleneck filler)",
                        "bottleneck: filler");
    }

    @Test
    void theComparisonTableSpeaksChineseWithVerdicts() {
        Cli cli = Cli.run(
                "compare",
                Scenarios.library().resolve("textbook-two-machine.yaml").toString(),
                "--horizon",
                "2h",
                "--replications",
                "3",
                "--lang",
                "zh-CN");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("与基准方案配对比较", "基准方案", "差值的 95% 置信区间", "更优", "更差")
                .doesNotContain("better", "worse", "paired comparison", "difference");
        // Differences in percentage points ("+3.316 个百分点") are wider than the usual column: the verdict column
        // still starts at one display column on every row of a table.
        List<String> rows = cli.out().lines().filter(l -> l.startsWith("  ")).toList();
        assertThat(rows).hasSize(10).anyMatch(l -> l.contains("个百分点"));
        assertThat(rows.stream()
                        .map(l -> TextWidth.of(l.substring(0, l.lastIndexOf(' '))))
                        .distinct())
                .as("display column of the verdict")
                .hasSize(1);
    }

    @Test
    void theHealthRiskTableSpeaksChinese() throws Exception {
        java.nio.file.Path press = java.nio.file.Files.createTempFile("press", ".yaml");
        java.nio.file.Files.writeString(press, """
                schema: linetwin/v1
                name: stamping
                line:
                  stations:
                    - { id: press, kind: machine, process: { dist: constant, value: 1s } }
                experiment: { horizon: 2d, replications: 2, seed: 3, start: "sat 00:00" }
                """);
        try {
            Cli cli = Cli.run(
                    "health",
                    "risk",
                    press.toString(),
                    "--rul",
                    "press=10h,0s",
                    "--repair",
                    "4h",
                    "--maintenance",
                    "1h",
                    "--window-step",
                    "12h",
                    "--lang",
                    "zh-CN");

            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(cli.out())
                    .contains("维护风险", "自 周六 00:00 起", "设备", "8小时", "最佳维护窗口", "风险按日历时间计算")
                    .doesNotContain("maintenance risk", "best window", "Sat ", "Risks are");
        } finally {
            java.nio.file.Files.delete(press);
        }
    }

    @Test
    void theTuningTableSpeaksChinese() {
        Cli cli = Cli.run(
                "tune",
                Scenarios.library().resolve("canning-cell.yaml").toString(),
                "--budget",
                "6",
                "--replications",
                "2",
                "--horizon",
                "1h",
                "--warmup",
                "10m",
                "--lang",
                "zh-CN");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("最大化", "已搜索 ", "最终选择", "参数", "推荐", "产量", "结论：", "可直接粘贴")
                .doesNotContain("searched", "recommended", "verdict:", "ready to paste", "throughputPerHour ");
    }

    @Test
    void theBalanceReportSpeaksChineseAndKeepsTheNumbersOfTheEnglishOne() {
        String measurements =
                Scenarios.library().resolve("bottling-line.measurements.csv").toString();
        Cli zh = Cli.run("balance", BOTTLING, "--measurements", measurements, "--lang", "zh-CN");
        Cli en = Cli.run("balance", BOTTLING, "--measurements", measurements, "--lang", "en");

        assertThat(zh.exitCode()).as(zh.err()).isEqualTo(en.exitCode());
        assertThat(zh.out())
                .contains("物料平衡", "条有测量", "物流", "校正值", "冗余", "全局检验：卡方", "显著误差", "可疑测量（逐次剔除", "约束：")
                .doesNotContain(
                        "material balance",
                        "global test",
                        "GROSS ERROR",
                        "suspects",
                        "redundant",
                        "measurement test",
                        "constraints:");
        assertThat(en.out()).contains("material balance", "global test: chi-square", "GROSS ERROR", "suspects (");
        // The same figures in both (Chinese word order puts some of them in another place within a line).
        assertThat(numbers(zh.out())).containsExactlyInAnyOrderElementsOf(numbers(en.out()));
    }

    private static List<String> numbers(String text) {
        return java.util.regex.Pattern.compile("[-+]?[0-9][0-9,]*\\.[0-9]+(e[-+][0-9]+)?")
                .matcher(text)
                .results()
                .map(java.util.regex.MatchResult::group)
                .toList();
    }
}

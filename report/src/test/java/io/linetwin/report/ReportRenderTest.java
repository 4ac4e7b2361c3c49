package io.linetwin.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.Scenario;
import io.linetwin.report.i18n.Lang;
import io.linetwin.report.i18n.Messages;
import io.linetwin.report.i18n.MessagesTestAccess;
import io.linetwin.sim.experiment.Comparison;
import io.linetwin.sim.experiment.Experiment;
import io.linetwin.sim.experiment.ExperimentResult;
import io.linetwin.sim.experiment.Kpi;
import io.linetwin.sim.experiment.Replications;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

final class ReportRenderTest {

    private static final ZonedDateTime WHEN = ZonedDateTime.of(2025, 1, 6, 14, 3, 0, 0, ZoneOffset.UTC);

    private static Scenario scenario;
    private static ExperimentResult result;
    private static RunSeries series;
    private static List<Comparison> comparisons;

    @BeforeAll
    static void simulate() {
        scenario = Lines.cell();
        series = new RunSeries(
                scenario.line(),
                3,
                0,
                scenario.experiment().warmupSeconds(),
                scenario.experiment().horizonSeconds());
        Experiment experiment = new Experiment(scenario.experiment(), 2, Replications.Progress.NONE);
        result = experiment.tracing(series.listeners()).run(Scenario.BASELINE, scenario.line());
        comparisons = experiment.compareAll(scenario);
    }

    private static String run(Lang lang) {
        return RunReport.html(
                new RunReport.Input(
                        scenario, scenario.line(), result, Optional.of(series), Optional.empty(), WHEN, "test"),
                Messages.of(lang));
    }

    private static String compare(Lang lang) {
        return CompareReport.html(new CompareReport.Input(scenario, comparisons, WHEN, "test"), Messages.of(lang));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theRunReportIsWellFormedAndEverySvgParses(Lang lang) {
        Document page = Xhtml.parse(run(lang));

        List<Document> svgs = Xhtml.svgs(page);
        // line diagram, state bars, throughput and WIP over time, two buffer histograms
        assertThat(svgs).hasSize(6);
        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo(lang.tag());
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void everyStationHasAStateBarWhoseSharesAreTheResults(Lang lang) {
        Document page = Xhtml.parse(run(lang));

        List<Element> bars = Xhtml.withAttribute(page, "data-station").stream()
                .filter(e -> e.getAttribute("class").equals("state-bar"))
                .toList();
        assertThat(bars.stream().map(e -> e.getAttribute("data-station")))
                .containsExactlyElementsOf(result.stations().keySet());
        for (Element bar : bars) {
            var working = Xhtml.withAttribute(page, "data-state").stream()
                    .filter(e -> e.getParentNode() == bar
                            && e.getAttribute("data-state").equals("working"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Double.parseDouble(working.getAttribute("data-share")))
                    .isEqualTo(result.stations()
                            .get(bar.getAttribute("data-station"))
                            .states()
                            .working());
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void kpiCellsCarryTheExactEstimates(Lang lang) {
        Document page = Xhtml.parse(run(lang));

        Map<String, Element> rows = Xhtml.withAttribute(page, "data-kpi").stream()
                .collect(Collectors.toMap(e -> e.getAttribute("data-kpi"), e -> e));
        for (Kpi kpi : Kpi.values()) {
            Element row = rows.get(kpi.key());
            assertThat(row).as(kpi.key()).isNotNull();
            Element mean = (Element) row.getElementsByTagNameNS("*", "td").item(1);
            assertThat(Double.parseDouble(mean.getAttribute("data-mean")))
                    .isEqualTo(result.estimate(kpi).mean());
            Element low = (Element) row.getElementsByTagNameNS("*", "td").item(2);
            assertThat(Double.parseDouble(low.getAttribute("data-ci-low")))
                    .isEqualTo(result.estimate(kpi).ciLow().getAsDouble());
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theComparisonShowsAWhiskerPerVariantAndKpiWithItsVerdict(Lang lang) {
        Document page = Xhtml.parse(compare(lang));
        Messages m = Messages.of(lang);

        assertThat(Xhtml.svgs(page)).hasSize(1 + Kpi.values().length);
        List<Element> whiskers = Xhtml.withAttribute(page, "data-mean").stream()
                .filter(e -> e.getAttribute("class").equals("whisker"))
                .toList();
        assertThat(whiskers).hasSize(comparisons.size() * Kpi.values().length);
        for (Comparison comparison : comparisons) {
            for (Kpi kpi : Kpi.values()) {
                Element row = Xhtml.withAttribute(page, "data-variant").stream()
                        .filter(e -> e.getAttribute("data-variant")
                                        .equals(comparison.variant().variant())
                                && e.getAttribute("data-kpi").equals(kpi.key()))
                        .findFirst()
                        .orElseThrow();
                assertThat(row.getTextContent())
                        .contains(Words.verdict(
                                m, comparison.differences().get(kpi).verdict()));
                Element diff = (Element) row.getElementsByTagNameNS("*", "td").item(3);
                assertThat(Double.parseDouble(diff.getAttribute("data-diff-mean")))
                        .isEqualTo(comparison.differences().get(kpi).estimate().mean());
            }
        }
        // The smaller buffer costs throughput in this line: the page says so.
        Element smaller = Xhtml.withAttribute(page, "data-variant").stream()
                .filter(e -> e.getAttribute("data-variant").equals("smaller")
                        && e.getAttribute("data-kpi").equals("throughputPerHour"))
                .findFirst()
                .orElseThrow();
        assertThat(smaller.getTextContent()).contains(m.get("verdict.worse"));
    }

    /** What a reader sees: the text of the page (tooltips included), less its style sheet. */
    private static String text(String html) {
        Document page = Xhtml.parse(html);
        var styles = page.getElementsByTagNameNS("*", "style");
        for (int i = styles.getLength() - 1; i >= 0; i--) {
            styles.item(i).getParentNode().removeChild(styles.item(i));
        }
        return page.getDocumentElement().getTextContent();
    }

    /**
     * Rendering in Chinese leaves no English message behind: every English text that differs from its Chinese one
     * (less placeholders and symbols) is absent from the Chinese pages.
     */
    @org.junit.jupiter.api.Test
    void chinesePagesContainNoEnglishTemplateText() throws Exception {
        String pages = text(run(Lang.ZH_CN)) + "\n" + text(compare(Lang.ZH_CN));
        Set<String> leftovers = new TreeSet<>();
        for (Map.Entry<String, String[]> entry : MessagesTestAccess.pairs().entrySet()) {
            String english = entry.getValue()[0];
            if (english.equals(entry.getValue()[1])) {
                continue;
            }
            for (String fragment : english.split("\\{\\d}")) {
                String words = fragment.strip();
                // Terms Chinese plants write in Latin letters too.
                if (Set.of("OEE", "AGV", "LineTwin").contains(words)) {
                    continue;
                }
                if (words.chars().filter(Character::isLetter).count() >= 3
                        && java.util.regex.Pattern.compile(
                                        "(?<![A-Za-z])" + java.util.regex.Pattern.quote(words) + "(?![A-Za-z])")
                                .matcher(pages)
                                .find()) {
                    leftovers.add(entry.getKey() + ": " + words);
                }
            }
        }
        assertThat(leftovers).isEmpty();
    }
}

package io.linetwin.report;

import io.linetwin.predict.balance.BalanceReport;
import io.linetwin.predict.balance.FlowNetwork;
import io.linetwin.predict.balance.GlobalTest;
import io.linetwin.predict.balance.MeasurementSet;
import io.linetwin.predict.balance.Reconciliation;
import io.linetwin.predict.balance.Stream;
import io.linetwin.predict.balance.Suspect;
import io.linetwin.report.html.ReportPage;
import io.linetwin.report.html.Table;
import io.linetwin.report.i18n.Messages;
import io.linetwin.report.svg.ThresholdBars;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The report of {@code linetwin balance --report}: whether the measurements hold together (the global chi-square
 * test before and after taking the suspects out), the suspects with their bias, every measured stream's test
 * against the critical value, and measured against reconciled for each stream.
 */
public final class BalanceReportPage {

    /** Streams charted at most: the largest tests; the table lists every measured stream. */
    private static final int CHARTED = 40;

    /**
     * @param source where the measurements came from, in a line ("measurements.csv", "twin 06:00 → 14:00")
     */
    public record Input(
            String scenario, String source, BalanceReport report, ZonedDateTime generatedAt, String version) {
        public Input {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(generatedAt, "generatedAt");
            Objects.requireNonNull(version, "version");
        }
    }

    private BalanceReportPage() {}

    public static String html(Input in, Messages m) {
        BalanceReport r = in.report();
        FlowNetwork network = r.network();
        MeasurementSet measured = r.measurements();
        Reconciliation initial = r.initial();
        Reconciliation reconciled = r.reconciled();
        ReportPage page = new ReportPage(
                m,
                m.get("balance.kind"),
                in.scenario(),
                m.get(
                        "balance.line",
                        in.source(),
                        m.count(measured.count()),
                        m.count(network.size()),
                        m.number(r.alpha())));

        page.section("verdict", m.get("section.verdict"), m.get("balance.verdict.note"));
        boolean inconsistent = r.initialTest().rejects();
        page.banner(
                inconsistent
                        ? m.get("balance.verdict.errors", m.count(r.suspects().size()))
                        : r.initialTest().degreesOfFreedom() == 0
                                ? m.get("balance.verdict.untestable")
                                : m.get("balance.verdict.consistent"),
                inconsistent ? "bad" : "good");
        List<String[]> pairs = new ArrayList<>();
        pairs.add(new String[] {m.get("balance.test.before"), test(m, r.initialTest())});
        pairs.add(new String[] {m.get("balance.test.after"), test(m, r.finalTest())});
        pairs.add(new String[] {m.get("balance.critical"), m.number(r.measurementTestCritical())});
        page.summary(pairs);
        page.endSection();

        if (!r.suspects().isEmpty()) {
            page.section("suspects", m.get("section.suspects"), m.get("section.suspects.note"));
            Table suspects = new Table(
                    "suspects", m.get("col.stream"), m.get("col.test"), m.get("col.bias"), m.get("col.alike"));
            for (Suspect s : r.suspects()) {
                suspects.row(
                        "highlight",
                        List.of(
                                Table.text(s.stream()),
                                Table.number(m.number(s.standardised()), "standardised", s.standardised()),
                                Table.number(
                                        CompareReport.signed(m, s.bias()) + " ± " + m.number(s.biasSd()),
                                        "bias",
                                        s.bias()),
                                Table.text(
                                        s.indistinguishableFrom().isEmpty()
                                                ? "–"
                                                : String.join(", ", s.indistinguishableFrom()))),
                        "data-suspect",
                        s.stream());
            }
            page.scroll(suspects.end());
            page.endSection();
        }

        page.section("tests", m.get("section.tests"), m.get("section.tests.note"));
        List<ThresholdBars.Bar> bars = new ArrayList<>();
        for (int v = 0; v < network.size(); v++) {
            if (measured.measured(v) && Double.isFinite(initial.standardised(v))) {
                String id = network.stream(v).id();
                double z = Math.abs(initial.standardised(v));
                bars.add(new ThresholdBars.Bar(id, z, r.suspected(id), id + ": " + m.number(z)));
            }
        }
        bars.sort(Comparator.comparingDouble(ThresholdBars.Bar::value).reversed());
        if (!bars.isEmpty()) {
            page.scroll(ThresholdBars.render(
                    bars.subList(0, Math.min(CHARTED, bars.size())),
                    r.measurementTestCritical(),
                    m.get("balance.criticalShort", m.number(r.measurementTestCritical())),
                    m.get("chart.standardised"),
                    m::tick,
                    m.get("section.tests")));
        }
        page.endSection();

        page.section("streams", m.get("section.streams"), m.get("section.streams.note"));
        Table streams = new Table(
                "streams",
                m.get("col.stream"),
                m.get("col.node"),
                m.get("col.class"),
                m.get("col.measured"),
                m.get("col.reconciled"),
                m.get("col.adjustment"),
                m.get("col.test"));
        List<String> unknown = new ArrayList<>();
        for (int v = 0; v < network.size(); v++) {
            Stream stream = network.stream(v);
            boolean isMeasured = measured.measured(v);
            if (!isMeasured && !Double.isFinite(reconciled.estimate(v))) {
                unknown.add(stream.id());
                continue;
            }
            boolean suspect = r.suspected(stream.id());
            double value = isMeasured ? measured.value(v) : Double.NaN;
            streams.row(
                    suspect ? "highlight" : "",
                    List.of(
                            Table.text(stream.id()),
                            Table.text(stream.node()),
                            Table.cell(m.get("class." + initial.streamClass(v).jsonName())),
                            Table.number(
                                    isMeasured ? m.number(value) + " ± " + m.number(measured.sd(v)) : "–",
                                    "measured",
                                    value),
                            Table.number(
                                    m.number(reconciled.estimate(v)) + " ± " + m.number(reconciled.sd(v)),
                                    "reconciled",
                                    reconciled.estimate(v)),
                            Table.number(
                                    isMeasured ? CompareReport.signed(m, reconciled.estimate(v) - value) : "–",
                                    "adjustment",
                                    isMeasured ? reconciled.estimate(v) - value : Double.NaN),
                            Table.number(
                                    Double.isFinite(initial.standardised(v)) ? m.number(initial.standardised(v)) : "–",
                                    "standardised",
                                    initial.standardised(v))),
                    "data-stream",
                    stream.id());
        }
        page.scroll(streams.end());
        if (!unknown.isEmpty()) {
            page.raw("<details><summary>"
                    + io.linetwin.report.html.Xml.escape(m.get("balance.unobservable", m.count(unknown.size())))
                    + "</summary><p class=\"note\">"
                    + io.linetwin.report.html.Xml.escape(String.join(", ", unknown)) + "</p></details>");
        }
        page.endSection();
        return page.finish(m.get("footer.short", "LineTwin " + in.version() + " · " + m.dateTime(in.generatedAt())));
    }

    private static String test(Messages m, GlobalTest test) {
        if (test.degreesOfFreedom() == 0) {
            return m.get("balance.verdict.untestable");
        }
        return m.get(
                "balance.test.value",
                m.number(test.statistic()),
                m.count(test.degreesOfFreedom()),
                m.number(test.critical()),
                m.number(test.pValue()),
                m.get(test.rejects() ? "balance.rejects" : "balance.holds"));
    }
}

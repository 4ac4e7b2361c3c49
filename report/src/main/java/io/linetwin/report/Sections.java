package io.linetwin.report;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.report.html.ReportPage;
import io.linetwin.report.html.Xml;
import io.linetwin.report.i18n.Messages;
import io.linetwin.sim.experiment.ExperimentResult;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Parts every report shares: the header line, the scenario summary, KPI cards and the footer. */
final class Sections {

    private Sections() {}

    /** "10 replications × 7 d after 8 h warm-up · seed 42". */
    static String runLine(Messages m, ExperimentResult result) {
        ExperimentSpec e = result.experiment();
        return m.get(
                "run.line",
                m.count(result.replications().size()),
                m.duration(e.horizonSeconds()),
                m.duration(e.warmupSeconds()),
                Long.toString(e.seed()));
    }

    static void scenario(ReportPage page, Messages m, Scenario scenario, LineSpec line, ExperimentResult result) {
        page.section("scenario", m.get("section.scenario"), "");
        List<String[]> pairs = new ArrayList<>();
        pairs.add(new String[] {m.get("summary.scenario"), scenario.name()});
        if (!scenario.description().isBlank()) {
            pairs.add(new String[] {
                m.get("summary.description"), scenario.description().strip()
            });
        }
        pairs.add(new String[] {
            m.get("summary.variant"), Scenario.BASELINE.equals(result.variant()) ? m.get("baseline") : result.variant()
        });
        pairs.add(new String[] {m.get("summary.experiment"), runLine(m, result)});
        pairs.add(new String[] {m.get("summary.line"), lineCounts(m, line)});
        if (!line.products().isEmpty()) {
            pairs.add(new String[] {
                m.get("summary.products"),
                String.join(", ", line.products().stream().map(p -> p.id()).toList())
            });
        }
        pairs.add(new String[] {
            m.get("summary.shifts"),
            line.shifts().isEmpty()
                    ? m.get("summary.shifts.none")
                    : m.get("summary.shifts.some", m.count(line.shifts().size()))
        });
        pairs.add(new String[] {m.get("summary.bottleneck"), result.bottleneck().orElse(m.get("none"))});
        pairs.add(new String[] {
            m.get("summary.events"),
            m.get("summary.events.value", m.count(result.events()), m.number(result.wallSeconds()))
        });
        page.summary(pairs);
        page.endSection();
    }

    static String lineCounts(Messages m, LineSpec line) {
        long machines =
                line.stations().stream().filter(s -> s.kind().processesParts()).count();
        int agvs = line.transport().map(t -> t.vehicles()).orElse(0);
        return m.get(
                "summary.line.value",
                m.count(machines),
                m.count(line.buffers().size() - line.conveyors().size()),
                m.count(line.conveyors().size()),
                m.count(agvs));
    }

    static String card(String label, String value, String ci) {
        return "<div class=\"card\"><div class=\"label\">" + Xml.escape(label) + "</div><div class=\"value\">"
                + Xml.escape(value) + "</div><div class=\"ci\">" + Xml.escape(ci) + "</div></div>";
    }

    static String footer(Messages m, ZonedDateTime generatedAt, String version, long seed) {
        return m.get("footer", version, m.dateTime(generatedAt), Long.toString(seed));
    }
}

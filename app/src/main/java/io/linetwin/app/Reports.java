package io.linetwin.app;

import io.linetwin.app.render.ReportPicture;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.OutputUnits;
import io.linetwin.model.Scenario;
import io.linetwin.model.UnitName;
import io.linetwin.report.CompareReport;
import io.linetwin.report.RunReport;
import io.linetwin.report.RunSeries;
import io.linetwin.report.i18n.Messages;
import io.linetwin.sim.experiment.Comparison;
import io.linetwin.sim.experiment.Experiment;
import io.linetwin.sim.experiment.ExperimentResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * The reports of {@code run} and {@code compare}, kept out of the commands so that their edits stay small: a traced
 * experiment for the run's time series, the 3D picture when a GL is there, the page written atomically.
 */
final class Reports {

    private Reports() {}

    /** The experiment, traced for the report's charts when a report is wanted; the series that will fill. */
    static Optional<RunSeries> seriesFor(
            ReportOptions options, Scenario scenario, LineSpec line, Optional<LineState> start) {
        if (!options.wanted()) {
            return Optional.empty();
        }
        return Optional.of(new RunSeries(
                line,
                scenario.experiment().replications(),
                start.map(LineState::clockSeconds).orElse(0.0),
                scenario.experiment().warmupSeconds(),
                scenario.experiment().horizonSeconds()));
    }

    static Experiment traced(Experiment experiment, Optional<RunSeries> series) {
        return series.map(s -> experiment.tracing(s.listeners())).orElse(experiment);
    }

    static void writeRun(
            ReportOptions options,
            Scenario scenario,
            LineSpec line,
            ExperimentResult result,
            Optional<RunSeries> series,
            boolean warmStarted,
            PrintWriter err)
            throws IOException, BadInputException {
        if (!options.wanted()) {
            return;
        }
        Messages messages = options.messages();
        Optional<byte[]> picture = Optional.empty();
        if (!options.noPicture && !warmStarted) {
            ReportPicture.Result shot = ReportPicture.render(
                    line,
                    scenario.experiment(),
                    Scenario.BASELINE.equals(result.variant())
                            ? scenario.name()
                            : scenario.name() + " / " + result.variant());
            picture = shot.png();
            if (picture.isEmpty()) {
                err.println("linetwin: report without a 3D picture (no software GL here: " + shot.whyNone() + ")");
                err.flush();
            }
        }
        OutputUnits units = OutputUnits.of(line, scenario.output());
        Optional<String> unit = units.oneUnit() && !units.line().equals(UnitName.PART)
                ? Optional.of(units.line().plural())
                : Optional.empty();
        options.write(RunReport.html(
                new RunReport.Input(scenario, line, result, series, picture, ReportOptions.now(), Main.version(), unit),
                messages));
    }

    static void writeCompare(ReportOptions options, Scenario scenario, List<Comparison> comparisons)
            throws IOException, BadInputException {
        if (options.wanted()) {
            options.write(CompareReport.html(
                    new CompareReport.Input(scenario, comparisons, ReportOptions.now(), Main.version()),
                    options.messages()));
        }
    }
}

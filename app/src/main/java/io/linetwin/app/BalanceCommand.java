package io.linetwin.app;

import io.linetwin.app.balance.Accuracy;
import io.linetwin.app.balance.BalanceContext;
import io.linetwin.app.balance.BalanceJson;
import io.linetwin.app.balance.BalanceText;
import io.linetwin.app.balance.SnapshotFile;
import io.linetwin.app.balance.StreamListing;
import io.linetwin.app.balance.TwinMeasurements;
import io.linetwin.model.Scenario;
import io.linetwin.predict.balance.BalanceAnalysis;
import io.linetwin.predict.balance.BalanceInputException;
import io.linetwin.predict.balance.BalanceReport;
import io.linetwin.predict.balance.FlowNetwork;
import io.linetwin.predict.balance.MeasurementCsv;
import io.linetwin.predict.balance.MeasurementSet;
import io.linetwin.report.BalanceReportPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code linetwin balance}: material balance reconciliation of measured flows, with gross-error detection. */
@Command(
        name = "balance",
        mixinStandardHelpOptions = true,
        description = {
            "Reconciles measured flows, scrap and stocks with the line's conservation laws (weighted least",
            "squares), classifies every stream (redundant, just measured, observable, unobservable), and names",
            "gross errors (global chi-square test, measurement tests, serial elimination) with their bias.",
            "Stream ids: linetwin balance FILE --streams; formats: docs/balance.md."
        })
public final class BalanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (linetwin/v1 YAML).")
    Path file;

    @Option(
            names = "--measurements",
            paramLabel = "CSV",
            description = "Measured streams: a CSV with the header stream,value,sd or stream,value,relative.")
    Path measurements;

    @Option(
            names = "--from-twin",
            arity = "2",
            paramLabel = "SNAPSHOT.json",
            description = "Two twin snapshots, BEFORE then AFTER: counters and levels over the period between them.")
    List<Path> twin;

    @Option(
            names = "--accuracy",
            paramLabel = "CSV",
            description = "With --from-twin: sd of each kind of reading, a CSV kind,sd,relative (kinds counter, "
                    + "level, material; defaults are printed).")
    Path accuracy;

    @Option(
            names = "--alpha",
            paramLabel = "A",
            defaultValue = "0.05",
            description = "Significance level of the global and measurement tests (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the report as JSON to OUT.")
    Path json;

    @Mixin
    ReportOptions report;

    @Option(names = "--streams", description = "List the stream ids with their node and role in each constraint.")
    boolean streams;

    @Override
    public Integer call() throws Exception {
        ScenarioOptions scenarioOptions = new ScenarioOptions();
        scenarioOptions.file = file;
        Scenario scenario = scenarioOptions.load();
        FlowNetwork network = FlowNetwork.of(scenario.line());
        if (streams) {
            if (measurements != null || twin != null) {
                throw new BadInputException("balance: --streams lists the streams and takes no measurements");
            }
            StreamListing.print(spec.commandLine().getOut(), scenario.name(), network);
            return ExitCode.OK;
        }
        if ((measurements == null) == (twin == null)) {
            throw new BadInputException(
                    "balance: give --measurements CSV or --from-twin BEFORE.json AFTER.json " + "(one of them)");
        }
        if (accuracy != null && twin == null) {
            throw new BadInputException(
                    "balance: --accuracy applies to --from-twin; a measurement CSV carries its " + "own sd");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new BadInputException("--alpha: expected a number in (0, 1), got " + alpha);
        }
        requireWritable(json);
        report.check();
        try {
            BalanceContext context;
            MeasurementSet measured;
            if (measurements != null) {
                requireFile("--measurements", measurements);
                measured = MeasurementCsv.read(measurements, network);
                context = BalanceContext.ofCsv(scenario.name(), scenario.line().id(), measurements.toString());
            } else {
                requireFile("--from-twin", twin.get(0));
                requireFile("--from-twin", twin.get(1));
                if (accuracy != null) {
                    requireFile("--accuracy", accuracy);
                }
                Accuracy accuracies = accuracy == null ? Accuracy.defaults() : Accuracy.read(accuracy);
                TwinMeasurements.Result result = TwinMeasurements.of(
                        scenario.line(),
                        network,
                        SnapshotFile.read(twin.get(0)),
                        SnapshotFile.read(twin.get(1)),
                        accuracies);
                measured = MeasurementSet.of(network, result.measurements());
                context = BalanceContext.ofTwin(
                        scenario.name(),
                        scenario.line().id(),
                        twin.get(0).toString(),
                        twin.get(1).toString(),
                        result,
                        accuracies,
                        accuracy == null);
            }
            BalanceReport balance = BalanceAnalysis.run(measured, alpha);
            BalanceText.print(spec.commandLine().getOut(), context, balance, report.messages());
            if (json != null) {
                try {
                    BalanceJson.write(BalanceJson.document(context, balance), json);
                } catch (IOException e) {
                    throw new BadInputException("--json: cannot write " + json + ": " + e.getMessage());
                }
            }
            if (report.wanted()) {
                report.write(BalanceReportPage.html(
                        new BalanceReportPage.Input(
                                scenario.name(),
                                measurements != null ? measurements.toString() : twin.get(0) + " → " + twin.get(1),
                                balance,
                                ReportOptions.now(),
                                Main.version()),
                        report.messages()));
            }
        } catch (BalanceInputException e) {
            throw new BadInputException(e.getMessage());
        }
        return ExitCode.OK;
    }

    private static void requireFile(String option, Path path) throws BadInputException {
        if (!Files.isRegularFile(path)) {
            throw new BadInputException(option + ": " + path + ": no such file");
        }
    }

    /** OUT is checked before the work: not a directory, and in a directory that exists or can be made. */
    private static void requireWritable(Path out) throws BadInputException {
        if (out == null) {
            return;
        }
        if (Files.isDirectory(out)) {
            throw new BadInputException("--json: " + out + " is a directory; give a file name");
        }
        Path parent = out.toAbsolutePath().getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new BadInputException("--json: cannot write " + out + ": " + parent + " is not a writable directory");
        }
    }
}

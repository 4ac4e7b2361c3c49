package io.linetwin.app;

import io.linetwin.model.Scenario;
import io.linetwin.model.Variant;
import io.linetwin.sim.experiment.Comparison;
import io.linetwin.sim.experiment.Experiment;
import io.linetwin.sim.experiment.ReplicationEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Run the baseline and every variant with common random numbers and compare each with the "
                + "baseline: both values, paired differences with 95 %% CIs, the change in %% and a verdict per KPI.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions options;

    @Mixin
    WarmStartOptions warmStart;

    @Mixin
    ProgressOptions progress;

    @Mixin
    EngineOptions engine;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the comparison as JSON to OUT.")
    Path json;

    @Mixin
    ReportOptions report;

    @Option(
            names = "--tuned",
            paramLabel = "TUNE.json",
            description =
                    "Also compare the setting a tune --json run recommended, as variant '" + TuneReport.VARIANT + "'.")
    Path tuned;

    @Option(
            names = "--min-effect",
            paramLabel = "P%",
            defaultValue = "1%",
            description = "Smallest change worth acting on, as a share of the baseline (default: ${DEFAULT-VALUE}): "
                    + "a significant difference below it is \"no relevant difference\".")
    String minEffect;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = withTuned(options.load());
        report.check();
        double effect = MinEffect.parse(minEffect);
        OutputFiles outputs = report.declare(new OutputFiles()
                .file("--json", json)
                .input(options.file)
                .input(warmStart.file())
                .input(tuned));
        ProgressReporter reporter = progress.reporter(spec.commandLine().getErr(), Scenario.BASELINE)
                .expecting(scenario.experiment().replications()
                        * (1 + scenario.variants().size()));
        List<Comparison> comparisons;
        try (ReplicationEngine replications = engine.open(options, "compare")) {
            Experiment experiment = warmStart.experiment(scenario, scenario.line(), replications, reporter);
            outputs.check();
            comparisons = experiment.compareAll(scenario, effect);
        }
        KpiTable.printComparisons(spec.commandLine().getOut(), scenario, comparisons, effect, report.messages());
        if (json != null) {
            ResultJson.write(ResultJson.compare(scenario, comparisons, effect), json, outputs);
        }
        Reports.writeCompare(report, scenario, comparisons);
        return ExitCode.OK;
    }

    private Scenario withTuned(Scenario scenario) throws BadInputException {
        if (tuned == null) {
            return scenario;
        }
        if (scenario.variant(TuneReport.VARIANT).isPresent()) {
            throw new BadInputException("--tuned: the scenario already has a variant named '" + TuneReport.VARIANT
                    + "'; rename it to compare the tuned setting");
        }
        List<Variant> variants = new ArrayList<>(scenario.variants());
        try {
            variants.add(scenario.variantOf(TuneReport.VARIANT, TuneJson.bestValues(tuned)));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--tuned " + tuned + ": best.values." + e.getMessage());
        }
        return new Scenario(
                scenario.name(),
                scenario.description(),
                scenario.line(),
                scenario.experiment(),
                variants,
                scenario.output(),
                scenario.tuning(),
                scenario.template());
    }
}

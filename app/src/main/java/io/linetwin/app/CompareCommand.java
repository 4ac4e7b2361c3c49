package io.linetwin.app;

import io.linetwin.model.Scenario;
import io.linetwin.sim.experiment.Comparison;
import io.linetwin.sim.experiment.Experiment;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run the baseline and every variant with common random numbers and compare each with the "
                + "baseline: paired differences, 95 %% CIs and a verdict per KPI.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions options;

    @Mixin
    WarmStartOptions warmStart;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the comparison as JSON to OUT.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = options.load();
        OutputFiles outputs = new OutputFiles().file("--json", json).input(options.file).input(warmStart.file());
        Experiment experiment = warmStart.experiment(scenario, scenario.line(), options.threads(),
                new ProgressReporter(spec.commandLine().getErr(), "compare"));
        outputs.check();
        List<Comparison> comparisons = experiment.compareAll(scenario);
        KpiTable.printComparisons(spec.commandLine().getOut(), scenario, comparisons);
        if (json != null) {
            ResultJson.write(ResultJson.compare(comparisons), json, outputs);
        }
        return ExitCode.OK;
    }
}

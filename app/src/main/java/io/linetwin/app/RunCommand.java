package io.linetwin.app;

import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.sim.experiment.Experiment;
import io.linetwin.sim.experiment.ExperimentResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulate a scenario (or one variant) and print its KPIs with 95 %% CIs.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions options;

    @Option(names = "--variant", paramLabel = "NAME", description = "Variant to run (default: baseline).")
    String variant = Scenario.BASELINE;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the results as JSON to OUT.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = options.load();
        LineSpec line;
        try {
            line = scenario.lineOf(variant);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--variant: " + e.getMessage());
        }
        Experiment experiment = new Experiment(scenario.experiment(), options.threads(),
                new ProgressReporter(spec.commandLine().getErr(), variant));
        ExperimentResult result = experiment.run(variant, line);
        KpiTable.printRun(spec.commandLine().getOut(), scenario, result);
        if (json != null) {
            ResultJson.write(ResultJson.run(scenario, result), json);
        }
        return ExitCode.OK;
    }
}

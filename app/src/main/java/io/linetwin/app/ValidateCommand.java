package io.linetwin.app;

import io.linetwin.app.render.LayoutCheck;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.scenario.ScenarioProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check a scenario file and print every problem in it.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (linetwin/v1 YAML).")
    Path file;

    @Override
    public Integer call() throws BadInputException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioOptions.requireScenarioFile(file);
        List<ScenarioProblem> problems = new ArrayList<>(ScenarioLoader.validate(file));
        if (problems.isEmpty()) {
            // Only a valid file has a floor plan: equipment the layout puts on the same floor is a problem too.
            try {
                problems.addAll(
                        LayoutCheck.problems(file, ScenarioLoader.load(file).line()));
            } catch (Exception e) {
                err.println(file + ": cannot check the floor plan: " + e.getMessage());
                return ExitCode.FAILURE;
            }
        }
        problems.forEach(p -> err.println(p.toLine()));
        if (!problems.isEmpty()) {
            err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
            return ExitCode.BAD_INPUT;
        }
        out.println(file + ": valid");
        return ExitCode.OK;
    }
}

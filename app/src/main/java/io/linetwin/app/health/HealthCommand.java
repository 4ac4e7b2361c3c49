package io.linetwin.app.health;

import io.linetwin.app.Failures;
import io.linetwin.app.HealthRiskCommand;
import io.linetwin.predict.health.SensorDataException;
import io.linetwin.predict.health.TrainingDivergedException;
import io.linetwin.twin.sync.KafkaConfigException;
import io.linetwin.twin.sync.KafkaUnavailableException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** {@code linetwin health}: remaining-useful-life models trained and scored on sensor histories. */
@Command(
        name = "health",
        mixinStandardHelpOptions = true,
        description = "Equipment health: train, evaluate and apply remaining-useful-life models; watch a live twin.",
        subcommands = {
            HealthTrainCommand.class,
            HealthEvalCommand.class,
            HealthPredictCommand.class,
            HealthRiskCommand.class,
            HealthMonitorCommand.class
        })
public final class HealthCommand implements Runnable {

    static final int OK = 0;
    static final int RUNTIME_FAILURE = 1;
    static final int BAD_INPUT = 2;

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(), "expected a subcommand: train, eval, predict, risk or monitor");
    }

    /**
     * Runs a subcommand body with the CLI contract: bad input (unreadable or malformed files, bad option values)
     * prints one line and exits 2; training that diverges, and anything else that fails, prints one line and
     * exits 1.
     */
    static int guarded(CommandSpec spec, Callable<Integer> body) {
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName();
        try {
            return body.call();
        } catch (SensorDataException | IllegalArgumentException | KafkaConfigException e) {
            err.println(name + ": " + e.getMessage());
            return BAD_INPUT;
        } catch (KafkaUnavailableException e) {
            err.println(name + ": " + e.getMessage());
            return RUNTIME_FAILURE;
        } catch (TrainingDivergedException e) {
            err.println(name + ": " + e.getMessage() + "; nothing was saved");
            return RUNTIME_FAILURE;
        } catch (UncheckedIOException e) {
            err.println(name + ": " + e.getMessage());
            return RUNTIME_FAILURE;
        } catch (Exception | Error e) {
            return Failures.report(e, err);
        } finally {
            err.flush();
        }
    }
}

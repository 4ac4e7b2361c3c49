package io.linetwin.app.health;

import io.linetwin.app.BadInputException;
import io.linetwin.app.ScenarioOptions;
import io.linetwin.model.Scenario;
import io.linetwin.model.StationSpec;
import io.linetwin.predict.health.SensorDataset;
import io.linetwin.predict.health.TrainingSettings;
import io.linetwin.predict.health.UnitHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code health train --from-emulator}: the histories of one machine of an emulated line and the settings a model
 * of them is trained with. The recipe (what {@code assets/models/} was trained with) is {@link #defaults()}: a
 * small CNN over 10 readings, sensors only (the readings drift with the machine's age since its repair, so they
 * carry it), labels by operating time in cycles of one reading interval, capped at the 95th percentile of the lives.
 */
record EmulatedTraining(SensorDataset histories, TrainingSettings settings) {

    static final int WINDOW = 10;

    /** The recipe before the cap and the cycle are known from the run. */
    static TrainingSettings defaults() {
        return TrainingSettings.defaults()
                .withWindow(WINDOW)
                .withMaxEpochs(20)
                .withPatience(6)
                .withSmoothing(1.0);
    }

    /**
     * Emulates the scenario, builds the machine's histories and completes {@code settings}: a cycle of one reading
     * interval unless one was given, and a cap at the lives' 95th percentile unless {@code capGiven}.
     */
    static EmulatedTraining prepare(
            Path scenarioFile,
            String machine,
            String emulateFor,
            String sensorInterval,
            Long seed,
            TrainingSettings settings,
            boolean capGiven,
            PrintWriter console)
            throws BadInputException {
        Scenario scenario = ScenarioOptions.read(scenarioFile);
        String id = machine != null ? machine : onlyMachineWithSensors(scenario, scenarioFile);
        double duration = positive("--emulate-for", emulateFor);
        double interval = positive("--sensor-interval", sensorInterval);
        long runSeed = seed != null ? seed : scenario.experiment().seed();
        double[] lastReport = {0};
        SensorDataset histories = EmulatorHistories.of(
                scenario.line(),
                scenario.experiment().startSecondsOfWeek(),
                id,
                duration,
                runSeed,
                interval,
                duration / 10,
                clock -> {
                    if (clock > lastReport[0]) {
                        lastReport[0] = clock;
                        console.printf(Locale.ROOT, "emulated %.0f h of %.0f h%n", clock / 3600, duration / 3600);
                        console.flush();
                    }
                });
        if (histories.units().size() < 2) {
            throw new IllegalArgumentException(scenarioFile + ": " + id + " failed "
                    + histories.units().size()
                    + " times in " + emulateFor + " of emulated line time; at least 2 lives are needed, emulate longer "
                    + "(--emulate-for)");
        }
        TrainingSettings completed = settings.secondsPerCycle() > 0 ? settings : settings.withSecondsPerCycle(interval);
        double[] lives = histories.units().stream()
                .mapToDouble(EmulatedTraining::lifeSeconds)
                .sorted()
                .toArray();
        if (!capGiven) {
            double p95 = lives[(int) Math.min(lives.length - 1, Math.ceil(0.95 * lives.length) - 1)];
            completed = completed.withRulCap((int) Math.max(1, Math.ceil(p95 / completed.secondsPerCycle())));
        }
        console.printf(
                Locale.ROOT,
                "%s: %d lives of %s, median %.1f h of operation (%.1f-%.1f h), %d readings; "
                        + "cycle %.0f s, cap %d cycles%n",
                id,
                lives.length,
                String.join(", ", histories.sensorNames()),
                lives[lives.length / 2] / 3600,
                lives[0] / 3600,
                lives[lives.length - 1] / 3600,
                histories.rowCount(),
                completed.secondsPerCycle(),
                completed.rulCap());
        return new EmulatedTraining(histories, completed);
    }

    private static double lifeSeconds(UnitHistory unit) {
        return unit.time()[unit.length() - 1];
    }

    private static String onlyMachineWithSensors(Scenario scenario, Path file) throws BadInputException {
        List<String> withSensors = scenario.line().stations().stream()
                .filter(s -> !s.sensors().isEmpty())
                .map(StationSpec::id)
                .toList();
        if (withSensors.size() != 1) {
            throw new BadInputException(file + ": --machine is needed: "
                    + (withSensors.isEmpty()
                            ? "no station declares sensors"
                            : "stations with sensors are " + String.join(", ", withSensors)));
        }
        return withSensors.get(0);
    }

    private static double positive(String option, String text) throws BadInputException {
        double seconds = ScenarioOptions.duration(option, text);
        if (!(seconds > 0) || seconds > 1e9) {
            throw new BadInputException(option + ": expected a duration > 0 and at most 1e9 s, got " + text);
        }
        return seconds;
    }
}

package io.linetwin.app;

import io.linetwin.app.emulate.CommandInbox;
import io.linetwin.app.emulate.LineEmulator;
import io.linetwin.app.emulate.Pacer;
import io.linetwin.app.emulate.ParameterCommands;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineCalendar;
import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.Units;
import io.linetwin.sim.LineSimulation;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "emulate", mixinStandardHelpOptions = true,
        description = "Run the scenario's line as a stand-in for the real one: publish Ditto Protocol events "
                + "(state, counters, buffer levels, parameters, sensor readings) to Kafka at a speed factor, "
                + "and apply parameter commands from the commands topic.")
final class EmulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (linetwin/v1 YAML).")
    Path file;

    @Option(names = "--kafka", paramLabel = "HOST:PORT", required = true, description = "Kafka bootstrap servers.")
    String kafka;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "60",
            description = "Engine seconds per wall second (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: the scenario's).")
    Long seed;

    @Option(names = "--duration", paramLabel = "D", description = "Engine time to emulate, e.g. 8h (default: until stopped).")
    String duration;

    @Option(names = "--chunk", paramLabel = "D", defaultValue = "10s",
            description = "Engine time per chunk: state reconciled and commands applied at its end (default: ${DEFAULT-VALUE}).")
    String chunk;

    @Option(names = "--sensor-interval", paramLabel = "D", defaultValue = "60s",
            description = "Engine time between sensor readings (default: ${DEFAULT-VALUE}).")
    String sensorInterval;

    @Option(names = "--events-topic", paramLabel = "T", defaultValue = KafkaSettings.EVENTS_TOPIC,
            description = "Topic the events go to (default: ${DEFAULT-VALUE}).")
    String eventsTopic;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--commands-topic", paramLabel = "T", defaultValue = KafkaSettings.COMMANDS_TOPIC,
            description = "Topic the modify commands come from (default: ${DEFAULT-VALUE}).")
    String commandsTopic;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = load();
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new BadInputException("--speed: expected a factor > 0, got " + speed);
        }
        if (kafka.isBlank()) {
            throw new BadInputException("--kafka: expected HOST:PORT");
        }
        double durationSeconds = duration == null ? Double.NaN : seconds("--duration", duration);
        double chunkSeconds = seconds("--chunk", chunk);
        double sensorSeconds = seconds("--sensor-interval", sensorInterval);
        ExperimentSpec experiment = scenario.experiment();
        LineSpec line = scenario.line();
        LineSimulation simulation = new LineSimulation(line).startingAt(experiment.startSecondsOfWeek());
        long runSeed = seed == null ? experiment.seed() : seed;
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaSignalPublisher events = new KafkaSignalPublisher(KafkaSettings.of(kafka, eventsTopic, ""));
                CommandInbox inbox = new CommandInbox(KafkaSettings.of(kafka, commandsTopic, ""),
                        new ParameterCommands(line, LineDescriptors.of(line)))) {
            inbox.start();
            inbox.awaitReady(Duration.ofSeconds(60));
            LineEmulator emulator = new LineEmulator(simulation, events, Instant.now(), runSeed, chunkSeconds,
                    sensorSeconds, Pacer.realTime(speed), inbox::drain);
            out.println("emulating " + line.id() + " at " + speed + "x: events to " + eventsTopic + ", commands from "
                    + commandsTopic);
            out.flush();
            ProgressReporter reporter = progress.reporter(spec.commandLine().getErr(), "emulate");
            LineCalendar calendar = experiment.calendar();
            emulator.afterEachChunk(clock -> reporter.reached("emulated " + KpiTable.duration(Math.round(clock))
                    + (Double.isNaN(durationSeconds) ? "" : " of " + KpiTable.duration(durationSeconds))
                    + ", now " + calendar.format(clock), durationSeconds > 0 ? clock / durationSeconds : Double.NaN));
            if (Double.isNaN(durationSeconds)) {
                emulator.runForever();
            } else {
                emulator.run(durationSeconds);
            }
            out.println(emulator.eventsPublished() + " events in " + emulator.chunks() + " chunks, "
                    + inbox.received() + " commands (" + inbox.refused() + " refused)");
        }
        return ExitCode.OK;
    }

    private Scenario load() throws BadInputException {
        return ScenarioOptions.read(file);
    }

    private static double seconds(String option, String text) throws BadInputException {
        try {
            double s = Units.seconds(text);
            if (!(s > 0)) {
                throw new BadInputException(option + ": expected a duration > 0, got " + text);
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage());
        }
    }
}

package io.linetwin.app;

import io.linetwin.app.emulate.CommandInbox;
import io.linetwin.app.emulate.EmulatorResume;
import io.linetwin.app.emulate.EmulatorStart;
import io.linetwin.app.emulate.LineClocks;
import io.linetwin.app.emulate.LineEmulator;
import io.linetwin.app.emulate.Pacer;
import io.linetwin.app.emulate.ParameterCommands;
import io.linetwin.app.twin.KafkaOptions;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineCalendar;
import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.Units;
import io.linetwin.sim.LineSimulation;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.sync.KafkaConfigException;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import io.linetwin.twin.sync.KafkaUnavailableException;
import io.linetwin.twin.sync.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "emulate",
        mixinStandardHelpOptions = true,
        description = {
            "Run the scenario's line as a stand-in for the real one: publish Ditto Protocol events "
                    + "(state, counters, buffer levels, parameters, sensor readings) to Kafka at a speed factor, "
                    + "stamped with the line's own clock, and apply parameter commands from the commands topic within "
                    + "the equipment's limits, answering each on the responses topic.",
            "When the events topic already holds this line, the emulator continues it where it stopped (clock, "
                    + "revisions, state, parameters), and takes the commands sent while it was down."
        })
final class EmulateCommand implements Callable<Integer> {

    /** After Ctrl-C: time to flush the events already published and close the inbox. */
    private static final java.time.Duration WIND_DOWN = java.time.Duration.ofSeconds(20);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (linetwin/v1 YAML).")
    Path file;

    @Mixin
    KafkaOptions kafka;

    @Option(
            names = "--speed",
            paramLabel = "X",
            defaultValue = "60",
            description = "Engine seconds per wall second (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: the scenario's).")
    Long seed;

    @Option(
            names = "--duration",
            paramLabel = "D",
            description = "Engine time to emulate, e.g. 8h (default: until stopped).")
    String duration;

    @Option(
            names = "--start",
            paramLabel = "INSTANT",
            description = "The line's clock at the start, e.g. 2026-11-30T06:00:00Z (default: the latest instant "
                    + "before now on the scenario's experiment start, e.g. last Monday 06:00 UTC). Ignored when the "
                    + "line continues from the events topic.")
    String start;

    @Option(names = "--fresh", description = "Start an empty line even if the events topic holds this line.")
    boolean fresh;

    @Option(
            names = "--chunk",
            paramLabel = "D",
            defaultValue = "10s",
            description =
                    "Engine time per chunk: state reconciled and commands applied at its end (default: ${DEFAULT-VALUE}).")
    String chunk;

    @Option(
            names = "--sensor-interval",
            paramLabel = "D",
            defaultValue = "60s",
            description = "Engine time between sensor readings (default: ${DEFAULT-VALUE}).")
    String sensorInterval;

    @Option(
            names = "--command-interval",
            paramLabel = "D",
            defaultValue = "60s",
            description = "Line time a station needs between two accepted commands, its rate limit "
                    + "(default: ${DEFAULT-VALUE}; 0s: none).")
    String commandInterval;

    @Option(
            names = "--max-pending",
            paramLabel = "N",
            defaultValue = "64",
            description =
                    "Accepted commands that may wait for the next chunk; beyond, reading pauses (default: ${DEFAULT-VALUE}).")
    int maxPending;

    @Option(
            names = "--events-topic",
            paramLabel = "T",
            defaultValue = KafkaSettings.EVENTS_TOPIC,
            description = "Topic the events go to (default: ${DEFAULT-VALUE}).")
    String eventsTopic;

    @Mixin
    ProgressOptions progress;

    @Option(
            names = "--commands-topic",
            paramLabel = "T",
            defaultValue = KafkaSettings.COMMANDS_TOPIC,
            description = "Topic the modify commands come from (default: ${DEFAULT-VALUE}).")
    String commandsTopic;

    @Option(
            names = "--responses-topic",
            paramLabel = "T",
            defaultValue = KafkaSettings.RESPONSES_TOPIC,
            description = "Topic the answers to commands go to (default: ${DEFAULT-VALUE}).")
    String responsesTopic;

    @Option(
            names = "--group",
            paramLabel = "G",
            description = "Consumer group of the commands (default: linetwin-emulator-<line id>).")
    String group;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = load();
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new BadInputException("--speed: expected a factor > 0, got " + speed);
        }
        if (maxPending < 1) {
            throw new BadInputException("--max-pending: expected a number >= 1, got " + maxPending);
        }
        double durationSeconds = duration == null ? Double.NaN : seconds("--duration", duration, false);
        double chunkSeconds = seconds("--chunk", chunk, false);
        double sensorSeconds = seconds("--sensor-interval", sensorInterval, false);
        double intervalSeconds = seconds("--command-interval", commandInterval, true);
        ExperimentSpec experiment = scenario.experiment();
        LineSpec line = scenario.line();
        LineDescriptor things;
        try {
            things = LineDescriptors.of(line);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    file + ": line.id must be a Ditto thing id like \"plant1:bottling\", got \"" + line.id() + "\"");
        }
        Instant startAt = startInstant(experiment);
        long runSeed = seed == null ? experiment.seed() : seed;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KafkaSettings events;
        try {
            events = kafka.settings(eventsTopic, "");
            kafka.connect(
                    events,
                    List.of(
                            Topics.events(eventsTopic),
                            Topics.commands(commandsTopic),
                            Topics.responses(responsesTopic)));
        } catch (KafkaConfigException e) {
            throw new BadInputException(e.getMessage());
        } catch (KafkaUnavailableException e) {
            err.println(e.getMessage());
            return ExitCode.FAILURE;
        }
        Optional<EmulatorResume.Resumed> resumed =
                fresh ? Optional.empty() : EmulatorResume.read(events, line, chunkSeconds);
        EmulatorStart from = resumed.map(EmulatorResume.Resumed::start).orElse(EmulatorStart.fresh(startAt));
        LineSimulation simulation = new LineSimulation(line).startingAt(LineClocks.secondsOfWeek(from.at()));
        AtomicReference<LineEmulator> running = new AtomicReference<>();
        // Events keyed by line: one process of a twin group follows the whole line (twin follow FILE...).
        String lineKey = things.lineId().toString();
        try (KafkaSignalPublisher publisher = new KafkaSignalPublisher(events, thing -> lineKey);
                KafkaSignalPublisher responses = new KafkaSignalPublisher(events.withTopic(responsesTopic))) {
            ParameterCommands commands = new ParameterCommands(
                    line,
                    things,
                    from.state().map(s -> s.parameters()).orElseGet(() -> ParameterCommands.scenarioValues(line)),
                    Duration.ofNanos(Math.round(intervalSeconds * 1e9)),
                    () -> running.get() == null ? from.at() : running.get().lineTime());
            try (CommandInbox inbox = new CommandInbox(
                    events.withTopic(commandsTopic)
                            .withGroupId(group != null ? group : "linetwin-emulator-" + line.id()),
                    commands,
                    responses,
                    maxPending)) {
                inbox.start();
                inbox.awaitReady(Duration.ofSeconds(60));
                LineEmulator emulator = new LineEmulator(
                        simulation,
                        publisher,
                        runSeed,
                        chunkSeconds,
                        sensorSeconds,
                        Pacer.realTime(speed),
                        inbox,
                        from);
                running.set(emulator);
                // Ctrl-C or SIGTERM interrupts this thread: the line stops where it is, the producers flush what was
                // published while Main waits, and the summary says where the line stopped. Allowed before the
                // banner: whoever sees the banner may stop the process at once, and a signal that came before this
                // line waited the short default and said "stopped before the end" while the producers still closed.
                Main.allowWindDown(WIND_DOWN);
                out.println((resumed.isPresent()
                                ? "continuing " + line.id() + " from "
                                        + resumed.get().events() + " events on " + eventsTopic + ", at "
                                : "emulating " + line.id() + " from ")
                        + from.at()
                        + " (the line's clock) at " + speed + "x: events to " + eventsTopic + ", commands from "
                        + commandsTopic + ", answers to " + responsesTopic);
                out.flush();
                ProgressReporter reporter = progress.reporter(err, "emulate");
                LineCalendar calendar = experiment.calendar();
                emulator.afterEachChunk(clock -> reporter.reached(
                        "emulated " + KpiTable.duration(Math.round(clock))
                                + (Double.isNaN(durationSeconds) ? "" : " of " + KpiTable.duration(durationSeconds))
                                + ", now " + calendar.format(clock),
                        durationSeconds > 0 ? clock / durationSeconds : Double.NaN));
                try {
                    if (Double.isNaN(durationSeconds)) {
                        emulator.runForever();
                    } else {
                        emulator.run(durationSeconds);
                    }
                } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
                    if (!Failures.isStopping()) {
                        throw e;
                    }
                    Thread.interrupted();
                    out.print("stopped: ");
                }
                out.println(summary(
                        emulator.eventsPublished(),
                        emulator.chunks(),
                        emulator.lineTime().toString(),
                        inbox.received(),
                        inbox.refused()));
            }
        }
        return ExitCode.OK;
    }

    private Instant startInstant(ExperimentSpec experiment) throws BadInputException {
        if (start == null) {
            return LineClocks.latestStartBefore(Clock.systemUTC().instant(), experiment.startSecondsOfWeek());
        }
        try {
            return Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--start: expected an instant like 2026-11-30T06:00:00Z, got " + start);
        }
    }

    private Scenario load() throws BadInputException {
        return ScenarioOptions.read(file);
    }

    /** The closing line: what was published up to where, and what came back. */
    static String summary(long events, long chunks, String upTo, long commands, long refused) {
        return counted(events, "event") + " in " + counted(chunks, "chunk") + " up to " + upTo + ", "
                + counted(commands, "command") + " (" + refused + " refused)";
    }

    private static String counted(long n, String singular) {
        return n + " " + singular + (n == 1 ? "" : "s");
    }

    private static double seconds(String option, String text, boolean zeroAllowed) throws BadInputException {
        try {
            double s = Units.seconds(text);
            if (!(zeroAllowed ? s >= 0 : s > 0) || s > 1e9) {
                throw new BadInputException(option + ": expected a duration " + (zeroAllowed ? ">= 0" : "> 0")
                        + " and at most 1e9 s, got " + text);
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage());
        }
    }
}

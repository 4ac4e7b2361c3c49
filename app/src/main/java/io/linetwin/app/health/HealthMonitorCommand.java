package io.linetwin.app.health;

import io.linetwin.app.BadInputException;
import io.linetwin.app.Main;
import io.linetwin.app.ScenarioOptions;
import io.linetwin.app.StopHook;
import io.linetwin.app.twin.KafkaOptions;
import io.linetwin.model.Scenario;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import io.linetwin.predict.health.RulModel;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code linetwin health monitor}: failure predictions from the twin's sensor readings, back into the twin. */
@Command(
        name = "monitor",
        mixinStandardHelpOptions = true,
        description = {
            "Follow the twin's events, keep each watched machine's sensor history since its last repair, "
                    + "predict its remaining operating life with the model mapped to it, and write the estimate into the "
                    + "twin as health/rul {seconds, sdSeconds, at, model} (a Ditto modify on the commands topic: Ditto, or "
                    + "the emulator standing in for it, publishes it as the Thing's next event). Alarms when P(failure "
                    + "within --horizon of operation) reaches --threshold.",
            "Models: --model MACHINE=DIR, --mapping FILE, --model KIND=DIR, --model DIR, else the shipped "
                    + "assets/models/<scenario>/<machine>/; machines without one are not watched."
        })
public final class HealthMonitorCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the last estimates and the summary. */
    private static final Duration FINISH_WAIT = Duration.ofSeconds(30);
    /** The longest the loop waits for the twin's next change before it looks at the clock and the stop again. */
    private static final long STEP_MILLIS = 200;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (linetwin/v1 YAML) of the line.")
    Path file;

    @Mixin
    KafkaOptions kafka;

    @Option(
            names = "--model",
            paramLabel = "[MACHINE=|KIND=]DIR",
            description = "Model folder (written by health train) for one machine, for a kind (machine, assembly) or "
                    + "for every machine with sensors. Repeatable.")
    List<String> models = new ArrayList<>();

    @Option(
            names = "--mapping",
            paramLabel = "FILE",
            description = "YAML: machines: {ID: {model: DIR, sensors: {INPUT: TWIN_SENSOR}, secondsPerCycle: S}}.")
    Path mapping;

    @Option(
            names = "--horizon",
            paramLabel = "D",
            defaultValue = "8h",
            description = "Alarm horizon, operating time (default ${DEFAULT-VALUE}).")
    String horizon;

    @Option(
            names = "--threshold",
            paramLabel = "P",
            defaultValue = "0.5",
            description = "Alarm when P(failure within the horizon) reaches this (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(
            names = "--every",
            paramLabel = "D",
            defaultValue = "10s",
            description = "How often each machine's latest estimate is written into the twin, in line time (the "
                    + "events' timestamps, so replays and emulators at speed get the same estimates) (default "
                    + "${DEFAULT-VALUE}).")
    String every;

    @Option(names = "--for", paramLabel = "D", description = "Stop after this much wall time (default: until Ctrl-C).")
    String forDuration;

    @Option(
            names = "--topic",
            paramLabel = "T",
            defaultValue = KafkaSettings.EVENTS_TOPIC,
            description = "Events topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--commands-topic",
            paramLabel = "T",
            defaultValue = KafkaSettings.COMMANDS_TOPIC,
            description = "Where the estimates go (default: ${DEFAULT-VALUE}).")
    String commandsTopic;

    @Option(names = "--group", paramLabel = "G", description = "Consumer group (default: linetwin-health-<line id>).")
    String group;

    @Override
    public Integer call() {
        return HealthCommand.guarded(spec, this::monitor);
    }

    private int monitor() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Scenario scenario = ScenarioOptions.read(file);
        double horizonSeconds = positive("--horizon", horizon);
        double everySeconds = positive("--every", every);
        double forSeconds = forDuration == null ? Double.POSITIVE_INFINITY : positive("--for", forDuration);
        if (!(threshold > 0 && threshold <= 1)) {
            throw new BadInputException("--threshold: expected a probability in (0, 1], got " + threshold);
        }
        LineDescriptor line;
        try {
            line = LineDescriptors.of(scenario.line());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": line.id must be a Ditto thing id like \"plant1:bottling\", got \""
                    + scenario.line().id() + "\"");
        }
        List<WatchedMachine> watched = watched(scenario, models, mapping, out);
        try {
            if (watched.isEmpty()) {
                throw new BadInputException(file + ": no machine to watch: no station with sensors has a model "
                        + "(--model, --mapping, or a shipped one in " + ShippedModels.FOLDER + "/" + scenario.name()
                        + "/)");
            }
            KafkaSettings settings = kafka.settings(topic, group != null ? group : "linetwin-health-" + line.lineId());
            kafka.connect(settings, List.of(Topics.events(topic), Topics.commands(commandsTopic)));
            return follow(line, settings, watched, horizonSeconds, everySeconds, forSeconds, out);
        } finally {
            watched.forEach(m -> m.model().close());
        }
    }

    private int follow(
            LineDescriptor line,
            KafkaSettings settings,
            List<WatchedMachine> watched,
            double horizonSeconds,
            double everySeconds,
            double forSeconds,
            PrintWriter out)
            throws Exception {
        try (MonitorSession session = new MonitorSession(
                        line, settings, commandsTopic, watched, everySeconds, horizonSeconds, threshold, out);
                StopHook hook = StopHook.install("linetwin-health-monitor-stop", FINISH_WAIT)) {
            session.start();
            // Ctrl-C both stops the hook and interrupts this thread (Main); so does whoever runs the command
            // in-process. Either ends the loop, and the session's close writes the last estimates and the summary.
            // Allowed before the "watching" line: a caller that sees it may stop the process at once.
            Main.allowWindDown(FINISH_WAIT);
            out.printf(
                    Locale.ROOT,
                    "watching %s on %s at %s: %s; estimates to %s every %s of line time, alarm at P(failure "
                            + "within %s) >= %.2f%n",
                    line.lineId(),
                    topic,
                    settings.bootstrapServers(),
                    session.describeWatched(),
                    commandsTopic,
                    every,
                    horizon,
                    threshold);
            out.flush();
            long deadline =
                    Double.isInfinite(forSeconds) ? Long.MAX_VALUE : System.nanoTime() + Math.round(forSeconds * 1e9);
            try {
                while (!hook.stopRequested() && System.nanoTime() < deadline) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    session.step(Math.max(0, Math.min(left, STEP_MILLIS)));
                }
            } catch (InterruptedException stopped) {
                // stop following
            } finally {
                session.close();
            }
        }
        return HealthCommand.OK;
    }

    /**
     * The machines with sensors that have a model ({@code models} as --model gives them, {@code mapping} the
     * --mapping file or null, else the shipped ones), each checked against its model before anything starts.
     */
    static List<WatchedMachine> watched(Scenario scenario, List<String> models, Path mapping, PrintWriter out)
            throws BadInputException {
        Map<String, StationSpec> machines = new LinkedHashMap<>();
        for (StationSpec station : scenario.line().stations()) {
            if (!station.sensors().isEmpty() && station.kind().processesParts()) {
                machines.put(station.id(), station);
            }
        }
        Set<String> kinds = new LinkedHashSet<>(List.of(kindName(StationKind.MACHINE), kindName(StationKind.ASSEMBLY)));
        ModelMapping mappings = ModelMapping.of(models, machines.keySet(), kinds, mapping);
        List<WatchedMachine> watched = new ArrayList<>();
        try {
            for (StationSpec machine : machines.values()) {
                Optional<Path> dir = mappings.modelFor(
                        machine.id(), kindName(machine.kind()), ShippedModels.of(scenario.name(), machine.id()));
                if (dir.isEmpty()) {
                    out.println(machine.id() + ": no model, not watched");
                    continue;
                }
                watched.add(watch(machine, dir.get(), mappings.entry(machine.id())));
            }
        } catch (BadInputException | RuntimeException e) {
            watched.forEach(m -> m.model().close());
            throw e;
        }
        return watched;
    }

    private static WatchedMachine watch(StationSpec machine, Path dir, ModelMapping.Entry entry)
            throws BadInputException {
        RulModel model;
        try {
            model = RulModel.load(dir);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(machine.id() + ": " + e.getMessage());
        }
        try {
            if (model.preprocessing().conditions().count() > 1) {
                throw new BadInputException(machine.id() + ": the model in " + dir + " clusters operating conditions "
                        + "from setting columns, which the twin does not carry; train one without (--conditions 1)");
            }
            Map<String, String> inputs = new LinkedHashMap<>();
            for (String input : model.preprocessing().keptSensors()) {
                String sensor = entry.sensors().getOrDefault(input, input);
                if (!machine.sensors().contains(sensor)) {
                    throw new BadInputException(machine.id() + ": the model in " + dir + " reads sensor '" + input
                            + "'" + (sensor.equals(input) ? "" : " from twin sensor '" + sensor + "'") + ", but "
                            + machine.id() + " has " + String.join(", ", machine.sensors())
                            + "; map it in --mapping (machines: {" + machine.id() + ": {sensors: {" + input
                            + ": TWIN_SENSOR}}})");
                }
                inputs.put(input, sensor);
            }
            double secondsPerCycle = model.settings().secondsPerCycle() > 0
                    ? model.settings().secondsPerCycle()
                    : entry.secondsPerCycle()
                            .orElseThrow(() -> new BadInputException(machine.id() + ": the model in "
                                    + dir + " counts rows as cycles; give its cycle in operating seconds in --mapping "
                                    + "(machines: {" + machine.id() + ": {secondsPerCycle: S}})"));
            return new WatchedMachine(machine.id(), model, modelId(dir), inputs, secondsPerCycle);
        } catch (BadInputException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The model folder's name and the first 8 hex digits of its manifest's SHA-256: which model said what. */
    static String modelId(Path dir) throws BadInputException {
        try {
            byte[] manifest = Files.readAllBytes(dir.resolve("health-model.json"));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(manifest);
            Path name = dir.toAbsolutePath().normalize().getFileName();
            return (name == null ? "model" : name.toString()) + "@"
                    + HexFormat.of().formatHex(digest, 0, 4);
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot read health-model.json: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static String kindName(StationKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static double positive(String option, String text) throws BadInputException {
        double seconds = ScenarioOptions.duration(option, text);
        if (!(seconds > 0) || seconds > 1e9) {
            throw new BadInputException(option + ": expected a duration > 0 and at most 1e9 s, got " + text);
        }
        return seconds;
    }
}

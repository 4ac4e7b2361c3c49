package io.linetwin.app.twin;

import io.linetwin.app.Main;
import io.linetwin.app.StopHook;
import io.linetwin.app.Uninterrupted;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioException;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.scenario.Units;
import io.linetwin.twin.InputLimits;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.sync.DeadLetters;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaTwin;
import io.linetwin.twin.sync.LineGroupTwin;
import io.linetwin.twin.sync.Topics;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "follow",
        mixinStandardHelpOptions = true,
        description = {
            "Follow the twin of the scenario's line from its Kafka events, headless: print a table of every "
                    + "machine, buffer and material and the twin's health every --every, and (with --snapshot-out) keep a "
                    + "twin snapshot file current, written atomically, that run/compare/health risk/render --from-twin read.",
            "With --snapshot-out the follower resumes from that file when it exists (it holds the offsets it "
                    + "covers), so a restart loses nothing; without it, the twin is rebuilt from the topic's beginning.",
            "Refused messages go to the dead-letter topic (or --dead-letters FILE) with their reasons.",
            "With several FILEs (one line each), the processes of --group share the lines: each owns the lines of the "
                    + "partitions the group assigns it (events are keyed by line), checkpoints them to --checkpoint-topic, "
                    + "keeps their snapshots in --snapshot-dir and takes over the lines of a process that dies."
        })
public final class TwinFollowCommand implements Callable<Integer> {

    /** After Ctrl-C: time to write the last checkpoint and print the last table. */
    private static final Duration WIND_DOWN = Duration.ofSeconds(30);
    /** How long Ctrl-C waits for the twin's last checkpoint. */
    private static final Duration FINISH_WAIT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = "Scenario file (linetwin/v1 YAML) of the line; "
                    + "several for a group of followers sharing many lines.")
    List<Path> files;

    /** The line's file when one is followed. */
    Path file;

    @Mixin
    KafkaOptions kafka;

    @Option(
            names = "--snapshot-out",
            paramLabel = "SNAP.json",
            description = "Twin snapshot file to resume from and to write every --every (atomically).")
    Path snapshotOut;

    @Option(
            names = "--every",
            paramLabel = "D",
            defaultValue = "10s",
            description = "How often the table is printed and the snapshot written (default: ${DEFAULT-VALUE}).")
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
            names = "--group",
            paramLabel = "G",
            description = "Consumer group (default: linetwin-twin-<line id>; with several FILEs linetwin-twins).")
    String group;

    @Option(
            names = "--checkpoint-topic",
            paramLabel = "T",
            defaultValue = LineGroupTwin.CHECKPOINTS_TOPIC,
            description = "With several FILEs: compacted topic of each line's latest checkpoint (default: "
                    + "${DEFAULT-VALUE}).")
    String checkpointTopic;

    @Option(
            names = "--snapshot-dir",
            paramLabel = "DIR",
            description = "With several FILEs: keep a snapshot per owned line and owned.json here, every --every.")
    Path snapshotDir;

    @Option(
            names = "--dead-letters",
            paramLabel = "FILE",
            description = "Write refused messages with their reasons to this JSON-lines file instead of the topic.")
    Path deadLettersFile;

    @Option(
            names = "--dead-letter-topic",
            paramLabel = "T",
            defaultValue = KafkaSettings.DEAD_LETTERS_TOPIC,
            description = "Topic of refused messages (default: ${DEFAULT-VALUE}).")
    String deadLetterTopic;

    @Option(
            names = "--max-revision-jump",
            paramLabel = "N",
            description = "Largest accepted jump of a Thing's revision (default: 1000000000).")
    Long maxRevisionJump;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return Exits.guarded(err, this::follow);
    }

    private int follow() throws Exception {
        file = files.get(0);
        if (files.size() > 1) {
            return followGroup();
        }
        if (snapshotDir != null) {
            throw new TwinInputException("--snapshot-dir: with several FILEs; one line's twin writes --snapshot-out");
        }
        PrintWriter out = spec.commandLine().getOut();
        LineDescriptor line = line();
        Duration interval = duration("--every", every);
        Duration stopAfter = forDuration == null ? null : duration("--for", forDuration);
        OutputPaths paths = new OutputPaths().input(file);
        if (snapshotOut != null) {
            paths.output("--snapshot-out", snapshotOut);
        }
        if (deadLettersFile != null) {
            paths.output("--dead-letters", deadLettersFile);
        }
        InputLimits limits = limits();
        KafkaSettings settings = kafka.settings(topic, group != null ? group : "linetwin-twin-" + line.lineId());
        List<Topics.Spec> topics = new ArrayList<>(List.of(Topics.events(topic)));
        if (deadLettersFile == null) {
            topics.add(Topics.deadLetters(deadLetterTopic));
        }
        kafka.connect(settings, topics);

        DeadLetters letters = deadLettersFile != null
                ? DeadLetters.toFile(deadLettersFile)
                : DeadLetters.toTopic(settings.withTopic(deadLetterTopic));
        KafkaTwin.Builder builder = KafkaTwin.builder(line, settings)
                .every(interval)
                .deadLetters(letters)
                .limits(limits);
        if (snapshotOut != null) {
            builder.checkpointFile(snapshotOut);
        }
        KafkaTwin twin;
        try {
            twin = builder.start();
        } catch (Exception e) {
            letters.close();
            throw e;
        }
        String banner = "following " + line.lineId() + " on " + topic + " at " + settings.bootstrapServers()
                + (twin.resumedRecords() > 0
                        ? ", resumed from " + snapshotOut + " (" + twin.resumedRecords() + " events)"
                        : "")
                + (snapshotOut != null ? ", snapshot to " + snapshotOut : "");
        untilStopped(
                out,
                banner,
                interval,
                stopAfter,
                () -> {
                    out.print(TwinTable.render(line, twin.snapshot(), twin.health()));
                    out.flush();
                },
                () -> {
                    Uninterrupted.run(twin::close, "linetwin-twin-close");
                    out.print(TwinTable.render(line, twin.snapshot(), twin.health()));
                    if (snapshotOut != null) {
                        // A checkpoint is written only once an event was handled: say so rather than name a file
                        // that is not there.
                        out.println(
                                Files.exists(snapshotOut)
                                        ? "snapshot: " + snapshotOut
                                        : "snapshot: none written to " + snapshotOut + " (no event came)");
                    }
                    out.flush();
                });
        return Exits.OK;
    }

    /** This process's share of the lines of several FILEs, in consumer group --group. */
    private int followGroup() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<LineDescriptor> lines = new ArrayList<>();
        for (Path each : files) {
            file = each;
            lines.add(line());
        }
        if (snapshotOut != null) {
            throw new TwinInputException("--snapshot-out: one line's file; with several FILEs use --snapshot-dir");
        }
        if (deadLettersFile != null) {
            throw new TwinInputException("--dead-letters: one line's twin; with several FILEs the group's refused "
                    + "messages go to --dead-letter-topic");
        }
        Duration interval = duration("--every", every);
        Duration stopAfter = forDuration == null ? null : duration("--for", forDuration);
        InputLimits limits = limits();
        KafkaSettings settings = kafka.settings(topic, group != null ? group : "linetwin-twins");
        kafka.connect(
                settings,
                List.of(
                        Topics.events(topic),
                        LineGroupTwin.checkpointTopic(checkpointTopic),
                        Topics.deadLetters(deadLetterTopic)));
        TwinGroupFollow twin = TwinGroupFollow.start(
                lines,
                settings,
                checkpointTopic,
                interval,
                limits,
                java.util.Optional.ofNullable(snapshotDir),
                DeadLetters.toTopic(settings.withTopic(deadLetterTopic)));
        String banner = "following " + lines.size() + " lines on " + topic + " at " + settings.bootstrapServers()
                + " in group " + settings.groupId() + ", checkpoints to " + checkpointTopic;
        // Ctrl-C: the group is left cleanly, after a last checkpoint
        untilStopped(out, banner, interval, stopAfter, () -> twin.report(out), twin::close);
        return Exits.OK;
    }

    /** What the loop does every --every, and once when it ends. */
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Prints {@code banner} (once Ctrl-C is handled: a caller that sees it may stop the process), runs {@code report}
     * every {@code interval} until Ctrl-C or the end of --for, then {@code finish}; the shutdown hook waits up to
     * 30 s for {@code finish}, so that Ctrl-C leaves the twin's last state written.
     */
    private static void untilStopped(
            PrintWriter out, String banner, Duration interval, Duration stopAfter, Step report, Step finish)
            throws Exception {
        try (StopHook hook = StopHook.install("linetwin-twin-stop", FINISH_WAIT)) {
            // Ctrl-C both stops the hook (above) and interrupts this thread (Main): either ends the loop, and Main
            // waits while the twin writes its last checkpoint and the last table is printed. Allowed before the
            // banner, since a caller that sees the banner may stop the process at once.
            Main.allowWindDown(WIND_DOWN);
            out.println(banner);
            out.flush();
            long deadline = stopAfter == null ? Long.MAX_VALUE : System.nanoTime() + stopAfter.toNanos();
            try {
                while (true) {
                    long wait = Math.min(interval.toNanos(), deadline - System.nanoTime());
                    if (wait <= 0 || hook.awaitStop(wait)) {
                        break;
                    }
                    report.run();
                }
            } catch (InterruptedException stopped) {
                // Ctrl-C or SIGTERM: stop following
            } finally {
                finish.run();
            }
        }
    }

    private InputLimits limits() throws TwinInputException {
        if (maxRevisionJump == null) {
            return InputLimits.DEFAULT;
        }
        if (maxRevisionJump < 1) {
            throw new TwinInputException("--max-revision-jump: expected a number >= 1, got " + maxRevisionJump);
        }
        return InputLimits.DEFAULT.withMaxRevisionJump(maxRevisionJump);
    }

    private LineDescriptor line() throws TwinInputException {
        if (!Files.isRegularFile(file)) {
            throw new TwinInputException(file + ": no such scenario file");
        }
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            throw new TwinInputException(e.problems().get(0).toLine());
        }
        try {
            return LineDescriptors.of(scenario.line());
        } catch (IllegalArgumentException e) {
            throw new TwinInputException(file + ": line.id must be a Ditto thing id like \"plant1:bottling\", got \""
                    + scenario.line().id() + "\"");
        }
    }

    static Duration duration(String option, String text) throws TwinInputException {
        double seconds;
        try {
            seconds = Units.seconds(text);
        } catch (IllegalArgumentException e) {
            throw new TwinInputException(option + ": " + e.getMessage());
        }
        if (!(seconds > 0) || seconds > 1e9) {
            throw new TwinInputException(option + ": expected a duration > 0 and at most 1e9 s, got " + text);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}

package io.linetwin.app.live;

import io.linetwin.app.BadInputException;
import io.linetwin.app.EngineOptions;
import io.linetwin.app.ExitCode;
import io.linetwin.app.Failures;
import io.linetwin.app.Main;
import io.linetwin.app.ScenarioOptions;
import io.linetwin.app.health.EmbeddedHealth;
import io.linetwin.app.twin.KafkaOptions;
import io.linetwin.loop.LoopKpi;
import io.linetwin.loop.TwinView;
import io.linetwin.loop.audit.Sha256;
import io.linetwin.loop.gate.CommandChannel;
import io.linetwin.loop.gate.GateSettings;
import io.linetwin.loop.gate.KafkaCommandChannel;
import io.linetwin.loop.gate.KafkaLineResponses;
import io.linetwin.loop.live.AutoApprove;
import io.linetwin.loop.live.Durations;
import io.linetwin.loop.live.KafkaTwinFeed;
import io.linetwin.loop.live.LiveLoop;
import io.linetwin.loop.live.LiveSummary;
import io.linetwin.loop.live.LoopSettings;
import io.linetwin.loop.live.PrintingReport;
import io.linetwin.loop.proposal.ProposalBook;
import io.linetwin.loop.state.StateDir;
import io.linetwin.loop.whatif.WhatIfSettings;
import io.linetwin.model.Scenario;
import io.linetwin.sim.experiment.ReplicationEngine;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.sync.DeadLetters;
import io.linetwin.twin.sync.KafkaConfigException;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaUnavailableException;
import io.linetwin.twin.sync.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.eclipse.ditto.things.model.ThingId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "live",
        mixinStandardHelpOptions = true,
        description = "Keep the twin in sync and, every --every of line time and on events (a machine down, a buffer "
                + "above 90 %%, a health alarm), run a what-if warm-started from the twin: baseline against each "
                + "candidate change, paired replications. Supported changes become proposals; approved ones pass the "
                + "command gate and are printed (dry run) or sent with --send, then read back from the twin.")
public final class LiveCommand implements Callable<Integer> {

    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(10);
    /** After Ctrl-C: time to write the summary and close the twin, the line and the embedded broker. */
    private static final Duration WIND_DOWN = Duration.ofSeconds(20);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file of the line (linetwin/v1 YAML).")
    Path file;

    /** --kafka (the brokers the line's events and commands go through), --kafka-config, --verbose. */
    @Mixin
    KafkaOptions kafka;

    @Option(
            names = "--embedded",
            description = "Instead of --kafka: start a Kafka broker and the scenario's line emulator in this process.")
    boolean embedded;

    @Option(
            names = "--no-health",
            description = "With --embedded: do not start the health monitor (by default the shipped models predict "
                    + "the machines' remaining life into the twin's health/rul).")
    boolean noHealth;

    @Mixin
    StateOption state;

    @Mixin
    EngineOptions engine;

    /** Where the what-ifs' replications run, from {@link #engine}; open while the loop runs. */
    private ReplicationEngine whatIfEngine;

    @Option(
            names = "--every",
            paramLabel = "D",
            defaultValue = "1h",
            description = "A what-if every D of line time (default: ${DEFAULT-VALUE}).")
    String every;

    @Option(
            names = "--look-ahead",
            paramLabel = "D",
            defaultValue = "8h",
            description = "How far each what-if looks ahead (default: ${DEFAULT-VALUE}).")
    String lookAhead;

    @Option(names = "--replications", paramLabel = "N", description = "Paired replications (default: the scenario's).")
    Integer replications;

    @Option(names = "--threads", paramLabel = "N", description = "Replications run at once (default: all cores).")
    Integer threads;

    @Option(
            names = "--objective",
            paramLabel = "KPI",
            defaultValue = "throughput",
            description = "KPI a change must improve: throughput, leadTime, wip or scrap (default: ${DEFAULT-VALUE}).")
    String objective;

    @Option(
            names = "--min-effect",
            paramLabel = "P",
            defaultValue = "1%",
            description =
                    "Smallest relative improvement worth a command, e.g. 1%% or 0.01 (default: ${DEFAULT-VALUE}).")
    String minEffect;

    @Option(
            names = "--guard",
            paramLabel = "KPI",
            split = ",",
            defaultValue = "scrap,leadTime",
            description = "KPIs that must not get significantly worse, or none (default: ${DEFAULT-VALUE}).")
    List<String> guards;

    @Option(names = "--send", description = "Send approved commands that pass the gate (default: a dry run).")
    boolean send;

    @Option(
            names = "--auto-approve",
            paramLabel = "STATION.PARAMETER=MIN..MAX",
            description = "Approve without a person, only changes within these explicit limits (repeatable); "
                    + "warns each time it acts.")
    List<String> autoApprove = new ArrayList<>();

    @Option(
            names = "--rate-limit",
            paramLabel = "D",
            defaultValue = "30m",
            description = "Line time between two commands to the same equipment (default: ${DEFAULT-VALUE}).")
    String rateLimit;

    @Option(
            names = "--confirm-timeout",
            paramLabel = "D",
            defaultValue = "2m",
            description = "Wall time to wait for the twin to report a sent value before the command counts as failed "
                    + "and a rollback is proposed (default: ${DEFAULT-VALUE}).")
    String confirmTimeout;

    @Option(
            names = "--min-before",
            paramLabel = "D",
            defaultValue = "1h",
            description = "Line time of history before a confirmed change that its measured \"before\" throughput "
                    + "needs; with less, the summary says so instead of a rate (default: ${DEFAULT-VALUE}).")
    String minBefore;

    @Option(names = "--for", paramLabel = "D", description = "Stop after D of line time (default: until Ctrl-C).")
    String forTime;

    @Option(names = "--json", paramLabel = "OUT", description = "Write a summary of the run as JSON to OUT.")
    Path json;

    @Option(
            names = "--events-topic",
            paramLabel = "T",
            defaultValue = KafkaSettings.EVENTS_TOPIC,
            description = "Topic of the line's Ditto Protocol events (default: ${DEFAULT-VALUE}).")
    String eventsTopic;

    @Option(
            names = "--commands-topic",
            paramLabel = "T",
            defaultValue = KafkaSettings.COMMANDS_TOPIC,
            description = "Topic the commands go to (default: ${DEFAULT-VALUE}).")
    String commandsTopic;

    @Option(
            names = "--responses-topic",
            paramLabel = "T",
            defaultValue = KafkaSettings.RESPONSES_TOPIC,
            description = "Topic of the line's answers to commands: a refusal fails a command at once, with the "
                    + "line's reason (default: ${DEFAULT-VALUE}).")
    String responsesTopic;

    @Option(
            names = "--dead-letter-topic",
            paramLabel = "T",
            defaultValue = KafkaSettings.DEAD_LETTERS_TOPIC,
            description = "Topic where the twin puts the events it refuses, with their reasons "
                    + "(default: ${DEFAULT-VALUE}).")
    String deadLetterTopic;

    @Option(
            names = "--speed",
            paramLabel = "X",
            description = "With --embedded: line seconds per wall second of the emulated line (default: 60).")
    Double speed;

    @Option(
            names = "--poll",
            paramLabel = "D",
            defaultValue = "1s",
            description = "Wall time between two passes of the loop (default: ${DEFAULT-VALUE}).")
    String poll;

    @Option(
            names = "--long-repair",
            paramLabel = "D",
            defaultValue = "30m",
            description = "A repair this long makes the built-in rule try slowing the machine's feeders "
                    + "(default: ${DEFAULT-VALUE}).")
    String longRepair;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = ScenarioOptions.read(file);
        LoopSettings settings = settings(scenario);
        checkOutput();
        try {
            ThingId.of(scenario.line().id());
        } catch (RuntimeException e) {
            throw new BadInputException(file + ": line.id must be a Ditto thing id like \"plant1:bottling\" for the "
                    + "twin, got \"" + scenario.line().id() + "\"");
        }
        if (embedded == kafka.given()) {
            throw new BadInputException("live: give --kafka HOST:PORT (the broker of the line's events) or --embedded "
                    + "(LineTwin's own broker and the emulated line), not " + (embedded ? "both" : "neither"));
        }
        if (embedded && kafka.configFile().isPresent()) {
            throw new BadInputException("--kafka-config: only with --kafka (the embedded broker takes plain "
                    + "connections on this machine)");
        }
        if (noHealth && !embedded) {
            throw new BadInputException("--no-health: only with --embedded (with --kafka, run linetwin health monitor "
                    + "beside the line if you want predictions)");
        }
        if (speed != null && !embedded) {
            throw new BadInputException("--speed: only with --embedded (the emulated line's pace)");
        }
        double pace = speed == null ? 60 : speed;
        if (!(pace > 0) || Double.isInfinite(pace)) {
            throw new BadInputException("--speed: expected a factor > 0, got " + pace);
        }
        long pollMillis = Math.max(10, Math.round(seconds("--poll", poll) * 1000));
        Optional<KafkaSettings> given;
        try {
            given = embedded ? Optional.empty() : Optional.of(kafka.settings(eventsTopic, ""));
        } catch (KafkaConfigException e) {
            throw new BadInputException(e.getMessage());
        }
        String hash = Sha256.hex(Files.readAllBytes(file));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (embedded && !spec.commandLine().getParseResult().hasMatchedOption("--state")) {
            // A new emulated line each run: its proposals get a folder of their own, none of an earlier run's.
            state.dir = StateOption.freshEmbedded(
                    Path.of(StateOption.DEFAULT), Clock.systemUTC().instant());
        }
        ProposalBook book = ProposalBook.open(state.dir, Clock.systemUTC());
        Optional<AutoCloseable> claim = book.dir().claimLive();
        if (claim.isEmpty()) {
            err.println(state.dir + ": another linetwin live process follows this state folder");
            return ExitCode.FAILURE;
        }
        if (embedded) {
            expireEarlierRuns(book, out);
        }
        try (AutoCloseable held = claim.get();
                ReplicationEngine engaged =
                        engine.open(file, threads != null, settings.whatIf().threads(), "live")) {
            whatIfEngine = engaged;
            return connectAndRun(scenario, settings, hash, given, pace, pollMillis, book, out, err);
        }
    }

    /** @param given the events topic at the brokers of --kafka (with --kafka-config); empty: --embedded */
    private int connectAndRun(
            Scenario scenario,
            LoopSettings settings,
            String hash,
            Optional<KafkaSettings> given,
            double pace,
            long pollMillis,
            ProposalBook book,
            PrintWriter out,
            PrintWriter err)
            throws Exception {
        io.linetwin.broker.EmbeddedBroker broker = null;
        Path brokerDir = null;
        EmbeddedLine line = null;
        Optional<EmbeddedHealth> health = Optional.empty();
        try {
            KafkaSettings events;
            if (given.isPresent()) {
                events = given.get();
            } else {
                KafkaOptions.applyLogging(kafka.verbose());
                brokerDir = Files.createTempDirectory("linetwin-broker");
                broker = io.linetwin.broker.EmbeddedBroker.start(0, brokerDir);
                events = KafkaSettings.of(broker.bootstrapServers(), eventsTopic, "");
            }
            try {
                kafka.connect(
                        events,
                        List.of(
                                Topics.events(eventsTopic),
                                Topics.commands(commandsTopic),
                                Topics.responses(responsesTopic),
                                Topics.deadLetters(deadLetterTopic)));
            } catch (KafkaUnavailableException e) {
                err.println(e.getMessage());
                return ExitCode.FAILURE;
            }
            if (embedded) {
                line = EmbeddedLine.start(
                        scenario,
                        events.bootstrapServers(),
                        eventsTopic,
                        commandsTopic,
                        responsesTopic,
                        pace,
                        EmbeddedLine.weekStart(scenario, Clock.systemUTC().instant()));
                out.printf(
                        "embedded: a Kafka broker at %s and the %s line emulated at %sx%n",
                        events.bootstrapServers(), scenario.name(), io.linetwin.loop.Numbers.plain(pace));
                if (!noHealth) {
                    health = EmbeddedHealth.start(scenario, events.bootstrapServers(), eventsTopic, commandsTopic, out);
                }
            }
            return run(scenario, settings, hash, events, pollMillis, out, book, health);
        } catch (KafkaConfigException e) {
            throw new BadInputException(e.getMessage());
        } finally {
            try {
                if (health.isPresent()) {
                    health.get().close();
                }
            } finally {
                if (line != null) {
                    line.close();
                }
                if (broker != null) {
                    broker.close();
                }
                if (brokerDir != null) {
                    deleteQuietly(brokerDir);
                }
            }
        }
    }

    private int run(
            Scenario scenario,
            LoopSettings settings,
            String hash,
            KafkaSettings events,
            long pollMillis,
            PrintWriter out,
            ProposalBook book,
            Optional<EmbeddedHealth> health)
            throws Exception {
        Optional<CommandChannel> channel = send
                ? Optional.of(new KafkaCommandChannel(events.withTopic(commandsTopic), BROKER_TIMEOUT))
                : Optional.empty();
        Optional<TuningCandidates> tuned = scenario.tuning()
                .map(spec ->
                        new TuningCandidates(scenario, spec, settings.whatIf().lookAheadSeconds()));
        try (KafkaTwinFeed feed = new KafkaTwinFeed(
                        LineDescriptors.of(scenario.line()),
                        events,
                        DeadLetters.toTopic(events.withTopic(deadLetterTopic)),
                        Clock.systemUTC(),
                        BROKER_TIMEOUT);
                KafkaLineResponses responses =
                        new KafkaLineResponses(events.withTopic(responsesTopic), BROKER_TIMEOUT)) {
            // Ctrl-C or SIGTERM interrupts this thread (cutting a what-if short) and marks the process stopping:
            // the loop ends there, and the summary and the last line are still written (Main waits for them).
            // Allowed before the banner: a caller that sees it may stop the process at once.
            Main.allowWindDown(WIND_DOWN);
            PrintingReport report = new PrintingReport(out, state.asOption());
            LiveLoop loop = new LiveLoop(
                    scenario,
                    hash,
                    settings,
                    feed,
                    book,
                    channel,
                    responses,
                    report,
                    Clock.systemUTC(),
                    tuned.<List<io.linetwin.loop.whatif.CandidateSource>>map(List::of)
                            .orElse(List.of()),
                    whatIfEngine);
            out.printf(
                    "live: %s from %s (events %s, commands %s, answers %s); state %s%n",
                    scenario.line().id(),
                    events.bootstrapServers(),
                    eventsTopic,
                    commandsTopic,
                    responsesTopic,
                    state.dir);
            out.printf(
                    "      what-if every %s of line time and on events, %d × %s ahead; %s%n",
                    Durations.text(settings.everySeconds()),
                    settings.whatIf().replications(),
                    Durations.text(settings.whatIf().lookAheadSeconds()),
                    send
                            ? "SENDING approved commands that pass the gate"
                            : "dry run: approved commands are printed, not sent (--send sends them)");
            settings.autoApprove()
                    .ifPresent(a -> out.println(
                            "WARNING: --auto-approve approves without a person " + "within " + a.describe()));
            out.flush();
            loop.start();
            try {
                while (!Failures.isStopping() && loop.tick()) {
                    Thread.sleep(pollMillis);
                }
            } catch (InterruptedException e) {
                // stopped
            } catch (IOException | RuntimeException e) {
                if (!Failures.isStopping()) {
                    throw e;
                }
            }
            Thread.interrupted();
            if (health.isPresent()) {
                health.get().close();
                printTwinEstimates(scenario, feed, health.get().machines(), out);
            }
            LiveSummary summary = loop.summary();
            if (json != null) {
                StateDir.writeAtomically(
                        json,
                        new com.fasterxml.jackson.databind.ObjectMapper()
                                .writerWithDefaultPrettyPrinter()
                                .writeValueAsBytes(summary.toJson()));
            }
            report.measured(summary);
            out.printf(
                    "live: stopped at %s (line time) after %d what-ifs%s%n",
                    loop.lineNow()
                            .map(t -> t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                    .toString())
                            .orElse("the start"),
                    loop.whatIfs(),
                    json == null ? "" : "; summary in " + json);
            out.flush();
            return ExitCode.OK;
        } finally {
            channel.ifPresent(CommandChannel::close);
            tuned.ifPresent(TuningCandidates::close);
        }
    }

    /**
     * The open proposals of a named folder came from an earlier {@code --embedded} run, whose emulated line ended with
     * it: they are marked expired (kept, audited) so that this run neither refreshes, sends nor reads back any of them.
     */
    private void expireEarlierRuns(ProposalBook book, PrintWriter out) throws IOException {
        List<String> open = book.all().stream()
                .filter(p -> p.status().open())
                .map(p -> p.id() + " (" + p.status().json() + ")")
                .toList();
        if (open.isEmpty()) {
            return;
        }
        book.expireOpen("made for an earlier --embedded run's line, which ended with that run");
        out.println("embedded: expired " + String.join(", ", open) + " of an earlier run: its emulated line ended "
                + "with it (kept in " + state.dir + ", never acted on)");
        out.flush();
    }

    /** What the loop's own twin holds of the monitor's estimates: proof they went round through the line's events. */
    private static void printTwinEstimates(
            Scenario scenario, KafkaTwinFeed feed, List<String> machines, PrintWriter out) {
        TwinView view = new TwinView(feed.store().snapshot(), LineDescriptors.of(scenario.line()));
        for (String machine : machines) {
            OptionalDouble rul = view.rulSeconds(machine);
            out.println("health: the twin's health/rul of " + machine + ": "
                    + (rul.isPresent()
                            ? String.format(java.util.Locale.ROOT, "%.1f h of operation", rul.getAsDouble() / 3600)
                            : "none yet (too few readings since its last repair)"));
        }
        out.flush();
    }

    private LoopSettings settings(Scenario scenario) throws BadInputException {
        double everySeconds = seconds("--every", every);
        double lookAheadSeconds = seconds("--look-ahead", lookAhead);
        int reps = replications == null ? scenario.experiment().replications() : replications;
        if (reps < 2) {
            throw new BadInputException("--replications: expected >= 2 (a confidence interval needs two), got " + reps);
        }
        int cores = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (cores < 1) {
            throw new BadInputException("--threads: expected a count >= 1, got " + cores);
        }
        LoopKpi goal;
        List<LoopKpi> guarded = new ArrayList<>();
        try {
            goal = LoopKpi.parse(objective);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--objective: " + e.getMessage());
        }
        if (!(guards.size() == 1 && guards.get(0).equals("none"))) {
            for (String g : guards) {
                try {
                    guarded.add(LoopKpi.parse(g));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--guard: " + e.getMessage() + " (or none)");
                }
            }
        }
        guarded.remove(goal);
        double effect = fraction("--min-effect", minEffect);
        Optional<AutoApprove> auto = Optional.empty();
        if (!autoApprove.isEmpty()) {
            try {
                auto = Optional.of(AutoApprove.parse(autoApprove));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--auto-approve: " + e.getMessage());
            }
        }
        OptionalDouble forSeconds =
                forTime == null ? OptionalDouble.empty() : OptionalDouble.of(seconds("--for", forTime));
        try {
            return new LoopSettings(
                    everySeconds,
                    600,
                    0.9,
                    lookAheadSeconds,
                    seconds("--long-repair", longRepair),
                    new WhatIfSettings(lookAheadSeconds, reps, cores, goal, effect, guarded),
                    new GateSettings(ScenarioOptions.duration("--rate-limit", rateLimit), lookAheadSeconds),
                    Duration.ofMillis(Math.round(seconds("--confirm-timeout", confirmTimeout) * 1000)),
                    forSeconds,
                    auto,
                    send,
                    ScenarioOptions.duration("--min-before", minBefore));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private void checkOutput() throws BadInputException {
        if (json == null) {
            return;
        }
        Path parent = json.toAbsolutePath().getParent();
        if (Files.isDirectory(json) || parent == null || !Files.isDirectory(parent)) {
            throw new BadInputException("--json " + json + ": expected a file in an existing folder");
        }
    }

    private static double seconds(String option, String text) throws BadInputException {
        double s = ScenarioOptions.duration(option, text);
        if (!(s > 0)) {
            throw new BadInputException(option + ": expected a duration > 0, got " + text);
        }
        return s;
    }

    private static double fraction(String option, String text) throws BadInputException {
        String t = text.trim();
        try {
            double value = t.endsWith("%")
                    ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
                    : Double.parseDouble(t);
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadInputException(option + ": expected a share like 1% or 0.01, got " + text);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}

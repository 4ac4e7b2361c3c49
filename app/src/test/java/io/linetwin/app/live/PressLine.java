package io.linetwin.app.live;

import io.linetwin.app.emulate.CommandInbox;
import io.linetwin.app.emulate.LineEmulator;
import io.linetwin.app.emulate.Pacer;
import io.linetwin.app.emulate.ParameterCommands;
import io.linetwin.broker.EmbeddedBroker;
import io.linetwin.loop.LoopKpi;
import io.linetwin.loop.gate.GateSettings;
import io.linetwin.loop.live.LoopSettings;
import io.linetwin.loop.whatif.WhatIfSettings;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The library's press line (press run at 0.7 of its rated speed) emulated on a real broker, stepped by the test: the
 * emulator runs chunks without waiting for the wall clock, and the test hands the loop its turns.
 */
final class PressLine implements AutoCloseable {

    /** Monday 06:00 UTC: engine time 0 of the press line. */
    static final Instant START = Instant.parse("2026-11-30T06:00:00Z");

    static final String EVENTS = "events";
    static final String COMMANDS = "commands";
    static final String RESPONSES = "responses";

    final Scenario scenario;
    final Path file;
    final EmbeddedBroker broker;
    final KafkaSignalPublisher events;
    final KafkaSignalPublisher responses;
    final CommandInbox inbox;
    final LineEmulator emulator;

    PressLine(Path dir) throws Exception {
        this(dir, Duration.ZERO);
    }

    /** @param commandInterval the line's own rate limit: line time a station needs between two accepted commands */
    PressLine(Path dir, Duration commandInterval) throws Exception {
        file = library("press-line.yaml");
        scenario = ScenarioLoader.load(file);
        broker = EmbeddedBroker.start(0, dir.resolve("kafka"));
        broker.createTopic(EVENTS, 1);
        broker.createTopic(COMMANDS, 1);
        broker.createTopic(RESPONSES, 1);
        events = new KafkaSignalPublisher(KafkaSettings.of(broker.bootstrapServers(), EVENTS, ""));
        responses = new KafkaSignalPublisher(KafkaSettings.of(broker.bootstrapServers(), RESPONSES, ""));
        AtomicReference<LineEmulator> running = new AtomicReference<>();
        ParameterCommands commands = new ParameterCommands(
                scenario.line(),
                LineDescriptors.of(scenario.line()),
                ParameterCommands.scenarioValues(scenario.line()),
                commandInterval,
                () -> running.get() == null ? START : running.get().lineTime());
        inbox = new CommandInbox(
                KafkaSettings.of(broker.bootstrapServers(), COMMANDS, "linetwin-emulator-press"),
                commands,
                responses,
                1000);
        inbox.start();
        if (!inbox.awaitReady(Duration.ofSeconds(120))) {
            throw new IllegalStateException("the emulator's command inbox did not reach the topic's end");
        }
        emulator = new LineEmulator(
                new LineSimulation(scenario.line())
                        .startingAt(scenario.experiment().startSecondsOfWeek()),
                events,
                START,
                5,
                30,
                600,
                Pacer.NO_WAIT,
                inbox);
        running.set(emulator);
    }

    static Path library(String name) {
        Path fromModule = Path.of("..", "scenarios", name);
        return Files.exists(fromModule) ? fromModule : Path.of("scenarios", name);
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    Instant lineTime() {
        return START.plusMillis(Math.round(emulator.state().clockSeconds() * 1000));
    }

    /** Every what-if 1 h, 8 h ahead, 10 replications; rate limit 30 min, confirmation within 2 min of wall time. */
    static LoopSettings settings(boolean send, OptionalDouble forSeconds) {
        return new LoopSettings(
                3600,
                600,
                0.9,
                8 * 3600,
                1800,
                new WhatIfSettings(
                        8 * 3600, 10, 2, LoopKpi.THROUGHPUT, 0.01, List.of(LoopKpi.SCRAP, LoopKpi.LEAD_TIME)),
                new GateSettings(1800, 8 * 3600),
                Duration.ofMinutes(2),
                forSeconds,
                Optional.empty(),
                send);
    }

    @Override
    public void close() {
        inbox.close();
        responses.close();
        events.close();
        broker.close();
    }
}

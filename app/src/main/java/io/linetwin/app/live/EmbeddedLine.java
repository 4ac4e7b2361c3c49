package io.linetwin.app.live;

import io.linetwin.app.emulate.CommandInbox;
import io.linetwin.app.emulate.LineEmulator;
import io.linetwin.app.emulate.Pacer;
import io.linetwin.app.emulate.ParameterCommands;
import io.linetwin.loop.live.EngineClock;
import io.linetwin.model.Scenario;
import io.linetwin.sim.LineSimulation;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenario's line played by the emulator on a thread of this process, as {@code live --embedded} runs it: events
 * to the events topic at {@code speed} × wall time, modify commands taken from the commands topic.
 */
final class EmbeddedLine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedLine.class);

    private final KafkaSignalPublisher events;
    private final KafkaSignalPublisher responses;
    private final CommandInbox inbox;
    private final Thread thread;

    private EmbeddedLine(
            KafkaSignalPublisher events, KafkaSignalPublisher responses, CommandInbox inbox, Thread thread) {
        this.events = events;
        this.responses = responses;
        this.inbox = inbox;
        this.thread = thread;
    }

    static EmbeddedLine start(
            Scenario scenario,
            String bootstrapServers,
            String eventsTopic,
            String commandsTopic,
            String responsesTopic,
            double speed,
            Instant start)
            throws InterruptedException {
        KafkaSettings settings = KafkaSettings.of(bootstrapServers, eventsTopic, "");
        String lineKey = LineDescriptors.of(scenario.line()).lineId().toString();
        KafkaSignalPublisher events = new KafkaSignalPublisher(settings, thing -> lineKey);
        KafkaSignalPublisher responses = new KafkaSignalPublisher(settings.withTopic(responsesTopic));
        AtomicReference<LineEmulator> running = new AtomicReference<>();
        // The equipment's own limits, with no rate limit of its own: the command gate in front of it sets the pace.
        ParameterCommands commands = new ParameterCommands(
                scenario.line(),
                LineDescriptors.of(scenario.line()),
                ParameterCommands.scenarioValues(scenario.line()),
                Duration.ZERO,
                () -> running.get() == null ? start : running.get().lineTime());
        CommandInbox inbox = new CommandInbox(
                settings.withTopic(commandsTopic)
                        .withGroupId("linetwin-emulator-" + scenario.line().id()),
                commands,
                responses,
                1000);
        inbox.start();
        inbox.awaitReady(Duration.ofSeconds(30));
        LineEmulator emulator = new LineEmulator(
                new LineSimulation(scenario.line())
                        .startingAt(scenario.experiment().startSecondsOfWeek()),
                events,
                start,
                scenario.experiment().seed(),
                10,
                60,
                Pacer.realTime(speed),
                inbox);
        running.set(emulator);
        Thread thread = new Thread(
                () -> {
                    try {
                        emulator.runForever();
                    } catch (InterruptedException e) {
                        // stopped
                    } catch (RuntimeException e) {
                        LOG.error("the embedded line stopped", e);
                    }
                },
                "linetwin-embedded-line");
        thread.setDaemon(true);
        thread.start();
        return new EmbeddedLine(events, responses, inbox, thread);
    }

    /** This week's instant of the scenario's experiment start (UTC): engine time 0 of the emulated line. */
    static Instant weekStart(Scenario scenario, Instant now) {
        return EngineClock.mondayOf(now)
                .plusMillis(Math.round(scenario.experiment().startSecondsOfWeek() * 1000));
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inbox.close();
        responses.close();
        events.close();
    }
}

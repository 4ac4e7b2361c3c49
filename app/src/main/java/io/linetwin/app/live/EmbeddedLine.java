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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenario's line played by the emulator on a thread of this process, as {@code live --embedded} runs it: events
 * to the events topic at {@code speed} × wall time, modify commands taken from the commands topic.
 */
final class EmbeddedLine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedLine.class);

    private final KafkaSignalPublisher events;
    private final CommandInbox inbox;
    private final Thread thread;

    private EmbeddedLine(KafkaSignalPublisher events, CommandInbox inbox, Thread thread) {
        this.events = events;
        this.inbox = inbox;
        this.thread = thread;
    }

    static EmbeddedLine start(Scenario scenario, String bootstrapServers, String eventsTopic, String commandsTopic,
            double speed, Instant start) throws InterruptedException {
        KafkaSignalPublisher events = new KafkaSignalPublisher(KafkaSettings.of(bootstrapServers, eventsTopic, ""));
        CommandInbox inbox = new CommandInbox(KafkaSettings.of(bootstrapServers, commandsTopic, ""),
                new ParameterCommands(scenario.line(), LineDescriptors.of(scenario.line())));
        inbox.start();
        inbox.awaitReady(Duration.ofSeconds(30));
        LineEmulator emulator = new LineEmulator(new LineSimulation(scenario.line())
                .startingAt(scenario.experiment().startSecondsOfWeek()), events, start, scenario.experiment().seed(),
                10, 60, Pacer.realTime(speed), inbox::drain);
        Thread thread = new Thread(() -> {
            try {
                emulator.runForever();
            } catch (InterruptedException e) {
                // stopped
            } catch (RuntimeException e) {
                LOG.error("the embedded line stopped", e);
            }
        }, "linetwin-embedded-line");
        thread.setDaemon(true);
        thread.start();
        return new EmbeddedLine(events, inbox, thread);
    }

    /** This week's instant of the scenario's experiment start (UTC): engine time 0 of the emulated line. */
    static Instant weekStart(Scenario scenario, Instant now) {
        return EngineClock.mondayOf(now).plusMillis(Math.round(scenario.experiment().startSecondsOfWeek() * 1000));
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
        events.close();
    }
}

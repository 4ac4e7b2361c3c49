package io.linetwin.app.health;

import io.linetwin.app.BadInputException;
import io.linetwin.model.Scenario;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.sync.KafkaSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health monitor that {@code live --embedded} runs beside its loop, so failure predictions reach the twin out of
 * the box: the shipped models ({@code assets/models/<scenario>/<machine>/}) on the machines they map to, reading the
 * embedded line's {@code health/readings} and writing {@code health/rul} back through the emulator, which publishes
 * it as the Thing's event that the loop's triggers and {@code health risk --from-twin} read. Estimates go out every
 * {@value #EVERY_LINE_SECONDS} s of line time, counted on each machine's own events (so at any emulator speed and
 * under any load, {@link RulMonitor#roundsEvery}); alarms as {@code health monitor}'s defaults (P(failure within 8 h)
 * at or above 0.5).
 */
public final class EmbeddedHealth implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHealth.class);

    /** Line seconds between two rounds of estimates: what a maintenance planner needs, not a flood of lines. */
    static final double EVERY_LINE_SECONDS = 600;

    private static final double HORIZON_SECONDS = 8 * 3600;
    private static final double THRESHOLD = 0.5;
    private static final long STEP_MILLIS = 200;

    private final List<WatchedMachine> watched;
    private final MonitorSession session;
    private final Thread thread;
    private volatile boolean stopping;

    private EmbeddedHealth(List<WatchedMachine> watched, MonitorSession session) {
        this.watched = watched;
        this.session = session;
        this.thread = new Thread(this::follow, "linetwin-embedded-health");
        thread.setDaemon(true);
    }

    /**
     * Starts the monitor on the machines the shipped models map to, or says on {@code out} that no model maps to any
     * machine and returns empty.
     *
     * @throws BadInputException when a shipped model does not fit its machine (sensors, operating conditions)
     */
    public static Optional<EmbeddedHealth> start(
            Scenario scenario, String bootstrapServers, String eventsTopic, String commandsTopic, PrintWriter out)
            throws BadInputException {
        LineDescriptor line = LineDescriptors.of(scenario.line());
        List<WatchedMachine> watched = HealthMonitorCommand.watched(scenario, List.of(), null, out);
        if (watched.isEmpty()) {
            out.println("health: no failure predictions: no model maps to a machine of " + scenario.name()
                    + " (a machine needs sensors and a model in " + ShippedModels.FOLDER + "/" + scenario.name()
                    + "/<machine>/; linetwin health monitor --model MACHINE=DIR runs your own)");
            out.flush();
            return Optional.empty();
        }
        try {
            KafkaSettings settings =
                    KafkaSettings.of(bootstrapServers, eventsTopic, "linetwin-health-" + line.lineId());
            MonitorSession session = new MonitorSession(
                    line, settings, commandsTopic, watched, EVERY_LINE_SECONDS, HORIZON_SECONDS, THRESHOLD, out);
            EmbeddedHealth health = new EmbeddedHealth(watched, session);
            session.start();
            health.thread.start();
            out.printf(
                    Locale.ROOT,
                    "health: watching %s; estimates into the twin every %.0f min of line time, alarm at P(failure "
                            + "within 8 h) >= %.2f (--no-health: off)%n",
                    session.describeWatched(),
                    EVERY_LINE_SECONDS / 60,
                    THRESHOLD);
            out.flush();
            return Optional.of(health);
        } catch (RuntimeException e) {
            watched.forEach(m -> m.model().close());
            throw e;
        }
    }

    /** The watched machines' ids, in the scenario's order. */
    public List<String> machines() {
        return watched.stream().map(WatchedMachine::machine).toList();
    }

    private void follow() {
        try {
            while (!stopping) {
                session.step(STEP_MILLIS);
            }
        } catch (InterruptedException e) {
            // stopped
        } catch (RuntimeException e) {
            // The loop goes on without predictions; the cause goes to the log rather than a stack trace to the user.
            LOG.error("the embedded health monitor stopped", e);
        }
    }

    /** Stops following, writes the last estimates into the twin and prints the monitor's summary line. */
    @Override
    public void close() throws InterruptedException {
        if (stopping) {
            return;
        }
        stopping = true;
        thread.join(Duration.ofSeconds(30).toMillis());
        try {
            session.close();
        } finally {
            watched.forEach(m -> m.model().close());
        }
    }
}

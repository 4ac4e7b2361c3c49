package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines on a clock moved by hand: quiet at first, then the batch, the share done and the time left. */
final class ProgressReporterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final StringWriter err = new StringWriter();

    private ProgressReporter reporter(boolean enabled) {
        return new ProgressReporter(new PrintWriter(err, true), "compare", enabled, clock::get);
    }

    @Test
    void aLongSingleReplicationShowsItsSimulatedShareAndTheTimeLeft() {
        ProgressReporter progress = reporter(true);
        progress.started("faster-filler", 1);

        clock.set(1 * SECOND);
        progress.advanced(0, 0.025);
        clock.set(10 * SECOND);
        progress.advanced(0, 0.25);
        clock.set(10 * SECOND + SECOND / 2);
        progress.advanced(0, 0.3);

        // Nothing in the first two seconds, then one line; the next within a second is skipped.
        assertThat(err.toString().lines())
                .containsExactly("linetwin: faster-filler: 0/1 replications, 25.0% done after 10s, about 30s left");
    }

    @Test
    void theEstimateCoversEveryBatchOfTheJob() {
        ProgressReporter progress = reporter(true).expecting(4);
        progress.started("baseline", 2);
        progress.finished(1, 2);
        progress.finished(2, 2);
        progress.started("bigger-b2", 2);
        clock.set(30 * SECOND);
        progress.finished(1, 2);

        // The first replication came at once, the next two took 30 s: at that pace the last takes 15 s.
        assertThat(err.toString().lines())
                .containsExactly("linetwin: bigger-b2: 1/2 replications, 75.0% done after 30s, about 15s left");
        assertThat(progress.share()).isEqualTo(0.75);
    }

    @Test
    void workOtherThanReplicationsSaysWhatIsDone() {
        ProgressReporter progress = reporter(true);
        clock.set(60 * SECOND);

        progress.reached("emulated 2h of 8h, now Mon 08:00", 0.25);
        clock.set(62 * SECOND);
        progress.reached("emulated 2h10m, now Mon 08:10", Double.NaN);

        assertThat(err.toString().lines())
                .containsExactly(
                        "linetwin: compare: emulated 2h of 8h, now Mon 08:00, 25.0% done after 1m, about 3m left",
                        "linetwin: compare: emulated 2h10m, now Mon 08:10 after 1m2s");
    }

    @Test
    void inATerminalOneBarIsRewrittenInPlaceAndWipedWhenTheWorkIsDone() {
        ProgressReporter progress =
                new ProgressReporter(new PrintWriter(err, true), "tune", true, ProgressReporter.Style.BAR, clock::get);

        clock.set(3 * SECOND);
        progress.reached("search 30/100 settings · best 101.5", 0.3);
        clock.set(5 * SECOND);
        progress.reached("search 50/100 settings · best 102", 0.5);
        String shown = err.toString();
        progress.reached("search 100/100 settings · best 102", 1);

        assertThat(shown)
                .isEqualTo("\rlinetwin: tune [███████░░░░░░░░░░░░░░░░░] 30.0% · search 30/100 settings · "
                        + "best 101.5 · 3s elapsed · about 7s left"
                        + "\rlinetwin: tune [████████████░░░░░░░░░░░░] 50.0% · search 50/100 settings · best 102 · 5s "
                        + "elapsed · about 5s left  ");
        // Done: the bar is wiped, so what the command prints next starts on a clean line.
        String wiped = err.toString().substring(shown.length());
        assertThat(wiped).matches("\r +\r");
        assertThat(err.toString()).doesNotContain("\n");
    }

    @Test
    void aQuietReporterPrintsNothing() {
        ProgressReporter progress = reporter(false);
        progress.started("baseline", 1);
        clock.set(100 * SECOND);
        progress.advanced(0, 0.5);
        progress.finished(1, 1);

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void inAPipeTheCliIsQuietAndWithProgressItIsNot() {
        // Tests run without a console: no --progress, no lines, however long; --quiet wins over --progress.
        ProgressOptions options = new ProgressOptions();
        assertThat(options.enabled()).isFalse();
        options.progress = true;
        assertThat(options.enabled()).isTrue();
        options.quiet = true;
        assertThat(options.enabled()).isFalse();
    }

    @Test
    void theFirstEstimateIsNotInflatedByASlowStart() {
        // The first 4 s do 2 % (class loading, the JIT), then 10 % a second. The time left comes from the pace of the
        // latest half of the elapsed time, no longer from the start.
        ProgressReporter progress = reporter(true);
        progress.started("the maintenance windows", 1);
        for (long tenth = 1; tenth <= 60; tenth++) {
            clock.set(tenth * SECOND / 10);
            double seconds = tenth / 10.0;
            progress.advanced(0, seconds <= 4 ? 0.005 * seconds : 0.02 + 0.1 * (seconds - 4));
        }

        // From the start: 5 x 0.88 / 0.12 = 37 s left at 5 s and 6 x 0.78 / 0.22 = 22 s at 6 s (truth: 8.8 s and 7.8
        // s).
        List<String> lines = err.toString().lines().toList();
        assertThat(lines.get(lines.size() - 2))
                .isEqualTo("linetwin: the maintenance windows: 0/1 replications, 12.0% done after 5s, about 21s left");
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("linetwin: the maintenance windows: 0/1 replications, 22.0% done after 6s, about 12s left");
    }

    @Test
    void batchesOfShortRunsWeighByTheirWorkNotTheirCount() {
        // 10 runs of the whole look-ahead, then 100 branches each a twentieth as long: the long ones are 2/3 of it.
        ProgressReporter progress = reporter(true)
                .expecting(110)
                .expectingWork(java.util.Map.of(
                        "the failure", new double[] {10, 1}, "the maintenance windows", new double[] {100, 0.05}));
        progress.started("the failure", 10);
        progress.finished(10, 10);
        assertThat(progress.share()).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
        progress.started("the maintenance windows", 100);
        progress.finished(50, 100);
        assertThat(progress.share()).isCloseTo(2.0 / 3 + 1.0 / 6, org.assertj.core.api.Assertions.within(1e-12));
    }
}

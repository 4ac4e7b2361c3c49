package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
        progress.advanced(0, 0.1);
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

        // 3 of 4 replications in 30 s: 10 s left.
        assertThat(err.toString().lines())
                .containsExactly("linetwin: bigger-b2: 1/2 replications, 75.0% done after 30s, about 10s left");
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
}

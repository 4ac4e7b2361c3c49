package io.linetwin.app;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Training's lines (one per epoch of each ensemble member, and any recovery) on the console, and a progress bar with
 * the time left on stderr, wiped before each line so the two never mix. The share counts epochs against the most
 * the settings allow, {@code members × maxEpochs}; a member stopped early counts as all its epochs done once the
 * next one starts, so the estimate can only shorten.
 */
public final class TrainingProgress implements Consumer<String> {

    private static final Pattern EPOCH = Pattern.compile("^member (\\d+)/(\\d+) epoch (\\d+) ");

    private final PrintWriter console;
    private final ProgressReporter reporter;
    private final int maxEpochs;

    TrainingProgress(PrintWriter console, ProgressReporter reporter, int maxEpochs) {
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("maxEpochs must be >= 1, got " + maxEpochs);
        }
        this.console = console;
        this.reporter = reporter;
        this.maxEpochs = maxEpochs;
    }

    /** Lines to {@code console}; the bar on {@code err} as {@code progress} says (terminal, --quiet, --progress). */
    public static TrainingProgress of(PrintWriter console, PrintWriter err, ProgressOptions progress, int maxEpochs) {
        return new TrainingProgress(console, progress.reporter(err, "health train"), maxEpochs);
    }

    @Override
    public void accept(String line) {
        reporter.clear();
        console.println(line);
        console.flush();
        Matcher epoch = EPOCH.matcher(line);
        if (epoch.find()) {
            int member = Integer.parseInt(epoch.group(1));
            int members = Integer.parseInt(epoch.group(2));
            int done = Integer.parseInt(epoch.group(3));
            double share =
                    ((member - 1) * (double) maxEpochs + Math.min(done, maxEpochs)) / (members * (double) maxEpochs);
            reporter.reached(String.format(Locale.ROOT, "member %d/%d epoch %d", member, members, done), share);
        }
    }

    /** Wipes the bar: call before the closing summary. */
    public void finished() {
        reporter.clear();
    }
}

package io.linetwin.app.render;

import io.linetwin.app.Failures;
import io.linetwin.twin.sync.KafkaUnavailableException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** The CLI's exit codes (docs/cli.md) and the one-line error reporting of the render commands. */
final class Exits {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    private Exits() {}

    /** Runs {@code body}; bad input is one line and exit 2, any other failure one line and exit 1. */
    static int guarded(PrintWriter err, Callable<Integer> body) {
        try {
            return body.call();
        } catch (RenderInputException e) {
            err.println(e.getMessage());
            err.flush();
            return BAD_INPUT;
        } catch (KafkaUnavailableException e) {
            err.println(e.getMessage());
            err.flush();
            return FAILURE;
        } catch (Exception | Error e) {
            return Failures.report(e, err);
        }
    }
}

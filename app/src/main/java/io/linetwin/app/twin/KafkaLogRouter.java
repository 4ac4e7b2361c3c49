package io.linetwin.app.twin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own log while {@code linetwin broker} runs: every line goes to a file beside the broker's data, and the
 * console gets one line in LineTwin's words for each error Kafka reports, naming the file. Kafka logs some reports
 * at ERROR that ask nothing of the user (the controller's "Exceptionally slow controller event" on a loaded machine);
 * those stay in the file. Installed as the stream the SLF4J simple logger writes to, it sees whole lines.
 */
final class KafkaLogRouter extends OutputStream {

    /** The simple logger's record: time, [thread], level, logger, message (see {@link #configureLogger}). */
    private static final Pattern RECORD =
            Pattern.compile("^\\S+ \\[.*?\\] (ERROR|WARN|INFO|DEBUG|TRACE) (\\S+) - (.*)$");

    /** Loggers whose ERROR lines are performance reports, not failures. */
    private static final Set<String> REPORTS_ONLY = Set.of("org.apache.kafka.controller.EventPerformanceMonitor");

    private final OutputStream file;
    private final Path fileName;
    private final PrintWriter console;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    KafkaLogRouter(OutputStream file, Path fileName, PrintWriter console) {
        this.file = file;
        this.fileName = fileName;
        this.console = console;
    }

    /** Kafka's loggers from WARN up, with the time of each record; must run before the first logger is made. */
    static void configureLogger() {
        for (String logger : new String[] {"org.apache.kafka", "kafka", "state.change.logger"}) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "false");
    }

    @Override
    public synchronized void write(int b) throws IOException {
        file.write(b);
        if (b == '\n') {
            lineDone();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        file.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }

    private void lineDone() throws IOException {
        String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
        line.reset();
        Matcher record = RECORD.matcher(text);
        if (record.matches() && record.group(1).equals("ERROR") && !REPORTS_ONLY.contains(record.group(2))) {
            file.flush();
            console.println("broker: Kafka reports an error: " + record.group(3) + " (Kafka's log: " + fileName + ")");
            console.flush();
        }
    }
}

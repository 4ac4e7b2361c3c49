package io.linetwin.twin.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Where the twin puts the messages it refused. {@link #add} may buffer; {@link #flush} returns once every
 * letter added so far is stored durably, and the Kafka consumer flushes before it commits an offset, so a
 * refused record is never committed before its dead letter exists.
 */
public interface DeadLetters extends AutoCloseable {

    void add(DeadLetter letter);

    /** Blocks until everything added is stored; throws {@link DeadLetterException} if anything could not be. */
    void flush();

    /** Letters stored so far. */
    long count();

    @Override
    void close();

    /** Keeps nothing: refusals are only counted and logged (the store's stats). */
    static DeadLetters none() {
        return new DeadLetters() {
            private long count;

            @Override
            public synchronized void add(DeadLetter letter) {
                count++;
            }

            @Override
            public void flush() {}

            @Override
            public synchronized long count() {
                return count;
            }

            @Override
            public void close() {}
        };
    }

    /** Appends one JSON line per letter to {@code file} (created if missing), fsynced on every flush. */
    static DeadLetters toFile(Path file) throws IOException {
        return new FileDeadLetters(file);
    }

    /** Publishes each letter as JSON to the topic of {@code settings}, keyed by Thing id. */
    static DeadLetters toTopic(KafkaSettings settings) {
        return new TopicDeadLetters(settings);
    }

    /** A dead letter could not be stored; the consumer then commits nothing past it and starts again. */
    final class DeadLetterException extends RuntimeException {
        public DeadLetterException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** JSON lines in a file. */
    final class FileDeadLetters implements DeadLetters {
        private final Path file;
        private final FileChannel channel;
        private final OutputStream out;
        private long count;

        private FileDeadLetters(Path file) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            this.out = java.nio.channels.Channels.newOutputStream(channel);
        }

        @Override
        public synchronized void add(DeadLetter letter) {
            try {
                out.write((letter.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
                count++;
            } catch (IOException e) {
                throw new DeadLetterException("cannot append to the dead letters " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized void flush() {
            try {
                channel.force(false);
            } catch (IOException e) {
                throw new DeadLetterException("cannot sync the dead letters " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized long count() {
            return count;
        }

        @Override
        public synchronized void close() {
            try {
                flush();
            } finally {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // flushed above; nothing left to lose
                }
            }
        }
    }

    /** JSON on a Kafka topic, through the idempotent publisher. */
    final class TopicDeadLetters implements DeadLetters {
        private final KafkaSignalPublisher publisher;
        private final String topic;
        private final List<CompletableFuture<?>> inFlight = new ArrayList<>();
        private long count;

        private TopicDeadLetters(KafkaSettings settings) {
            this.publisher = new KafkaSignalPublisher(settings);
            this.topic = settings.topic();
        }

        @Override
        public synchronized void add(DeadLetter letter) {
            inFlight.add(publisher.publish(
                    letter.thingId().orElse(letter.key().orElse(null)),
                    letter.toJson().toString(),
                    new RecordHeaders()));
        }

        @Override
        public synchronized void flush() {
            publisher.flush();
            try {
                for (CompletableFuture<?> f : inFlight) {
                    f.get();
                    count++;
                }
            } catch (ExecutionException e) {
                throw new DeadLetterException(
                        "cannot publish a dead letter to " + topic + ": "
                                + e.getCause().getMessage(),
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeadLetterException("interrupted while publishing dead letters to " + topic, e);
            } finally {
                inFlight.clear();
            }
        }

        @Override
        public synchronized long count() {
            return count;
        }

        @Override
        public synchronized void close() {
            try {
                flush();
            } finally {
                publisher.close();
            }
        }
    }
}

package io.linetwin.twin.sync;

/**
 * No Kafka broker answered in time, or it refused the login; the message is one line for the user, e.g.
 * {@code no Kafka broker at 127.0.0.1:9092 (start one with: linetwin broker)}.
 */
public final class KafkaUnavailableException extends Exception {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.linetwin.twin.sync;

/** A Kafka client properties file the user must fix; the message is one line naming file, line and key. */
public final class KafkaConfigException extends Exception {

    public KafkaConfigException(String message) {
        super(message);
    }
}

package io.linetwin.broker;

/** The broker could not start, restart or serve a request; the message is one line for the user. */
public final class BrokerException extends Exception {

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }

    public BrokerException(String message) {
        super(message);
    }
}

package io.linetwin.predict.balance;

/**
 * Measurements the user must fix: a malformed measurement file (the message starts with {@code file:line:}) or
 * exact measurements that contradict the conservation laws.
 */
public final class BalanceInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public BalanceInputException(String message) {
        super(message);
    }
}

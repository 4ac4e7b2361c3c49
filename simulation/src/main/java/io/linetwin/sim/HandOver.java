package io.linetwin.sim;

/**
 * The servers of one machine whose finished good parts wait for room downstream (blocking after service), and
 * the order they hand over in. A machine picks one at connection, by its outlet: {@link PlainHandOver} for one
 * outbound buffer (or the line's end), {@link RoutedHandOver} for several. The machine does what a hand-over
 * means for the server and the part; this only decides who goes, where, and when.
 */
sealed interface HandOver permits PlainHandOver, RoutedHandOver {

    /** Moves one blocked server's part on: the hand-over has already taken the server off its waiting list. */
    @FunctionalInterface
    interface Sender {
        void send(Server server, Downstream target);
    }

    /**
     * Where the part {@code finished} just completed goes at once, or null when it must wait (its server then
     * {@link #block blocks}): no earlier blocked part may be overtaken on its way to the same place.
     */
    Downstream passTarget(Server finished);

    /** {@code server} waits with its finished part, after every server already waiting. */
    void block(Server server);

    /** Warm start: {@code server} held a finished part that waited for room; it waits again, last. */
    void restoreBlocked(Server server);

    /** Hands over every waiting part that may go now, oldest first, through the sender, until none may. */
    void handOverWaiting();

    /** Where {@code server}'s finished part waits to go. */
    Downstream target(Server server);

    /** How many servers wait. */
    int waiting();
}

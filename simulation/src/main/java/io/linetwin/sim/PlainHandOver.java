package io.linetwin.sim;

/**
 * The hand-over of a machine with one outlet: every blocked part waits for the same place, so they leave
 * strictly in the order they finished. The waiting servers form a queue in a ring with one slot per server.
 * Invariant: the {@code count} waiting servers stand at slots {@code head … head + count - 1} (modulo the ring's
 * length), oldest first, and every other slot is null.
 */
final class PlainHandOver implements HandOver {

    private final Downstream outbound;
    private final Server[] ring;
    private final Sender sender;
    private int head;
    private int count;

    PlainHandOver(Downstream outbound, int servers, Sender sender) {
        if (servers < 1) {
            throw new IllegalArgumentException("a hand-over needs at least 1 server, got " + servers);
        }
        this.outbound = outbound;
        this.ring = new Server[servers];
        this.sender = sender;
    }

    @Override
    public Downstream passTarget(Server finished) {
        return count == 0 && outbound.canAccept() ? outbound : null;
    }

    @Override
    public void block(Server server) {
        if (count == ring.length) {
            throw new IllegalStateException("all " + ring.length + " servers wait already, cannot block one more");
        }
        ring[(head + count) % ring.length] = server;
        count++;
    }

    @Override
    public void restoreBlocked(Server server) {
        block(server);
    }

    @Override
    public void handOverWaiting() {
        while (count > 0 && outbound.canAccept()) {
            Server server = ring[head];
            ring[head] = null;
            head = (head + 1) % ring.length;
            count--;
            sender.send(server, outbound);
        }
    }

    @Override
    public Downstream target(Server server) {
        return outbound;
    }

    @Override
    public int waiting() {
        return count;
    }
}

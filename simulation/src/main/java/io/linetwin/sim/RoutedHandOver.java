package io.linetwin.sim;

/**
 * The hand-over of a machine with several outbound buffers: a finished part draws its buffer from the router and
 * waits for that one. Per buffer the parts leave in the order they finished; a part for a buffer with room may
 * overtake earlier ones that wait for a full buffer. Invariant: slots {@code 0 … count - 1} hold the waiting
 * servers in the order they finished, every other slot is null; a server leaves only when no slot before it
 * waits for the same route.
 */
final class RoutedHandOver implements HandOver {

    private final Router router;
    private final Server[] waiting;
    private final Sender sender;
    private int count;

    RoutedHandOver(Router router, int servers, Sender sender) {
        if (servers < 1) {
            throw new IllegalArgumentException("a hand-over needs at least 1 server, got " + servers);
        }
        this.router = router;
        this.waiting = new Server[servers];
        this.sender = sender;
    }

    /** Draws the finished part's route (so each part draws once, when it finishes), then checks for room. */
    @Override
    public Downstream passTarget(Server finished) {
        int route = router.choose(finished.part());
        finished.route(route);
        Downstream target = router.target(route);
        return !waitsFor(route, count) && target.canAccept() ? target : null;
    }

    @Override
    public void block(Server server) {
        if (count == waiting.length) {
            throw new IllegalStateException("all " + waiting.length + " servers wait already, cannot block one more");
        }
        waiting[count++] = server;
    }

    /** A restored blocked part draws its route again, as a part finishing does. */
    @Override
    public void restoreBlocked(Server server) {
        server.route(router.choose(server.part()));
        block(server);
    }

    @Override
    public void handOverWaiting() {
        int i = 0;
        while (i < count) {
            Server server = waiting[i];
            int route = server.route();
            Downstream target = router.target(route);
            if (!waitsFor(route, i) && target.canAccept()) {
                System.arraycopy(waiting, i + 1, waiting, i, count - i - 1);
                waiting[--count] = null;
                sender.send(server, target);
                // The hand-over may have freed room anywhere: look again from the front.
                i = 0;
            } else {
                i++;
            }
        }
    }

    @Override
    public Downstream target(Server server) {
        return router.target(server.route());
    }

    @Override
    public int waiting() {
        return count;
    }

    /** Whether one of the first {@code before} waiting servers waits for {@code route}. */
    private boolean waitsFor(int route, int before) {
        for (int i = 0; i < before; i++) {
            if (waiting[i].route() == route) {
                return true;
            }
        }
        return false;
    }
}

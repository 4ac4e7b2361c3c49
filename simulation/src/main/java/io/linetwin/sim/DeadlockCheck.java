package io.linetwin.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Run only in lines with loops, when a machine's last server blocks. A machine is dead when every server is
 * blocked and each waits on a full buffer whose station is dead too (a machine on the current path counts as
 * dead: that closes the loop). Failures and shifts cannot free such a loop.
 */
final class DeadlockCheck {

    private DeadlockCheck() {}

    static void check(Machine machine, double now) {
        if (!machine.allBlocked()) {
            return;
        }
        Map<Machine, Boolean> known = new HashMap<>();
        if (dead(machine, new ArrayList<>(), known)) {
            throw new LineDeadlockException(now, chain(machine));
        }
    }

    private static boolean dead(Machine machine, List<Machine> path, Map<Machine, Boolean> known) {
        if (path.contains(machine)) {
            return true;
        }
        Boolean was = known.get(machine);
        if (was != null) {
            return was;
        }
        boolean dead = machine.allBlocked();
        path.add(machine);
        for (int i = 0; dead && i < machine.serverCount(); i++) {
            Downstream target = machine.blockedTarget(machine.server(i));
            Machine next = target instanceof Buffer buffer && full(buffer) && buffer.downstream() instanceof Machine m
                    ? m
                    : null;
            dead = next != null && dead(next, path, known);
        }
        path.remove(path.size() - 1);
        known.put(machine, dead);
        return dead;
    }

    /** A conveyor refuses parts for a while between entries or while stopped; only a full one never frees. */
    private static boolean full(Buffer buffer) {
        return buffer instanceof Conveyor ? buffer.level() >= buffer.capacity() : !buffer.canAccept();
    }

    /** From {@code start} along each machine's first blocked server until a machine repeats: that loop. */
    private static List<String> chain(Machine start) {
        List<Machine> machines = new ArrayList<>();
        List<String> buffers = new ArrayList<>();
        Machine at = start;
        while (!machines.contains(at)) {
            machines.add(at);
            Buffer buffer = (Buffer) at.blockedTarget(at.server(0));
            buffers.add(buffer.id());
            at = (Machine) buffer.downstream();
        }
        List<String> chain = new ArrayList<>();
        for (int i = machines.indexOf(at); i < machines.size(); i++) {
            chain.add(machines.get(i).id());
            chain.add(buffers.get(i) + " (full)");
        }
        chain.add(at.id());
        return chain;
    }
}

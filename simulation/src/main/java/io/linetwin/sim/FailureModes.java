package io.linetwin.sim;

import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import java.util.List;
import java.util.function.Function;

/**
 * The failure modes of one piece of equipment and the repair under way. Failures act on the whole equipment: a
 * mode that comes due while it runs strikes at once; one that comes due while it is halted waits, and strikes when
 * the equipment is next up. When a repair ends, a mode that came due meanwhile is repaired next (the equipment
 * stays down) before the equipment is up again. Machines, assemblies and conveyors share this rule.
 */
final class FailureModes {

    private final Failable equipment;
    private FailureProcess[] modes = new FailureProcess[0];
    private FailureProcess repairing;

    FailureModes(Failable equipment) {
        this.equipment = equipment;
    }

    /** Builds the equipment's modes, each on its basis's clock with its own two streams. */
    void build(
            Model model,
            RandomStreams streams,
            String equipmentId,
            List<FailureSpec> specs,
            Function<FailureBasis, FailureClock> clocks) {
        modes = new FailureProcess[specs.size()];
        for (int i = 0; i < modes.length; i++) {
            FailureSpec failure = specs.get(i);
            modes[i] = new FailureProcess(
                    model,
                    this,
                    failure,
                    clocks.apply(failure.basis()),
                    streams.stream(equipmentId, RandomStreams.FAILURE_PREFIX + failure.name()),
                    streams.stream(equipmentId, RandomStreams.REPAIR_PREFIX + failure.name()));
        }
    }

    FailureProcess[] all() {
        return modes;
    }

    boolean isEmpty() {
        return modes.length == 0;
    }

    /** True while a repair is under way. */
    boolean down() {
        return repairing != null;
    }

    /** The mode under repair, or null while up. */
    FailureProcess repairing() {
        return repairing;
    }

    /** {@code mode} came due on its clock. */
    void due(FailureProcess mode, double now) {
        if (equipment.halted()) {
            mode.waitForUp();
        } else {
            strike(mode, now);
        }
    }

    /** The equipment is up again after a halt: a mode that came due meanwhile strikes now; false if none. */
    boolean strikeWaiting(double now) {
        for (FailureProcess mode : modes) {
            if (mode.takeWaiting()) {
                strike(mode, now);
                return true;
            }
        }
        return false;
    }

    /** The repair of {@code repairingMode} ended (its next time between failures is drawn already). */
    void repairEnded(double now) {
        for (FailureProcess mode : modes) {
            if (mode.takeWaiting()) {
                repairing = mode;
                mode.beginRepair(now);
                return;
            }
        }
        repairing = null;
        equipment.repaired(now);
    }

    /**
     * Warm start, once the equipment has stopped: it is down under {@code mode} for {@code remainingSeconds} more
     * (no failure strikes: this one struck before the start).
     */
    void restoreRepair(FailureProcess mode, double remainingSeconds, double now) {
        repairing = mode;
        mode.beginRepair(now, remainingSeconds);
    }

    /** The mode named {@code name}, for a warm start; {@code what} names the equipment in the message. */
    FailureProcess named(String name, String what) {
        for (FailureProcess mode : modes) {
            if (mode.name().equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(what + " repair must name one of its failure modes, got " + name);
    }

    private void strike(FailureProcess mode, double now) {
        repairing = mode;
        equipment.fail(now);
        mode.beginRepair(now);
    }
}

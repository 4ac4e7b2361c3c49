package io.linetwin.sim;

import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.util.Bag;

/**
 * MASON's {@link Schedule} for a replication that one thread owns from start to end. MASON's {@code step} and
 * {@code scheduleOnce} take the schedule's locks (three per step, one per scheduled event) so that other threads may
 * watch or feed a running model, and copy every step's events through two bags even when there is one; a
 * replication here is confined to its thread, and most steps run one event. Both are done as MASON does them, on
 * MASON's queue, without the locks and with the one-event step taken directly:
 *
 * <ul>
 *   <li>a step runs every event of the earliest time; those of one ordering come out of the queue together and,
 *       when there are several, are shuffled with the model's random stream ({@link Bag#shuffle}), orderings in
 *       increasing order;
 *   <li>an event scheduled for the current instant moves to the next representable instant after it, and one for a
 *       time before now, before the epoch, NaN or without a steppable is refused with MASON's exception.
 * </ul>
 *
 * So the events run in MASON's order, shuffles drawing the same numbers, and a run gives the same results bit for
 * bit. ScheduleEquivalenceTest steps this schedule and MASON's side by side.
 */
final class LineSchedule extends Schedule {

    private static final long serialVersionUID = 1L;

    /** The events of the current step after the first, with ties among them; reused from step to step. */
    private final Bag batch = new Bag();

    private final Bag group = new Bag();
    private boolean stepping;

    @Override
    public double getTime() {
        return time;
    }

    @Override
    public double time() {
        return time;
    }

    @Override
    public boolean scheduleOnce(double when, int ordering, Steppable event) {
        double t = when;
        if (t == time && t != AFTER_SIMULATION) {
            // As MASON: the next double up (its raw bits plus one; times here are never negative).
            t = Double.longBitsToDouble(Double.doubleToRawLongBits(t) + 1L);
        }
        if (sealed || t >= AFTER_SIMULATION) {
            return false;
        }
        if (t < EPOCH) {
            throw new IllegalArgumentException("For the Steppable...\n\n" + event + "\n\n...the time provided (" + t
                    + ") is < EPOCH (" + EPOCH + ")");
        }
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException(
                    "For the Steppable...\n\n" + event + "\n\n...the time provided (" + t + ") is NaN");
        }
        if (t < time) {
            throw new IllegalArgumentException("For the Steppable...\n\n" + event + "\n\n...the time provided (" + t
                    + ") is less than the current time (" + time + ")");
        }
        if (event == null) {
            throw new IllegalArgumentException("The provided Steppable is null");
        }
        queue.add(event, new Key(t, ordering));
        return true;
    }

    @Override
    public boolean step(SimState state) {
        if (stepping) {
            throw new IllegalStateException("Schedule.step() is not reentrant, yet is being called recursively.");
        }
        if (time == AFTER_SIMULATION || queue.isEmpty()) {
            time = AFTER_SIMULATION;
            return false;
        }
        stepping = true;
        try {
            Key first = (Key) queue.getMinKey();
            time = first.getTime();
            Steppable only = (Steppable) queue.extractMin();
            Key next = (Key) queue.getMinKey();
            if (next == null || next.getTime() != time) {
                only.step(state);
                return true;
            }
            collect(first, only, next, state);
            int count = batch.numObjs;
            Object[] events = batch.objs;
            try {
                for (int i = 0; i < count; i++) {
                    Steppable event = (Steppable) events[i];
                    events[i] = null;
                    event.step(state);
                }
            } finally {
                batch.clear();
            }
            return true;
        } finally {
            steps++;
            stepping = false;
        }
    }

    /**
     * Every event at the current time, in MASON's order: ordering by ordering, each ordering's events as the queue
     * gives them, shuffled when there are several. {@code first} (key {@code firstKey}) is out of the queue already;
     * {@code next} is the queue's minimum key, at the same time.
     */
    private void collect(Key firstKey, Steppable first, Key next, SimState state) {
        Key groupKey = firstKey;
        group.add(first);
        Key head = next;
        while (true) {
            while (head != null
                    && head.getTime() == groupKey.getTime()
                    && head.getOrdering() == groupKey.getOrdering()) {
                group.add(queue.extractMin());
                head = (Key) queue.getMinKey();
            }
            if (group.numObjs > 1) {
                group.shuffle(state.random);
            }
            batch.addAll(group);
            group.clear();
            if (head == null || head.getTime() != time) {
                return;
            }
            groupKey = head;
            group.add(queue.extractMin());
            head = (Key) queue.getMinKey();
        }
    }
}

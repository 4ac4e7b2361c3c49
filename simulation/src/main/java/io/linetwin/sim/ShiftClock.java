package io.linetwin.sim;

import io.linetwin.model.ShiftCalendar;
import java.util.List;

/**
 * Starts and ends the shifts of a line's machines by its weekly calendar. Engine time t sits at
 * {@code startSecondsOfWeek + t} in the week. One event, rescheduled at each change of working time, so a line
 * without shifts has none.
 */
final class ShiftClock {

    private final ShiftCalendar calendar;
    private final double startSecondsOfWeek;
    private final List<Machine> machines;
    private final Model model;
    private final Event change;
    private boolean working = true;

    ShiftClock(Model model, ShiftCalendar calendar, double startSecondsOfWeek, List<Machine> machines) {
        this.model = model;
        this.calendar = calendar;
        this.startSecondsOfWeek = startSecondsOfWeek;
        this.machines = machines;
        this.change = new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                apply(now);
            }
        };
    }

    /** At the start instant, before the machines start: off-shift machines begin halted. */
    void start(double now) {
        if (calendar.alwaysWorking()) {
            return;
        }
        apply(now);
    }

    private void apply(double now) {
        boolean nowWorking = calendar.working(startSecondsOfWeek + now);
        if (nowWorking != working) {
            working = nowWorking;
            for (Machine machine : machines) {
                if (nowWorking) {
                    machine.shiftStarts(now);
                } else {
                    machine.shiftEnds(now);
                }
            }
        }
        model.schedule.scheduleOnce(
                now + calendar.secondsToNextChange(startSecondsOfWeek + now), Ordering.SHIFT, change);
    }
}

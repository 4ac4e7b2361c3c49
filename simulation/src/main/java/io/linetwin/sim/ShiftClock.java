package io.linetwin.sim;

import io.linetwin.model.ShiftCalendar;
import java.util.List;

/**
 * Starts and ends the shifts of a line's stations by its weekly calendar (each kind knows what a shift means to it). Engine time t sits at
 * {@code startSecondsOfWeek + t} in the week. One event, rescheduled at each change of working time, so a line
 * without shifts has none.
 */
final class ShiftClock {

    private final ShiftCalendar calendar;
    private final double startSecondsOfWeek;
    private final List<StationBlock> stations;
    private final Model model;
    private final Event change;
    private boolean working = true;

    ShiftClock(Model model, ShiftCalendar calendar, double startSecondsOfWeek, List<StationBlock> stations) {
        this.model = model;
        this.calendar = calendar;
        this.startSecondsOfWeek = startSecondsOfWeek;
        this.stations = stations;
        this.change = new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                apply(now);
            }
        };
    }

    /** At the start instant, before the stations start: off-shift stations begin halted. */
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
            for (StationBlock station : stations) {
                station.shiftChanges(nowWorking, now);
            }
        }
        model.schedule.scheduleOnce(
                now + calendar.secondsToNextChange(startSecondsOfWeek + now), Ordering.SHIFT, change);
    }
}

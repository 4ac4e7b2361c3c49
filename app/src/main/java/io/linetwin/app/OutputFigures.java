package io.linetwin.app;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.OutputUnits;
import io.linetwin.model.Scenario;
import io.linetwin.model.ShiftCalendar;
import io.linetwin.model.UnitName;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.sim.experiment.ExperimentResult;
import io.linetwin.sim.experiment.Kpi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A run's output and WIP as a planner reads them: in the scenario's units, per calendar hour and per production
 * (on-shift) hour, as totals per shift, day and week, per product, and WIP per unit. Each figure is estimated over
 * the replications like the KPIs, from per-replication values.
 *
 * @param units                  the scenario's units over the run's line
 * @param perCalendarHour        good output per hour of the window (the {@code throughputPerHour} KPI)
 * @param perProductionHour      good output per on-shift hour of the window (= per calendar hour without shifts)
 * @param productionHours        on-shift hours in the window
 * @param perShift               output of an average shift (empty without shifts)
 * @param perDay                 output per calendar day: a week's over 7
 * @param perWeek                output per week: per production hour times the calendar's working hours a week
 * @param perCalendarHourByProduct output per hour by declared product (empty for a line without products)
 * @param wipByUnit              time-average WIP per unit, in the order the units first appear along the line
 */
record OutputFigures(
        OutputUnits units,
        Estimate perCalendarHour,
        Estimate perProductionHour,
        double productionHours,
        Optional<Estimate> perShift,
        Estimate perDay,
        Estimate perWeek,
        Map<String, Estimate> perCalendarHourByProduct,
        Map<UnitName, Estimate> wipByUnit) {

    private static final double HOUR = 3600;

    /**
     * @param startClockSeconds engine time the replications started at (0, or a warm start's clock): the window
     *                          is placed in the shift calendar from there
     */
    static OutputFigures of(Scenario scenario, LineSpec line, ExperimentResult result, double startClockSeconds) {
        OutputUnits units = OutputUnits.of(line, scenario.output());
        ExperimentSpec experiment = result.experiment();
        List<ReplicationResult> runs = result.replications();
        double windowStart = experiment.startSecondsOfWeek() + startClockSeconds + experiment.warmupSeconds();
        ShiftCalendar calendar = line.calendar();
        double productionSeconds =
                calendar.workingSecondsBetween(windowStart, windowStart + experiment.horizonSeconds());
        double share = productionSeconds / experiment.horizonSeconds();
        Estimate perHour = result.estimate(Kpi.THROUGHPUT_PER_HOUR);
        // With no working time in the window there is no output per production hour to speak of.
        Estimate perProductionHour = share > 0 ? scaled(runs, r -> r.throughputPerHour() / share) : Estimate.NO_DATA;
        Optional<Estimate> perShift = Optional.empty();
        int shiftsPerWeek = ShiftCalendar.shiftsPerWeek(line.shifts());
        if (shiftsPerWeek > 0 && share > 0) {
            double hoursPerShift = calendar.workingSecondsPerWeek() / shiftsPerWeek / HOUR;
            perShift = Optional.of(scaled(runs, r -> r.throughputPerHour() / share * hoursPerShift));
        }
        Map<String, Estimate> byProduct = new LinkedHashMap<>();
        for (String product : runs.get(0).goodByProduct().keySet()) {
            byProduct.put(product, scaled(runs, r -> r.goodByProduct().get(product) * HOUR / r.horizonSeconds()));
        }
        Map<UnitName, Estimate> wip = new LinkedHashMap<>();
        if (!runs.get(0).wipByMaker().isEmpty()) {
            for (UnitName unit : units.perUnit(runs.get(0).wipByMaker()).keySet()) {
                wip.put(unit, scaled(runs, r -> units.perUnit(r.wipByMaker()).get(unit)));
            }
        }
        // A week's output is the production rate over the calendar's working time, not the window's rate times
        // 168 h: a window of weekdays would otherwise count the weekend as worked.
        double weekHours = calendar.workingSecondsPerWeek() / HOUR;
        Estimate perWeek = share > 0 ? scaled(runs, r -> r.throughputPerHour() / share * weekHours) : Estimate.NO_DATA;
        Estimate perDay =
                share > 0 ? scaled(runs, r -> r.throughputPerHour() / share * weekHours / 7) : Estimate.NO_DATA;
        return new OutputFigures(
                units, perHour, perProductionHour, productionSeconds / HOUR, perShift, perDay, perWeek, byProduct, wip);
    }

    /** Whether the line works shifts: then per production hour and per shift differ from the calendar figures. */
    boolean hasShifts() {
        return perShift.isPresent();
    }

    private static Estimate scaled(List<ReplicationResult> runs, ToDoubleFunction<ReplicationResult> value) {
        return Estimate.ofPresent(runs.stream().mapToDouble(value).toArray()).within(0, Double.POSITIVE_INFINITY);
    }
}

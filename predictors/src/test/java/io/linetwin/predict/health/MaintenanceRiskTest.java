package io.linetwin.predict.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.Distribution;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One machine that is never starved nor blocked and makes a part a second: every second it is down is a
 * part lost, so the losses are known exactly.
 */
final class MaintenanceRiskTest {

    private static final double HOUR = 3600;
    private static final Distribution FOUR_HOUR_REPAIR = new Distribution.Constant(4 * HOUR);
    private static final LineSpec PRESS = new LineSpec("test:press", List.of(),
            List.of(StationSpec.machine("press", new Distribution.Constant(1))), List.of(), Map.of());
    private static final ExperimentSpec TWO_DAYS = new ExperimentSpec(48 * HOUR, 0, 4, 11, 0);

    private final MaintenanceRisk risk = new MaintenanceRisk(PRESS, TWO_DAYS, Optional.empty(), 2);

    @Test
    void aFailureInTheLookAheadCostsItsRepairAndMaintenanceBeforeItCostsOnlyTheMaintenance() {
        TimeToFailure inTenHours = new TimeToFailure(10 * HOUR, 0);

        MaintenanceRisk.Report report = risk.assess("press", inTenHours, FOUR_HOUR_REPAIR, HOUR,
                MaintenanceRisk.everyStep(48 * HOUR, 6 * HOUR, HOUR));

        assertThat(report.workingShare()).isEqualTo(1.0);
        assertThat(report.riskWithin8h()).isZero();
        assertThat(report.riskWithin24h()).isEqualTo(1.0);
        // 4 h of repair = 14,400 parts; the closed window may count one part either side.
        assertThat(report.expectedLossParts().mean()).isCloseTo(4 * HOUR, within(1.0));
        MaintenanceRisk.Window best = report.bestWindow().orElseThrow();
        assertThat(best.startSeconds()).isLessThan(10 * HOUR);
        assertThat(best.lossParts().mean()).isCloseTo(HOUR, within(1.0));
    }

    @Test
    void aShortRemainingLifeIsRiskierAndCostlierThanALongOne() {
        TimeToFailure soon = new TimeToFailure(6 * HOUR, 2 * HOUR);
        TimeToFailure late = new TimeToFailure(200 * HOUR, 40 * HOUR);

        MaintenanceRisk.Report shortLife = risk.assess("press", soon, FOUR_HOUR_REPAIR, HOUR, List.of());
        MaintenanceRisk.Report longLife = risk.assess("press", late, FOUR_HOUR_REPAIR, HOUR, List.of());

        assertThat(shortLife.riskWithin24h()).isGreaterThan(0.99);
        assertThat(longLife.riskWithin24h()).isLessThan(1e-6);
        // Every draw of the short life fails inside 48 h (P(ttf > 44 h) is about 1e-10): a full repair lost each time.
        assertThat(shortLife.expectedLossParts().mean()).isCloseTo(4 * HOUR, within(1.0));
        assertThat(longLife.expectedLossParts().mean()).isZero();
        assertThat(shortLife.bestWindow()).isEmpty();
    }

    @Test
    void maintenanceThatCostsMoreThanTheFailureIsNotRecommended() {
        TimeToFailure inTenHours = new TimeToFailure(10 * HOUR, 0);

        // A 6 h maintenance to avert a 4 h repair: running to failure loses less.
        MaintenanceRisk.Report report = risk.assess("press", inTenHours, FOUR_HOUR_REPAIR, 6 * HOUR,
                MaintenanceRisk.everyStep(48 * HOUR, 6 * HOUR, 6 * HOUR));

        assertThat(report.expectedLossParts().mean()).isCloseTo(4 * HOUR, within(1.0));
        assertThat(report.bestWindow()).isEmpty();
    }
}

package io.linetwin.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.predict.health.MaintenanceRisk;
import io.linetwin.predict.health.MaintenanceWindows;
import io.linetwin.sim.experiment.Estimate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code health risk --json} writes a number where there is one and null where there is none, never "NaN". */
final class RiskJsonTest {

    private static final ExperimentSpec EXPERIMENT = new ExperimentSpec(24 * 3600, 0, 5, 42, 6 * 3600);

    private static ObjectNode document(MaintenanceRisk.Report report) {
        return RiskJson.document("test", EXPERIMENT, 0, List.of(report), "parts", 1800);
    }

    @Test
    void anEstimateWithoutDataIsWrittenAsNullsAsTheEstimatesContractSays() throws Exception {
        MaintenanceRisk.Window window = new MaintenanceRisk.Window(
                new MaintenanceWindows.Candidate(0, MaintenanceWindows.Kind.NOW), Estimate.NO_DATA);
        MaintenanceRisk.Report report = new MaintenanceRisk.Report(
                "filler", 0.5, 0.1, 0.2, 0.3, Estimate.NO_DATA, List.of(window), Optional.of(window));

        ObjectNode root = document(report);
        String text = new ObjectMapper().writeValueAsString(root);

        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode filler = root.get("machines").get("filler");
        for (JsonNode estimate : List.of(
                filler.get("expectedLossParts"),
                filler.get("bestWindow").get("lossParts"),
                filler.get("windows").get(0).get("lossParts"))) {
            assertThat(estimate.get("mean").isNull()).as(estimate.toString()).isTrue();
            assertThat(estimate.get("ciLow").isNull()).isTrue();
            assertThat(estimate.get("ciHigh").isNull()).isTrue();
        }
        // What has a value keeps it.
        assertThat(filler.get("workingShare").asDouble()).isEqualTo(0.5);
        assertThat(filler.get("riskOfFailureWithin").get("24h").asDouble()).isEqualTo(0.2);
        assertThat(root.get("maintenanceSeconds").asDouble()).isEqualTo(1800);
    }

    @Test
    void nonFiniteNumbersAnywhereBecomeNullAndFiniteOnesStayExact() throws Exception {
        Estimate infinite = new Estimate(Double.POSITIVE_INFINITY, 3, 5);
        Estimate finite = new Estimate(120, 30, 5);
        MaintenanceRisk.Window window = new MaintenanceRisk.Window(
                new MaintenanceWindows.Candidate(3600, MaintenanceWindows.Kind.STEP), finite);
        MaintenanceRisk.Report report = new MaintenanceRisk.Report(
                "filler", Double.NaN, Double.NaN, 1, 1, infinite, List.of(window), Optional.empty());

        ObjectNode root = document(report);

        assertThat(new ObjectMapper().writeValueAsString(root))
                .doesNotContain("NaN")
                .doesNotContain("Infinity");
        JsonNode filler = root.get("machines").get("filler");
        assertThat(filler.get("workingShare").isNull()).isTrue();
        assertThat(filler.get("riskOfFailureWithin").get("8h").isNull()).isTrue();
        assertThat(filler.get("riskOfFailureWithin").get("7d").asDouble()).isEqualTo(1.0);
        assertThat(filler.get("expectedLossParts").get("mean").isNull()).isTrue();
        assertThat(filler.get("expectedLossParts").get("ciHigh").isNull()).isTrue();
        JsonNode loss = filler.get("windows").get(0).get("lossParts");
        assertThat(loss.get("mean").asDouble()).isEqualTo(120.0);
        assertThat(loss.get("ciLow").asDouble()).isEqualTo(90.0);
        assertThat(loss.get("ciHigh").asDouble()).isEqualTo(150.0);
        assertThat(filler.get("bestWindow").isNull()).isTrue();
    }
}

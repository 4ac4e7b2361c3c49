package io.linetwin.predict.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineSpec;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class FlowNetworkTest {

    static LineSpec library(String name) throws Exception {
        return ScenarioLoader.load(Path.of("..", "scenarios", name + ".yaml")).line();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bottling-line", "smt-line", "automotive-body", "textbook-two-machine"})
    void aRunsFlowsSatisfyEveryConstraintExactly(String scenario) throws Exception {
        LineSpec line = library(scenario);
        FlowNetwork network = FlowNetwork.of(line);
        for (long seed = 1; seed <= 3; seed++) {
            ReplicationResult run = new LineSimulation(line).run(0, 86_400, seed, 0);
            double[] truth = BalanceTruth.of(network, run);
            for (int i = 0; i < truth.length; i++) {
                assertThat(truth[i]).as(network.stream(i).id()).isNotNaN();
            }
            for (Constraint constraint : network.constraints()) {
                // Material units are fractional (0.5 g of paste a board): their sums round.
                assertThat(constraint.residual(truth))
                        .as(constraint.id() + " seed " + seed)
                        .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-12 * constraint.scale(truth)));
            }
            for (Node node : network.nodes()) {
                double closure = 0;
                double scale = 0;
                for (Term term : node.closure()) {
                    closure += term.coefficient() * truth[term.stream()];
                    scale += Math.abs(term.coefficient() * truth[term.stream()]);
                }
                assertThat(closure)
                        .as("closure of " + node.id())
                        .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-12 * scale));
            }
        }
    }

    @Test
    void aRunWithWarmUpLeavesOnlyTheMaterialStreamsUnknown() throws Exception {
        LineSpec line = library("bottling-line");
        FlowNetwork network = FlowNetwork.of(line);
        double[] truth = BalanceTruth.of(network, new LineSimulation(line).run(3_600, 86_400, 7, 0));
        for (Constraint constraint : network.constraints()) {
            boolean material = constraint.terms().stream()
                    .anyMatch(t -> network.stream(t.stream()).nodeKind() == NodeKind.MATERIAL);
            if (material) {
                assertThat(constraint.residual(truth)).isNaN();
            } else {
                assertThat(constraint.residual(truth)).as(constraint.id()).isZero();
            }
        }
        assertThat(truth[network.indexOf("b1.stock.start").orElseThrow()]).isPositive();
    }

    @Test
    void theBottlingLineHasTheDocumentedStreams() throws Exception {
        FlowNetwork network = FlowNetwork.of(library("bottling-line"));
        List<String> ids = network.streams().stream().map(Stream::id).toList();
        assertThat(ids)
                .contains(
                        "filler.out.half-litre",
                        "filler.out",
                        "filler.scrapped",
                        "filler.scrapped.litre",
                        "b1.stock.end",
                        "b1.stock.end.litre",
                        "packer.assembled",
                        "cartons.consumed",
                        "cartons.received",
                        "b3.in",
                        "b6.out.litre",
                        "line.released",
                        "line.finished.half-litre");
        assertThat(ids).doesNotContain("labeller.scrapped", "depal.stock.start", "cartons.consumed.packer");
        assertThat(network.constraints())
                .extracting(Constraint::id)
                .contains(
                        "balance:filler:half-litre",
                        "total:filler.out",
                        "outflow:filler:litre",
                        "inflow:capper:litre",
                        "bom:packer:cartons",
                        "balance:cartons",
                        "released:line:litre");
        Constraint bom = network.constraints().stream()
                .filter(c -> c.id().equals("bom:packer:cartons"))
                .findFirst()
                .orElseThrow();
        assertThat(bom.terms()).extracting(Term::coefficient).containsExactly(11.0, -1.0);
    }
}

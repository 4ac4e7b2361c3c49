package io.linetwin.render.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.LayoutSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.render.Library;
import io.linetwin.render.Lines;
import io.linetwin.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class AutoLayoutTest {

    static Stream<Path> library() {
        return Library.files().stream();
    }

    static Stream<LineSpec> lines() {
        List<LineSpec> lines = new ArrayList<>();
        Library.files().forEach(f -> lines.add(Library.load(f).line()));
        for (int n : new int[] {2, 5, 20, 170, 502}) {
            lines.add(Lines.chain(n));
        }
        return lines.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void noTwoStationsOrRacksShareFloor(LineSpec line) {
        FloorPlan plan = AutoLayout.plan(line);

        List<Footprint> all = plan.solids();
        assertThat(plan.stations()).hasSize(line.stations().size());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(all.get(i).overlaps(all.get(j)))
                        .as("%s overlaps %s", all.get(i), all.get(j))
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void noLinkCrossesAStationOrRackAndEveryLinkRunsOrthogonally(LineSpec line) {
        FloorPlan plan = AutoLayout.plan(line);

        assertThat(plan.links()).hasSize(line.buffers().size());
        for (Link link : plan.links().values()) {
            assertThat(link.route().orthogonal())
                    .as("%s runs along the axes: %s", link.id(), link.route())
                    .isTrue();
            for (Footprint solid : plan.solids()) {
                assertThat(link.route().crosses(solid))
                        .as("%s crosses %s: %s", link.id(), solid.id(), link.route())
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void everyLinkStartsOnItsUpstreamStationAndEndsOnItsDownstreamOne(LineSpec line) {
        FloorPlan plan = AutoLayout.plan(line);

        for (BufferSpec buffer : line.buffers()) {
            Polyline route = plan.link(buffer.id()).orElseThrow().route();
            assertThat(onEdge(plan.station(buffer.from()), route.xs()[0], route.zs()[0]))
                    .as(buffer.id())
                    .isTrue();
            int last = route.points() - 1;
            assertThat(onEdge(plan.station(buffer.to()), route.xs()[last], route.zs()[last]))
                    .as(buffer.id())
                    .isTrue();
        }
    }

    private static boolean onEdge(Footprint f, double x, double z) {
        return f.grown(1e-6).contains(x, z) && !f.grown(-1e-6).contains(x, z);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void conveyorsRunAtTheirRealLength(Path file) {
        LineSpec line = Library.load(file).line();
        FloorPlan plan = AutoLayout.plan(line);

        line.conveyors()
                .forEach(c -> assertThat(plan.link(c.id()).orElseThrow().route().length())
                        .as(c.id())
                        .isCloseTo(c.lengthMetres(), org.assertj.core.data.Offset.offset(1e-6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void everyBufferThatHoldsPartsHasARackBesideItsTransfer(Path file) {
        LineSpec line = Library.load(file).line();
        FloorPlan plan = AutoLayout.plan(line);

        for (Link link : plan.links().values()) {
            if (link.type() == Link.Type.TRANSFER
                    && line.buffer(link.id()).orElseThrow().capacity() > 0) {
                assertThat(link.rack()).as(link.id()).isPresent();
            }
        }
    }

    @Test
    void aRepairLoopStandsBesideTheLineAndTheMainFlowStaysStraight() throws Exception {
        // The body line with four main-flow stations pinned in a row: the free ones fill in on that row, and the
        // repair loop and the door sub-assembly go beside it.
        String yaml =
                Files.readString(Library.DIR.resolve("automotive-body.yaml")).replace("\noutput:", """

                  layout:
                    press: { x: 0, z: 0 }
                    framing: { x: 40, z: 0 }
                    closures: { x: 80, z: 0 }
                    inspect: { x: 120, z: 0 }
                output:""");
        LineSpec line =
                ScenarioLoader.parse(yaml, "automotive-body-pinned.yaml").line();
        assertThat(line.layout()).hasSize(4);
        FloorPlan plan = AutoLayout.plan(line);

        for (String id : List.of("inspect", "metal-finish", "final-check", "framing", "closures")) {
            assertThat(plan.station(id).z()).as(id).isEqualTo(0.0);
        }
        assertThat(plan.station("repair").z()).isNotEqualTo(0.0);
        assertThat(plan.station("repair").x())
                .isBetween(
                        plan.station("inspect").x(),
                        plan.station("metal-finish").x());
        assertThat(plan.station("door-weld").z()).isNotEqualTo(0.0);
        assertThat(plan.link("b-finish").orElseThrow().route().points()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} stations")
    @ValueSource(ints = {20, 170, 502})
    void longLinesFoldIntoAPictureShapedSerpentine(int stations) {
        FloorPlan plan = AutoLayout.plan(Lines.chain(stations));

        double aspect = (plan.maxX() - plan.minX()) / (plan.maxZ() - plan.minZ());
        assertThat(aspect).isBetween(1.0, 3.5);
    }

    @Test
    void explicitCoordinatesAreHonouredAndTheRestIsPlacedClearOfThem() {
        LineSpec line = Lines.chain(6, Map.of("m2", new LayoutSpec(40, -20, 90)));

        FloorPlan plan = AutoLayout.plan(line);

        Footprint m2 = plan.station("m2");
        assertThat(m2.x()).isEqualTo(40);
        assertThat(m2.z()).isEqualTo(-20);
        assertThat(m2.rotationDegrees()).isEqualTo(90);
        plan.stations().values().stream()
                .filter(f -> !f.id().equals("m2"))
                .forEach(f -> assertThat(f.overlaps(m2)).as(f.id()).isFalse());
    }

    @Test
    void freeStationsSpreadEvenlyBetweenPinnedOnes() {
        LineSpec line = Lines.chain(7, Map.of("m1", new LayoutSpec(0, 0, 0), "m5", new LayoutSpec(40, 0, 0)));

        FloorPlan plan = AutoLayout.plan(line);

        double[] xs = {
            plan.station("m1").x(),
            plan.station("m2").x(),
            plan.station("m3").x(),
            plan.station("m4").x(),
            plan.station("m5").x()
        };
        for (int i = 1; i < xs.length; i++) {
            assertThat(xs[i] - xs[i - 1]).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(plan.station("src").x()).isLessThan(0);
        assertThat(plan.station("out").x()).isGreaterThan(40);
    }

    private static final String AGV_GRAPH = """
            schema: linetwin/v1
            name: agv-graph
            line:
              stations:
                - { id: src, kind: source, supply: unlimited }
                - { id: packer, kind: machine, process: { dist: constant, value: 10s } }
                - { id: warehouse, kind: sink }
              buffers: [ { id: b1, from: src, to: packer, capacity: 5 } ]
              transport:
                agvs: 1
                speed: 1m/s
                moves: [ { id: m1, from: packer, to: warehouse } ]
                paths:
                  nodes:
                    - { id: n-packer, x: 0, z: 0, station: packer }
                    - { id: corner, x: 30, z: 0 }
                    - { id: n-wh, x: 30, z: 40, station: warehouse }
                  edges:
                    - { from: n-packer, to: corner }
                    - { from: corner, to: n-wh }
            experiment: { horizon: 1h, warmup: 0s, replications: 1, seed: 1 }
            """;

    @Test
    void agvsDriveAlongThePathGraphAndItsStationsStandAtTheirStops() throws Exception {
        LineSpec line = io.linetwin.scenario.ScenarioLoader.parse(AGV_GRAPH, "agv-graph.yaml")
                .line();

        FloorPlan plan = AutoLayout.plan(line);

        Polyline drive = plan.agvs().route("packer", "warehouse").orElseThrow();
        assertThat(drive.points()).isEqualTo(3);
        assertThat(drive.xs()).containsExactly(0, 30, 30);
        assertThat(drive.zs()).containsExactly(0, 0, 40);
        assertThat(drive.length()).isEqualTo(70.0);
        assertThat(plan.agvs().route("warehouse", "packer").orElseThrow().reversed())
                .isEqualTo(drive);
        assertThat(plan.agvs().lanes()).hasSize(2);
        Footprint packer = plan.station("packer");
        assertThat(packer.x()).isEqualTo(0.0);
        assertThat(packer.z() + packer.halfDepth())
                .as("the packer stands just behind its stop")
                .isBetween(-1.5, 0.0);
        List<Footprint> all = plan.solids();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(all.get(i).overlaps(all.get(j)))
                        .as("%s on %s", all.get(i), all.get(j))
                        .isFalse();
            }
        }
    }
}

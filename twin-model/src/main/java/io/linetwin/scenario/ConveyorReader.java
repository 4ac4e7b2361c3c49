package io.linetwin.scenario;

import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import java.util.List;
import java.util.Optional;

/**
 * Reads one item of {@code line.conveyors}: {@code {id, from, to, length, speed, capacity, spacing, failures}}.
 * A conveyor is a link between two stations like a buffer (same id space, same topology rules) with travel.
 */
final class ConveyorReader {

    static final List<String> KEYS = List.of("id", "from", "to", "capacity", "length", "speed", "spacing", "failures");

    private ConveyorReader() {}

    /** The conveyor part of the item; its link part is read by {@code LineReader} like a buffer's. */
    static Optional<ConveyorSpec> read(YamlCursor at, MappingReader map, String id) {
        int before = at.problems().count();
        Optional<Double> length = map.required("length").flatMap(c -> quantity(c, Units.Quantity.LENGTH));
        Optional<Double> speed = map.required("speed").flatMap(c -> quantity(c, Units.Quantity.SPEED));
        double spacing = map.optional("spacing")
                .flatMap(c -> quantity(c, Units.Quantity.LENGTH))
                .orElse(0.0);
        // A conveyor's default basis is wall time (a machine's is operating), what it has always been.
        List<FailureSpec> failures = map.optional("failures")
                .map(c -> StationReader.failures(c, FailureBasis.WALL))
                .orElse(List.of());
        if (at.problems().count() > before || id == null) {
            return Optional.empty();
        }
        return at.problems()
                .guard(at.node(), at.path(), () -> new ConveyorSpec(id, length.get(), speed.get(), spacing, failures));
    }

    static Optional<Double> quantity(YamlCursor at, Units.Quantity quantity) {
        if (!at.isScalar()) {
            at.problem(ProblemCode.VALUE_TYPE, "expected " + quantity.example() + ", got " + at.describe());
            return Optional.empty();
        }
        try {
            double value = Units.parse(quantity, at.rawText());
            if (!(value > 0)) {
                at.problem(
                        ProblemCode.VALUE_OUT_OF_RANGE,
                        "expected " + quantity.example() + " > 0, got " + at.describe());
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (IllegalArgumentException e) {
            at.problem(ProblemCode.VALUE_FORMAT, e.getMessage());
            return Optional.empty();
        }
    }
}

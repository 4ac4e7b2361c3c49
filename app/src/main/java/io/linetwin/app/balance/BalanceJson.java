package io.linetwin.app.balance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.predict.balance.BalanceReport;
import io.linetwin.predict.balance.FlowNetwork;
import io.linetwin.predict.balance.GlobalTest;
import io.linetwin.predict.balance.MeasurementSet;
import io.linetwin.predict.balance.NodeClosure;
import io.linetwin.predict.balance.Reconciliation;
import io.linetwin.predict.balance.Stream;
import io.linetwin.predict.balance.StreamClass;
import io.linetwin.predict.balance.Suspect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The balance report as JSON (keys documented in docs/balance.md). */
public final class BalanceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BalanceJson() {}

    public static ObjectNode document(BalanceContext context, BalanceReport report) {
        FlowNetwork network = report.network();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", "linetwin/balance/v1");
        root.put("scenario", context.scenario());
        root.put("line", context.lineId());
        root.put("alpha", report.alpha());
        ObjectNode source = root.putObject("measurements");
        context.csv().ifPresent(csv -> source.put("file", csv));
        context.twinBefore().ifPresent(before -> source.put("twinBefore", before));
        context.twinAfter().ifPresent(after -> source.put("twinAfter", after));
        context.from().ifPresent(from -> source.put("from", from.toString()));
        context.to().ifPresent(to -> source.put("to", to.toString()));
        context.accuracy().ifPresent(accuracy -> source.put("accuracy", accuracy));
        source.put("measured", report.measurements().count());
        source.put("streams", network.size());
        ArrayNode notes = source.putArray("notes");
        context.notes().forEach(notes::add);
        test(root.putObject("globalTest"), report.initialTest());
        root.put("measurementTestCritical", report.measurementTestCritical());
        ArrayNode suspects = root.putArray("suspects");
        for (Suspect suspect : report.suspects()) {
            ObjectNode node = suspects.addObject();
            node.put("stream", suspect.stream());
            node.put("standardised", suspect.standardised());
            node.put("bias", suspect.bias());
            node.put("biasSd", suspect.biasSd());
            ArrayNode alike = node.putArray("indistinguishableFrom");
            suspect.indistinguishableFrom().forEach(alike::add);
        }
        test(root.putObject("globalTestAfterSuspects"), report.finalTest());
        streams(root.putObject("streams"), context, report);
        ObjectNode nodes = root.putObject("nodes");
        for (NodeClosure closure : NodeClosure.of(report.reconciled())) {
            ObjectNode node = nodes.putObject(closure.node().id());
            node.put("kind", closure.node().kind().jsonName());
            number(
                    node,
                    "closureBefore",
                    closure.before().isPresent() ? closure.before().getAsDouble() : Double.NaN);
            number(
                    node,
                    "closureAfter",
                    closure.after().isPresent() ? closure.after().getAsDouble() : Double.NaN);
            ArrayNode unmeasured = node.putArray("unmeasured");
            closure.unmeasured().forEach(unmeasured::add);
        }
        ArrayNode unobservable = root.putArray("unobservable");
        for (int v = 0; v < network.size(); v++) {
            if (report.reconciled().streamClass(v) == StreamClass.UNOBSERVABLE) {
                unobservable.add(network.stream(v).id());
            }
        }
        ObjectNode constraints = root.putObject("constraints");
        constraints.put("count", network.constraints().size());
        constraints.put("maxResidualAfter", report.reconciled().maxConstraintResidual());
        return root;
    }

    private static void streams(ObjectNode streams, BalanceContext context, BalanceReport report) {
        FlowNetwork network = report.network();
        MeasurementSet measurements = report.measurements();
        Reconciliation initial = report.initial();
        Reconciliation last = report.reconciled();
        for (int v = 0; v < network.size(); v++) {
            Stream stream = network.stream(v);
            ObjectNode node = streams.putObject(stream.id());
            node.put("node", stream.node());
            node.put("kind", stream.nodeKind().jsonName());
            node.put("role", stream.role().idPart());
            text(node, "product", stream.product());
            text(node, "station", stream.station());
            node.put("class", initial.streamClass(v).jsonName());
            boolean measured = measurements.measured(v);
            number(node, "measured", measured ? measurements.value(v) : Double.NaN);
            number(node, "sd", measured ? measurements.sd(v) : Double.NaN);
            text(node, "origin", context.origins().getOrDefault(stream.id(), ""));
            number(node, "reconciled", last.estimate(v));
            number(node, "reconciledSd", last.sd(v));
            number(node, "adjustment", measured ? last.estimate(v) - measurements.value(v) : Double.NaN);
            number(node, "redundancy", initial.redundancy(v));
            Suspect suspect = report.suspects().stream()
                    .filter(s -> s.stream().equals(stream.id()))
                    .findFirst()
                    .orElse(null);
            number(node, "standardised", suspect != null ? suspect.standardised() : last.standardised(v));
            node.put("grossError", suspect != null);
        }
    }

    private static void test(ObjectNode node, GlobalTest test) {
        node.put("statistic", test.statistic());
        node.put("degreesOfFreedom", test.degreesOfFreedom());
        number(node, "critical", test.critical());
        node.put("pValue", test.pValue());
        node.put("verdict", test.degreesOfFreedom() == 0 ? "untestable" : BalanceText.verdict(test));
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isNaN(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    private static void text(ObjectNode node, String key, String value) {
        if (value.isEmpty()) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    /** Writes to a sibling file first and moves it into place, so OUT is never half-written. */
    public static void write(ObjectNode document, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
        try {
            MAPPER.writeValue(temporary.toFile(), document);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}

package io.linetwin.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.Scenario;
import io.linetwin.model.TuningSpec;
import io.linetwin.predict.tuning.TunedSetting;
import io.linetwin.predict.tuning.TuningResult;
import io.linetwin.sim.experiment.Verdict;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON of {@code tune --json} (README, "Tuning"): {@code best} {values, objective, kpis}, {@code baseline},
 * {@code gain}, {@code kpiDifferences}, {@code runnerUp}, {@code pcs}, {@code delta}, {@code evaluations},
 * {@code replications}, {@code trajectory}; and the reading of {@code best.values} back for {@code compare --tuned}.
 */
final class TuneJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TuneJson() {}

    static ObjectNode of(Scenario scenario, ExperimentSpec experiment, TuningResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", scenario.name());
        ObjectNode objective = root.putObject("objective");
        objective.put("kpi", result.objective());
        objective.put("direction", result.maximise() ? "maximise" : "minimise");
        root.put("method", result.method());
        setting(root.putObject("best"), result.best());
        setting(root.putObject("baseline"), result.baseline());
        ResultJson.estimate(root.putObject("gain"), result.objectiveGain());
        ObjectNode differences = root.putObject("kpiDifferences");
        result.kpiDifferences().forEach((kpi, estimate) -> {
            ObjectNode node = differences.putObject(kpi);
            node.put("diffMean", estimate.mean());
            ResultJson.interval(node, estimate);
            node.put(
                    "verdict",
                    Verdict.of(estimate, TuningSpec.higherIsBetter(kpi)).text());
        });
        if (result.runnerUp().isPresent()) {
            setting(root.putObject("runnerUp"), result.runnerUp().get());
        } else {
            root.putNull("runnerUp");
        }
        number(root, "pcs", result.pcs());
        root.put("pcsGuaranteed", result.selectionCompleted());
        number(root, "delta", result.delta());
        root.put("verdict", result.verdict());
        root.put("supportedGain", result.supportedGain());
        root.put("stopped", result.stopped());
        root.put("evaluations", result.evaluations());
        root.put("rejected", result.rejected());
        root.put("replications", result.replications());
        root.put("searchReplications", result.searchReplications());
        root.put(
                "finalReplications",
                result.stopped() ? 0 : result.best().objective().n());
        var trajectory = root.putArray("trajectory");
        for (TuningResult.Step step : result.trajectory()) {
            ObjectNode node = trajectory.addObject();
            node.put("evaluation", step.evaluation());
            number(node, "objective", step.bestObjective());
        }
        ObjectNode meta = root.putObject("meta");
        meta.put("seed", experiment.seed());
        meta.put("horizonSeconds", experiment.horizonSeconds());
        meta.put("warmupSeconds", experiment.warmupSeconds());
        meta.put("version", Main.version());
        return root;
    }

    private static void setting(ObjectNode node, TunedSetting setting) {
        ObjectNode values = node.putObject("values");
        setting.values().forEach((path, value) -> {
            if (value instanceof Integer whole) {
                values.put(path, whole);
            } else {
                values.put(path, ((Number) value).doubleValue());
            }
        });
        node.put("isBaseline", setting.isBaseline());
        ResultJson.estimate(node.putObject("objective"), setting.objective());
        ObjectNode kpis = node.putObject("kpis");
        setting.kpis().forEach((kpi, estimate) -> ResultJson.estimate(kpis.putObject(kpi), estimate));
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    /** Before hours of simulation: the output must be a file that can be written. */
    static void checkWritable(Path file) throws BadInputException {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new BadInputException("--json " + file + ": is a directory, expected a file name");
        }
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInputException("--json " + file + ": no such directory " + parent);
        }
        if (parent != null && !Files.isWritable(parent) || Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new BadInputException("--json " + file + ": cannot write there");
        }
    }

    /** Written beside the target and moved over it, so a reader never sees half a file. */
    static void write(JsonNode document, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            MAPPER.writeValue(temporary.toFile(), document);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** {@code best.values} of a {@code tune --json} file: path → Integer or Double. */
    static Map<String, Object> bestValues(Path file) throws BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("--tuned " + file + ": no such file");
        }
        JsonNode values;
        try {
            values = MAPPER.readTree(file.toFile()).path("best").path("values");
        } catch (IOException e) {
            throw new BadInputException("--tuned " + file + ": not a tune --json result: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!values.isObject() || values.isEmpty()) {
            throw new BadInputException("--tuned " + file + ": expected best.values, the output of tune --json, got "
                    + (values.isMissingNode()
                            ? "none"
                            : values.getNodeType().toString().toLowerCase()));
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (!value.isNumber()) {
                throw new BadInputException(
                        "--tuned " + file + ": best.values." + field.getKey() + ": expected a number, got " + value);
            }
            entries.put(
                    field.getKey(),
                    value.isIntegralNumber() ? (Object) value.intValue() : (Object) value.doubleValue());
        }
        return entries;
    }
}

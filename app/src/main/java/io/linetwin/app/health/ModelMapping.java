package io.linetwin.app.health;

import io.linetwin.app.BadInputException;
import io.linetwin.scenario.Suggestions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Which model watches which machine, and how the twin's sensors feed it: {@code --model} options and a
 * {@code --mapping} file. Per machine the model folder is the first of: {@code --model MACHINE=DIR}, the mapping
 * file's {@code machines.MACHINE.model}, {@code --model KIND=DIR} ({@code machine}, {@code assembly}),
 * {@code --model DIR}, the shipped model {@code assets/models/<scenario name>/<machine>/}. The mapping file (YAML;
 * folders relative to the file):
 * <pre>
 * machines:
 *   filler:
 *     model: models/filler          # a folder written by linetwin health train
 *     sensors:                      # model input: twin sensor (default: the same name)
 *       s2: temperature
 *     secondsPerCycle: 60           # only for a model that counts rows as cycles (C-MAPSS style)
 * </pre>
 */
final class ModelMapping {

    /** What the mapping says of one machine. */
    record Entry(Optional<Path> model, Map<String, String> sensors, OptionalDouble secondsPerCycle) {
        Entry {
            sensors = Map.copyOf(sensors);
        }

        static final Entry NONE = new Entry(Optional.empty(), Map.of(), OptionalDouble.empty());
    }

    private static final Set<String> ENTRY_KEYS = Set.of("model", "sensors", "secondsPerCycle");

    private final Map<String, Entry> machines;
    private final Map<String, Path> byMachine;
    private final Map<String, Path> byKind;
    private final Optional<Path> forAll;

    private ModelMapping(
            Map<String, Entry> machines, Map<String, Path> byMachine, Map<String, Path> byKind, Optional<Path> forAll) {
        this.machines = machines;
        this.byMachine = byMachine;
        this.byKind = byKind;
        this.forAll = forAll;
    }

    /**
     * @param options    the {@code --model} values: {@code DIR}, {@code MACHINE=DIR} or {@code KIND=DIR}
     * @param kinds      the kind names a {@code KIND=DIR} may use
     * @param mapping    the {@code --mapping} file, or null
     */
    static ModelMapping of(List<String> options, Set<String> machineIds, Set<String> kinds, Path mapping)
            throws BadInputException {
        Map<String, Path> byMachine = new LinkedHashMap<>();
        Map<String, Path> byKind = new LinkedHashMap<>();
        Optional<Path> forAll = Optional.empty();
        for (String option : options) {
            int equals = option.indexOf('=');
            if (equals < 0) {
                if (forAll.isPresent()) {
                    throw new BadInputException("--model: a model for every machine is given twice (" + forAll.get()
                            + " and " + option + "); name the machine: --model MACHINE=DIR");
                }
                forAll = Optional.of(Path.of(option));
                continue;
            }
            String who = option.substring(0, equals);
            Path dir = Path.of(option.substring(equals + 1));
            if (machineIds.contains(who)) {
                byMachine.put(who, dir);
            } else if (kinds.contains(who)) {
                byKind.put(who, dir);
            } else {
                throw new BadInputException("--model " + option + ": no machine with sensors or kind '" + who
                        + "'" + Suggestions.hint(who, union(machineIds, kinds)) + " (machines with sensors: "
                        + String.join(", ", machineIds) + "; kinds: " + String.join(", ", kinds) + ")");
            }
        }
        Map<String, Entry> entries = mapping == null ? Map.of() : read(mapping, machineIds);
        return new ModelMapping(entries, byMachine, byKind, forAll);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The model folder for a machine of this kind, the shipped one last; empty when none is known. */
    Optional<Path> modelFor(String machine, String kind, Optional<Path> shipped) {
        if (byMachine.containsKey(machine)) {
            return Optional.of(byMachine.get(machine));
        }
        Entry entry = entry(machine);
        if (entry.model().isPresent()) {
            return entry.model();
        }
        if (byKind.containsKey(kind)) {
            return Optional.of(byKind.get(kind));
        }
        return forAll.or(() -> shipped);
    }

    Entry entry(String machine) {
        return machines.getOrDefault(machine, Entry.NONE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Entry> read(Path file, Set<String> machineIds) throws BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such mapping file");
        }
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (MarkedYAMLException e) {
            throw new BadInputException(
                    file + ":" + (e.getProblemMark().getLine() + 1) + ": not YAML: " + e.getProblem());
        } catch (IOException | YAMLException e) {
            throw new BadInputException(file + ": cannot read the mapping: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("machines") instanceof Map<?, ?> list)) {
            throw new BadInputException(file + ": machines: expected a map of machine id to {model, sensors, "
                    + "secondsPerCycle}, got " + (root instanceof Map<?, ?> m ? m.get("machines") : root));
        }
        for (Object key : top.keySet()) {
            if (!"machines".equals(key)) {
                throw new BadInputException(file + ": " + key + ": unknown key (the mapping has machines only)");
            }
        }
        Path base = file.toAbsolutePath().getParent();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : list.entrySet()) {
            String machine = String.valueOf(e.getKey());
            String at = file + ": machines." + machine;
            if (!machineIds.contains(machine)) {
                throw new BadInputException(at + ": no machine with sensors of that id in the scenario"
                        + Suggestions.hint(machine, machineIds) + " (" + String.join(", ", machineIds) + ")");
            }
            if (!(e.getValue() instanceof Map<?, ?> fields)) {
                throw new BadInputException(at + ": expected {model, sensors, secondsPerCycle}, got " + e.getValue());
            }
            for (Object k : fields.keySet()) {
                if (!ENTRY_KEYS.contains(String.valueOf(k))) {
                    throw new BadInputException(at + "." + k + ": unknown key (model, sensors, secondsPerCycle)");
                }
            }
            Optional<Path> model = Optional.empty();
            if (fields.containsKey("model")) {
                if (!(fields.get("model") instanceof String dir) || dir.isBlank()) {
                    throw new BadInputException(at + ".model: expected a model folder, got " + fields.get("model"));
                }
                model = Optional.of(base.resolve(dir));
            }
            Map<String, String> sensors = new LinkedHashMap<>();
            if (fields.containsKey("sensors")) {
                if (!(fields.get("sensors") instanceof Map<?, ?> names)) {
                    throw new BadInputException(at + ".sensors: expected a map of model input to twin sensor, got "
                            + fields.get("sensors"));
                }
                names.forEach((input, sensor) -> sensors.put(String.valueOf(input), String.valueOf(sensor)));
            }
            OptionalDouble secondsPerCycle = OptionalDouble.empty();
            if (fields.containsKey("secondsPerCycle")) {
                Object v = fields.get("secondsPerCycle");
                if (!(v instanceof Number n) || !(n.doubleValue() > 0) || Double.isInfinite(n.doubleValue())) {
                    throw new BadInputException(at + ".secondsPerCycle: expected a number of seconds > 0, got " + v);
                }
                secondsPerCycle = OptionalDouble.of(n.doubleValue());
            }
            entries.put(machine, new Entry(model, sensors, secondsPerCycle));
        }
        return (Map<String, Entry>) (Map<String, ?>) entries;
    }
}

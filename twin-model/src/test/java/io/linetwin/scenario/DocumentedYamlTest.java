package io.linetwin.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Every YAML block of the documentation is a scenario that loads without a problem. A block fenced
 * {@code ```yaml} is a whole scenario. One fenced {@code ```yaml fragment host=NAME at=PATH} is part of one: it is
 * merged into {@code scenarios/NAME.yaml} at {@code PATH} ({@code line}, {@code line.stations}; the top level
 * without {@code at}), list items replacing those with the same {@code id} or {@code name}, other keys replacing
 * the host's, and the result must load. A plain {@code ```yaml fragment} (no host fits it) must be YAML.
 */
final class DocumentedYamlTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern FENCE = Pattern.compile("(?m)^( *)```yaml([^\\n]*)\\n(.*?)^ *```", Pattern.DOTALL);
    private static final Pattern HOST = Pattern.compile("host=([\\w-]+)");
    private static final Pattern AT = Pattern.compile("at=([\\w.]+)");

    /** A block of a Markdown file: where it is, its fence's info after "yaml", its text. */
    record Block(String file, int line, String info, String text) {
        @Override
        public String toString() {
            return file + ":" + line + " yaml" + info;
        }
    }

    static Stream<Block> blocks() throws IOException {
        List<Block> blocks = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("scenarios/README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher matcher = FENCE.matcher(text);
            while (matcher.find()) {
                int line = (int) text.substring(0, matcher.start()).lines().count() + 1;
                blocks.add(new Block(
                        ROOT.relativize(file).toString(),
                        line,
                        matcher.group(2).strip(),
                        dedent(matcher.group(3), matcher.group(1).length())));
            }
        }
        return blocks.stream();
    }

    @Test
    void theReadmesAndDocsHaveTheirExamples() throws IOException {
        List<Block> all = blocks().toList();
        assertThat(all).filteredOn(b -> b.file().equals("README.md")).isNotEmpty();
        assertThat(all).filteredOn(b -> b.file().equals("scenarios/README.md")).hasSizeGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void everyYamlBlockLoads(Block block) throws Exception {
        if (block.info().isEmpty()) {
            assertThatCode(() -> ScenarioLoader.parse(block.text(), block.toString()))
                    .as("%s", block)
                    .doesNotThrowAnyException();
            return;
        }
        assertThat(block.info()).as("fence info of %s", block).startsWith("fragment");
        Object fragment = new Yaml().load(block.text());
        assertThat(fragment).as("%s is YAML", block).isNotNull();
        Matcher host = HOST.matcher(block.info());
        if (!host.find()) {
            return;
        }
        Path hostFile = ROOT.resolve("scenarios").resolve(host.group(1) + ".yaml");
        Map<String, Object> scenario = new Yaml().load(Files.readString(hostFile));
        Matcher at = AT.matcher(block.info());
        merge(scenario, at.find() ? at.group(1) : "", fragment);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String merged = new Yaml(options).dump(scenario);
        try {
            ScenarioLoader.parse(merged, block.toString());
        } catch (ScenarioException e) {
            throw new AssertionError(
                    block + " merged into " + hostFile + " does not load: " + e.problems() + "\n" + merged, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> scenario, String path, Object fragment) {
        Object target = scenario;
        String[] segments = path.isEmpty() ? new String[0] : path.split("\\.");
        for (int i = 0; i < segments.length - (fragment instanceof List ? 1 : 0); i++) {
            target = ((Map<String, Object>) target).computeIfAbsent(segments[i], k -> new LinkedHashMap<>());
        }
        if (fragment instanceof List<?> items) {
            Map<String, Object> parent = (Map<String, Object>) target;
            String key = segments[segments.length - 1];
            parent.put(key, upsert((List<Object>) parent.getOrDefault(key, new ArrayList<>()), items));
            return;
        }
        Map<String, Object> into = (Map<String, Object>) target;
        ((Map<String, Object>) fragment).forEach((key, value) -> {
            if (value instanceof List<?> items
                    && into.get(key) instanceof List<?> existing
                    && !key.equals("shifts")
                    && !key.equals("materials")
                    && !key.equals("variants")) {
                into.put(key, upsert((List<Object>) existing, items));
            } else {
                into.put(key, value);
            }
        });
    }

    /** Items with an id or name replace the host's item of that id or name; others are added. */
    @SuppressWarnings("unchecked")
    private static List<Object> upsert(List<Object> existing, List<?> items) {
        List<Object> merged = new ArrayList<>(existing);
        for (Object item : items) {
            Object name = item instanceof Map<?, ?> m ? Objects.requireNonNullElse(m.get("id"), m.get("name")) : null;
            int index = -1;
            for (int i = 0; name != null && i < merged.size(); i++) {
                if (merged.get(i) instanceof Map<?, ?> m
                        && name.equals(
                                Objects.requireNonNullElse(m.get("id"), m.get("name") == null ? "" : m.get("name")))) {
                    index = i;
                }
            }
            if (index >= 0) {
                merged.set(index, item);
            } else {
                merged.add(item);
            }
        }
        return merged;
    }

    private static String dedent(String text, int fenceIndent) {
        StringBuilder out = new StringBuilder();
        text.lines()
                .forEach(l -> out.append(
                                l.length() >= fenceIndent
                                                && l.substring(0, fenceIndent).isBlank()
                                        ? l.substring(fenceIndent)
                                        : l.stripLeading())
                        .append('\n'));
        return out.toString();
    }
}

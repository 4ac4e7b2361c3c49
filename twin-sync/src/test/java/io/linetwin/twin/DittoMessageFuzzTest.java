package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.linetwin.twin.sync.Traffic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed and hostile Ditto Protocol messages from a seeded generator, through the decoder into the store:
 * whatever arrives, nothing escapes {@code apply} (no exception, no error), every refusal carries a reason and
 * an explanation, and the twin stays a valid twin of its line — a fresh twin takes every Thing of its snapshot,
 * and the snapshot's JSON reads back to itself. The seeds are fixed, so a failure replays; a message found this
 * way belongs in {@code malformed/corpus.jsonl}.
 */
final class DittoMessageFuzzTest {

    private static final int MESSAGES_PER_SEED = 3_000;
    /** Characters that break JSON's structure when inserted. */
    private static final String INSERTS = "{}[]\",:\\0-e9 ";

    /** Values a hostile or broken source sends where a number, a string or an object is expected. */
    private static final List<String> HOSTILE_VALUES = List.of(
            "null",
            "true",
            "-1",
            "0",
            "-0",
            "1.5",
            "1e308",
            "-1e308",
            "1e999",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "\"\"",
            "\"working\"",
            "\"exploded\"",
            "\"2026-11-30T06:00:00Z\"",
            "\"9999-99-99T99:99:99Z\"",
            "\"\\u0000\\ud800\"",
            "[]",
            "[1,2,3]",
            "{}",
            "{\"litre\":3}",
            "{\"litre\":-3}",
            "{\"magnum\":1}",
            "{\"litre\":1e999}",
            "{\"properties\":{}}",
            "{\"state\":null}",
            "\"" + "x".repeat(5_000) + "\"",
            "[".repeat(70) + "]".repeat(70),
            "{\"a\":".repeat(40) + "1" + "}".repeat(40));

    private static final List<String> HOSTILE_PATHS = List.of(
            "/",
            "",
            "//",
            "/attributes",
            "/attributes/kind",
            "/attributes/line",
            "/attributes/capacity",
            "/attributes/limits/speed/max",
            "/attributes/sensors/0",
            "/attributes/site",
            "/features",
            "/features/status",
            "/features/turbo/properties/on",
            "/features/status/properties",
            "/features/status/properties/state/deeper",
            "/features/status/definition",
            "/features/parameters/properties/speed",
            "/features/buffer/properties/levels/litre",
            "/features/health/properties/rul",
            "/policyId",
            "/thingId",
            "/_revision",
            "/features/~1/properties/x",
            "/features/" + "a".repeat(300) + "/properties/x",
            "not a pointer");
    private static final List<String> HOSTILE_TOPICS = List.of(
            "plant1/bottling.filler/things/twin/commands/modify",
            "plant1/bottling.filler/things/twin/commands/merge",
            "plant1/bottling.filler/things/twin/commands/create",
            "plant1/bottling.filler/things/twin/commands/delete",
            "plant1/bottling.b1/things/twin/events/modified",
            "plant1/bottling.b1/things/twin/events/merged",
            "plant1/bottling.b1/things/twin/events/deleted",
            "plant1/bottling.filler/things/live/commands/modify",
            "plant1/bottling.filler/things/twin/commands/retrieve",
            "plant1/bottling.nothere/things/twin/commands/modify",
            "plant1/bottling.filler/policies/commands/modify",
            "plant1/bottling.filler/things/twin/errors",
            "/bottling.filler/things/twin/commands/modify",
            "plant1//things/twin/commands/modify",
            "plant1/bottling.filler/things/twin/commands",
            "a/b/c/d/e/f/g/h",
            "");
    private static final List<String> HOSTILE_REVISIONS = List.of(
            "1",
            "2",
            "0",
            "-1",
            "9223372036854775807",
            "9223372036854775806",
            "1000000001",
            "\"7\"",
            "1.5",
            "null",
            "1e3",
            "18446744073709551616");

    /** The seeded generator of bad messages. */
    private static final class Generator {
        private final Random random;
        private final List<String> valid;

        private Generator(long seed) {
            this.random = new Random(seed);
            this.valid = new ArrayList<>();
            new Traffic(Lines.bottling(), seed).next(200).forEach(m -> valid.add(m.json()));
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        /** One message: a valid one mutated, or one built from hostile parts. */
        private String next() {
            return switch (random.nextInt(6)) {
                case 0 -> mutateCharacters(pick(valid));
                case 1 -> pick(valid).substring(0, random.nextInt(pick(valid).length() / 2 + 1));
                case 2 -> replaceField(pick(valid), "value", pick(HOSTILE_VALUES));
                case 3 -> replaceField(pick(valid), "revision", pick(HOSTILE_REVISIONS));
                case 4 -> built();
                default ->
                    replaceField(
                            replaceField(pick(valid), "path", quote(pick(HOSTILE_PATHS))),
                            "topic",
                            quote(pick(HOSTILE_TOPICS)));
            };
        }

        private String built() {
            StringBuilder json = new StringBuilder("{");
            int fields = random.nextInt(7);
            for (int i = 0; i < fields; i++) {
                if (i > 0) {
                    json.append(',');
                }
                switch (random.nextInt(7)) {
                    case 0 -> json.append("\"topic\":").append(quote(pick(HOSTILE_TOPICS)));
                    case 1 -> json.append("\"path\":").append(quote(pick(HOSTILE_PATHS)));
                    case 2 -> json.append("\"value\":").append(pick(HOSTILE_VALUES));
                    case 3 -> json.append("\"revision\":").append(pick(HOSTILE_REVISIONS));
                    case 4 ->
                        json.append("\"headers\":")
                                .append(random.nextBoolean() ? "{\"correlation-id\":\"c\"}" : pick(HOSTILE_VALUES));
                    case 5 -> json.append("\"timestamp\":").append(pick(HOSTILE_VALUES));
                    default -> json.append("\"status\":").append(pick(HOSTILE_VALUES));
                }
            }
            return json.append('}').toString();
        }

        private String mutateCharacters(String json) {
            StringBuilder s = new StringBuilder(json);
            int edits = 1 + random.nextInt(4);
            for (int i = 0; i < edits && s.length() > 0; i++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, INSERTS.charAt(random.nextInt(INSERTS.length())));
                    default -> s.setCharAt(at, (char) random.nextInt(0x3000));
                }
            }
            return s.toString();
        }

        /** Replaces the value of a top-level field (or adds it), textually: the result need not be valid JSON. */
        private static String replaceField(String json, String field, String value) {
            String key = "\"" + field + "\":";
            int at = json.indexOf(key);
            if (at < 0) {
                return json.substring(0, json.length() - 1) + "," + key + value + "}";
            }
            int start = at + key.length();
            int end = endOfValue(json, start);
            return json.substring(0, start) + value + json.substring(end);
        }

        private static int endOfValue(String json, int start) {
            int depth = 0;
            boolean inString = false;
            for (int i = start; i < json.length(); i++) {
                char c = json.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                        if (depth == 0) {
                            return i + 1;
                        }
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                } else if (c == ',' && depth == 0) {
                    return i;
                }
            }
            return json.length();
        }

        private static String quote(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void nothingEscapesButRejectionsWithReasonsAndTheTwinStaysValid(long seed) {
        Generator fuzz = new Generator(seed);
        TwinStore store = Lines.store();
        long rejected = 0;
        for (int i = 0; i < MESSAGES_PER_SEED; i++) {
            String message = fuzz.next();
            TwinEvent outcome;
            try {
                outcome = i % 2 == 0 ? store.apply(message) : store.apply(message.getBytes(StandardCharsets.UTF_8));
            } catch (Throwable t) {
                fail("message " + i + " of seed " + seed + " escaped apply with " + t + ": " + message, t);
                return;
            }
            assertThat(outcome).as(message).isNotNull();
            if (outcome instanceof TwinEvent.Rejected r) {
                rejected++;
                assertThat(r.detail()).as(message).isNotBlank().hasSizeLessThan(2_000);
            }
            if (i % 1_000 == 999) {
                assertStillAValidTwin(store);
            }
        }
        assertStillAValidTwin(store);
        assertThat(store.stats().total()).isEqualTo(MESSAGES_PER_SEED);
        assertThat(rejected).as("the generator must produce mostly bad input").isGreaterThan(MESSAGES_PER_SEED / 2);
        assertThat(store.stats().applied()).as("and some that passes").isPositive();
    }

    /** Every Thing of the snapshot passes the rules of a fresh twin, and the snapshot's JSON reads back. */
    private static void assertStillAValidTwin(TwinStore store) {
        Snapshot snapshot = store.snapshot();
        TwinStore fresh = Lines.store();
        snapshot.things().forEach((id, thing) -> {
            if (thing.revision() > 0) {
                assertThat(fresh.put(thing.thing(), thing.revision()))
                        .as(id + ": " + thing.thing().toJsonString())
                        .isInstanceOf(TwinEvent.Applied.class);
            }
            assertThat(thing.revision())
                    .isLessThanOrEqualTo((long) MESSAGES_PER_SEED * InputLimits.DEFAULT.maxRevisionJump());
        });
        assertThat(Snapshot.fromJson(snapshot.toJson())).isEqualTo(snapshot);
    }
}

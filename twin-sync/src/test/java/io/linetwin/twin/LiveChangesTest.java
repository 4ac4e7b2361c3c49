package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;

/**
 * The live state (changed in place, Things built when read) against Ditto's own route (Ditto's
 * protocol adapter to decode, Ditto's immutable JSON to change), over a seeded stream of mixed
 * messages: property and attribute sets, merges with nulls and new branches, whole-feature changes,
 * deletions, duplicates, late arrivals and values the twin must refuse (which the live state undoes).
 */
final class LiveChangesTest {

    private static final List<String> STATES = List.of("working", "blocked", "starved", "down", "setup", "offShift");

    /** Ditto Protocol JSON of a seeded line's life; revisions per Thing, some of them wrong on purpose. */
    static final class Stream {
        private final LineDescriptor line = Lines.bottling();
        private final Random random;
        private final Map<ThingId, Long> revisions = new HashMap<>();
        private final List<String> sent = new ArrayList<>();
        private long millis;

        Stream(long seed) {
            random = new Random(seed);
        }

        String next() {
            int pick = random.nextInt(100);
            if (pick < 5 && !sent.isEmpty()) {
                return sent.get(random.nextInt(sent.size()));
            }
            EquipmentDescriptor e =
                    line.equipment().get(random.nextInt(line.equipment().size()));
            ThingId id = line.thingIdOf(e.id());
            String message = pick < 45
                    ? propertyEvent(id)
                    : pick < 60
                            ? merge(id)
                            : pick < 68
                                    ? modifyCommand(id)
                                    : pick < 74
                                            ? deeperThanAScalar(id)
                                            : pick < 80
                                                    ? wholeFeature(id)
                                                    : pick < 85 ? deleted(id) : pick < 90 ? late(id) : attribute(id);
            sent.add(message);
            return message;
        }

        private long nextRevision(ThingId id) {
            return revisions.merge(id, 1L + (random.nextInt(20) == 0 ? 1 : 0), Long::sum);
        }

        private String topic(ThingId id, String tail) {
            return "\"topic\":\"" + id.getNamespace() + "/" + id.getName() + "/things/twin/" + tail + "\"";
        }

        private String timestamp() {
            millis += 1 + random.nextInt(1500);
            String at = Lines.T0
                    .plusMillis(millis)
                    .plusNanos(random.nextInt(3) == 0 ? random.nextInt(1000) : 0)
                    .toString();
            return ",\"timestamp\":\"" + at + "\"";
        }

        private String event(ThingId id, String kind, String path, String value) {
            return "{" + topic(id, "events/" + kind) + ",\"headers\":{\"content-type\":\"application/"
                    + (kind.equals("merged") ? "merge-patch+json" : "json") + "\"},\"path\":\"" + path + "\""
                    + (value == null ? "" : ",\"value\":" + value) + ",\"revision\":" + nextRevision(id)
                    + (random.nextBoolean() ? timestamp() : "") + "}";
        }

        /** Mostly a feature the Thing's kind has; one pick in ten any feature, which the twin must refuse. */
        private int pickFor(ThingId id, int cases, java.util.function.IntFunction<String> featureOfCase) {
            java.util.List<String> features = line.equipment().stream()
                    .filter(e -> line.thingIdOf(e.id()).equals(id))
                    .findFirst()
                    .orElseThrow()
                    .kind()
                    .features();
            int pick = random.nextInt(cases);
            for (int tries = 0;
                    tries < 20 && random.nextInt(10) != 0 && !features.contains(featureOfCase.apply(pick));
                    tries++) {
                pick = random.nextInt(cases);
            }
            return pick;
        }

        private static final String[] PROPERTY_EVENT_FEATURES = {
            "status", "counters", "health", "buffer", "parameters", "stock", "status"
        };
        private static final String[] MERGE_FEATURES = {
            "buffer", "health", "parameters", "parameters", "status", "health", "attributes"
        };

        private String propertyEvent(ThingId id) {
            return switch (pickFor(id, 7, c -> PROPERTY_EVENT_FEATURES[c])) {
                case 0 ->
                    event(
                            id,
                            "modified",
                            "/features/status/properties/state",
                            random.nextInt(12) == 0
                                    ? "\"exploded\""
                                    : "\"" + STATES.get(random.nextInt(STATES.size())) + "\"");
                case 1 ->
                    event(
                            id,
                            "modified",
                            "/features/counters/properties/" + (random.nextBoolean() ? "good" : "scrap"),
                            random.nextInt(15) == 0
                                    ? "-3"
                                    : random.nextInt(15) == 0 ? "1.5" : Integer.toString(random.nextInt(100_000)));
                case 2 ->
                    event(
                            id,
                            "modified",
                            "/features/health/properties/readings/"
                                    + List.of("temperature", "vibration", "current")
                                            .get(random.nextInt(3)),
                            Double.toString(60 + random.nextGaussian()));
                case 3 ->
                    event(
                            id,
                            "modified",
                            "/features/buffer/properties/levels",
                            random.nextInt(10) == 0
                                    ? "{\"litre\":\"many\"}"
                                    : "{\"litre\":" + random.nextInt(20) + ",\"half-litre\":" + random.nextInt(20)
                                            + "}");
                case 4 ->
                    event(
                            id,
                            "modified",
                            "/features/parameters/properties/speed",
                            random.nextInt(10) == 0 ? "0" : Double.toString((6 + random.nextInt(7)) / 10.0));
                case 5 ->
                    event(
                            id,
                            "modified",
                            "/features/stock/properties/level",
                            random.nextInt(10) == 0 ? "-1" : Integer.toString(random.nextInt(20_000)));
                default ->
                    event(
                            id,
                            "created",
                            "/features/status/properties/since",
                            "\"" + Lines.T0.plusSeconds(random.nextInt(9999)) + "\"");
            };
        }

        private String merge(ThingId id) {
            String path;
            String value;
            switch (pickFor(id, 7, c -> MERGE_FEATURES[c].equals("attributes") ? "status" : MERGE_FEATURES[c])) {
                case 0 -> {
                    path = "/features/buffer/properties/levels";
                    value = "{\"litre\":" + (random.nextBoolean() ? "null" : random.nextInt(9)) + ",\"half-litre\":"
                            + (random.nextInt(8) == 0 ? "-1" : random.nextInt(9)) + "}";
                }
                case 1 -> {
                    path = "/features/health/properties/readings";
                    value = "{\"temperature\":" + random.nextInt(90) + ",\"vibration\":null"
                            + (random.nextInt(5) == 0
                                    ? ",\"extra\":{\"a\":1,\"b\":null}}"
                                    : ",\"extra\":" + random.nextInt(9) + "}");
                }
                case 2 -> {
                    path = "/features/parameters/properties";
                    value = "{\"setpoints\":{\"temperature\":" + random.nextInt(80) + ",\"old\":null},\"speed\":"
                            + (random.nextInt(6) == 0 ? "null" : "1.1") + "}";
                }
                case 3 -> {
                    path = random.nextInt(8) == 0
                            ? "/features/extra" + random.nextInt(3) + "/properties/nested/deeper"
                            : "/features/parameters/properties/nested" + random.nextInt(3) + "/deeper";
                    value = "{\"x\":" + random.nextInt(5) + ",\"gone\":null,\"keep\":{\"y\":null,\"z\":[1,null]}}";
                }
                case 4 -> {
                    path = "/features/status/properties/state";
                    value = random.nextBoolean() ? "{\"not\":\"a state\"}" : "\"working\"";
                }
                case 5 -> {
                    path = "/features/health/properties/readings/" + (random.nextBoolean() ? "current" : "temperature");
                    value = "null";
                }
                default -> {
                    path = "/attributes/site";
                    value = "{\"hall\":" + random.nextInt(4) + ",\"old\":null}";
                }
            }
            if (random.nextBoolean()) {
                return event(id, "merged", path, value);
            }
            return "{" + topic(id, "commands/merge")
                    + ",\"headers\":{\"content-type\":\"application/merge-patch+json\"}," + "\"path\":\"" + path
                    + "\",\"value\":" + value + "}";
        }

        private String modifyCommand(ThingId id) {
            String path = random.nextBoolean()
                    ? "/features/parameters/properties/setpoints/temperature"
                    : "/features/counters/properties/good";
            String value = path.endsWith("good")
                    ? Integer.toString(random.nextInt(500))
                    : "{\"value\":" + random.nextInt(90) + ",\"unit\":\"C\",\"tags\":[1,true,null]}";
            return "{" + topic(id, "commands/modify") + ",\"headers\":{\"correlation-id\":\"c-" + random.nextInt(99)
                    + "\"},\"path\":\"" + path + "\",\"value\":" + value + "}";
        }

        private String deeperThanAScalar(ThingId id) {
            return event(
                    id,
                    "modified",
                    random.nextBoolean()
                            ? "/features/counters/properties/good/x"
                            : "/features/status/properties/since/y",
                    "1");
        }

        private String wholeFeature(ThingId id) {
            return random.nextBoolean()
                    ? event(
                            id,
                            "modified",
                            "/features/counters",
                            "{\"properties\":{\"good\":" + random.nextInt(50) + ",\"scrap\":"
                                    + (random.nextInt(6) == 0 ? -1 : random.nextInt(5)) + "}}")
                    : event(
                            id,
                            "modified",
                            "/features/health/properties",
                            "{\"readings\":{\"temperature\":" + random.nextInt(80) + "}}");
        }

        private String deleted(ThingId id) {
            return event(
                    id,
                    "deleted",
                    random.nextBoolean() ? "/features/health/properties/readings/vibration" : "/attributes/site",
                    null);
        }

        private String late(ThingId id) {
            long current = revisions.getOrDefault(id, 0L);
            return "{" + topic(id, "events/modified") + ",\"path\":\"/features/counters/properties/good\",\"value\":7,"
                    + "\"revision\":" + Math.max(1, current - random.nextInt(3)) + "}";
        }

        private String attribute(ThingId id) {
            return random.nextBoolean()
                    ? event(id, "modified", "/attributes/site", "\"Lyon " + random.nextInt(9) + "\"")
                    : event(id, "modified", "/attributes/meta/shift", "{\"n\":" + random.nextInt(3) + "}");
        }
    }

    private static String outcome(TwinEvent event) {
        return event instanceof TwinEvent.Rejected r ? "rejected " + r.reason() + " " + r.thingId() : event.toString();
    }

    @Test
    void theLiveStateEqualsDittosRouteOverAMixedStream() throws Exception {
        TwinStore live = new TwinStore(EquipmentThings.of(Lines.bottling(), Lines.T0), Lines.fixedClock(), true);
        TwinStore reference = new TwinStore(EquipmentThings.of(Lines.bottling(), Lines.T0), Lines.fixedClock(), false);
        SignalDecoder ditto = new SignalDecoder();
        Stream stream = new Stream(42);

        for (int i = 1; i <= 6_000; i++) {
            String message = stream.next();
            TwinEvent byLive = live.apply(message.getBytes(StandardCharsets.UTF_8));
            String expected;
            try {
                expected = outcome(reference.apply(ditto.decodeWithDitto(message)));
            } catch (RejectedMessageException e) {
                expected = "rejected " + e.reason() + " Optional.empty";
            }
            assertThat(outcome(byLive)).as(message).isEqualTo(expected);
            if (i % 200 == 0) {
                assertThat(live.snapshot().toJson().toString())
                        .as("after %d messages", i)
                        .isEqualTo(reference.snapshot().toJson().toString());
            }
        }

        Snapshot end = live.snapshot();
        assertThat(end.things()).isEqualTo(reference.snapshot().things());
        assertThat(end.toJson().toString())
                .isEqualTo(reference.snapshot().toJson().toString());
        assertThat(live.stats()).isEqualTo(reference.stats());
        // The stream must have exercised every branch, or the comparison above proves little.
        assertThat(live.stats().applied()).isGreaterThan(3_000);
        assertThat(live.stats().stale()).isGreaterThan(300);
        assertThat(live.stats().rejected().get(RejectReason.INVALID_VALUE)).isGreaterThan(300);
        assertThat(live.stats().rejected().get(RejectReason.FORBIDDEN_PATH)).isGreaterThan(100);
        assertThat(end.toJson().toString())
                .contains("\"nested1\"", "\"setpoints\"", "\"hall\"")
                .doesNotContain("\"extra1\"");
    }
}

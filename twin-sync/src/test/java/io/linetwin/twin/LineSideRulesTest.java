package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the scenario owns is read-only from the line side, and values are checked against the equipment. Each
 * message here was accepted before these rules (a probe of hostile input found them).
 */
final class LineSideRulesTest {

    private static final ThingId FILLER = ThingId.of("plant1:bottling.filler");
    private static final ThingId B1 = ThingId.of("plant1:bottling.b1");

    private static String modify(String thing, String path, String value) {
        return "{\"topic\":\"plant1/bottling." + thing + "/things/twin/commands/modify\",\"headers\":{},"
                + "\"path\":\"" + path + "\",\"value\":" + value + "}";
    }

    private static String event(String thing, String action, String path, String value, long revision) {
        return "{\"topic\":\"plant1/bottling." + thing + "/things/twin/events/" + action + "\",\"headers\":{},"
                + "\"path\":\"" + path + "\"" + (value == null ? "" : ",\"value\":" + value) + ",\"revision\":"
                + revision + "}";
    }

    private static void assertRefused(TwinStore store, String message, RejectReason reason, String detail) {
        JsonObject before = store.snapshot().toJson();
        TwinEvent outcome = store.apply(message);
        assertThat(outcome).as(message).isInstanceOfSatisfying(TwinEvent.Rejected.class, r -> {
            assertThat(r.reason()).as(r.detail()).isEqualTo(reason);
            assertThat(r.detail()).contains(detail);
        });
        assertThat(store.snapshot().toJson()).as("the twin is unchanged").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "filler | /attributes/line | \"plant9:other\" | attributes/line comes from the scenario",
                "filler | /attributes/kind | \"sink\" | attributes/kind comes from the scenario",
                "b1 | /attributes/capacity | -99 | attributes/capacity comes from the scenario",
                "filler | /attributes/limits/speed/max | 1000 | attributes/limits comes from the scenario",
                "capper | /attributes/capacity | 5 | attributes/capacity comes from the scenario",
                "filler | /attributes | {\"site\":\"Lyon\"} | attributes/kind comes from the scenario",
                "filler | /features/turbo/properties/on | true | has no feature turbo",
                "b1 | /features/status/properties/state | \"down\" | has no feature status",
                "filler | /features/status/properties | {\"since\":\"2026-11-30T06:00:00Z\"} | state of plant1:bottling.filler cannot be removed",
                "filler | /features | {\"status\":{\"properties\":{\"state\":\"down\"}}} | cannot be removed",
                "filler | / | {\"thingId\":\"plant1:bottling.filler\",\"attributes\":{\"kind\":\"machine\"}} | comes from the scenario",
            })
    void whatTheScenarioOwnsIsReadOnly(String thing, String path, String value, String detail) {
        assertRefused(Lines.store(), modify(thing, path, value), RejectReason.FORBIDDEN_PATH, detail);
    }

    @Test
    void featuresCannotBeDeletedNorStrippedByACreateThing() {
        TwinStore store = Lines.store();
        assertRefused(
                store,
                event("filler", "deleted", "/features/status", null, 1),
                RejectReason.FORBIDDEN_PATH,
                "the feature status of plant1:bottling.filler cannot be removed");
        assertRefused(
                store,
                event("filler", "deleted", "/features/counters/properties/good", null, 1),
                RejectReason.FORBIDDEN_PATH,
                "cannot be removed");
        String create =
                "{\"topic\":\"plant1/bottling.filler/things/twin/commands/create\",\"headers\":{},\"path\":\"/\","
                        + "\"value\":{\"thingId\":\"plant1:bottling.filler\",\"attributes\":"
                        + store.snapshot()
                                .get(FILLER)
                                .orElseThrow()
                                .thing()
                                .getAttributes()
                                .orElseThrow()
                                .toJson() + "}}";
        assertRefused(store, create, RejectReason.FORBIDDEN_PATH, "cannot be removed");
    }

    @ParameterizedTest(name = "{0} = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "b1 | /features/buffer/properties/levels | {\"litre\":15,\"half-litre\":6} | at most the capacity 20",
                "b1 | /features/buffer/properties/levels | {\"magnum\":1} | one of the line's products",
                "c1 | /features/buffer/properties/levels/litre | 31 | at most the capacity 30",
                "filler | /features/status/properties/product | \"magnum\" | one of the line's products",
                "capper | /features/status/properties/heldProduct | 7 | one of the line's products",
                "filler | /features/parameters/properties/speed | 1.5 | within its limits [0.6, 1.2]",
                "filler | /features/parameters/properties/speed | 0.1 | within its limits [0.6, 1.2]",
                "filler | /features/status/properties/since | \"yesterday\" | an ISO-8601 instant",
                "filler | /features/status/properties/since | 42 | an ISO-8601 instant",
                "filler | /features/status/properties/remainingSeconds | -1 | a number of seconds >= 0",
                "filler | /features/health/properties/readings/temperature | \"hot\" | a finite number",
                "filler | /features/health/properties/rul | {\"seconds\":-5,\"at\":\"2026-11-30T06:00:00Z\"} | a number of seconds >= 0",
                "filler | /features/health/properties/rul | {\"seconds\":5,\"at\":\"soon\"} | an ISO-8601 instant",
                "preform | /features/stock/properties/level | -1 | a number >= 0",
            })
    void valuesAreCheckedAgainstTheEquipment(String thing, String path, String value, String detail) {
        assertRefused(Lines.store(), modify(thing, path, value), RejectReason.INVALID_VALUE, detail);
    }

    @Test
    void valuesWithinTheRulesAreApplied() {
        TwinStore store = Lines.store();
        for (String ok : new String[] {
            modify("b1", "/features/buffer/properties/levels", "{\"litre\":12,\"half-litre\":8}"),
            modify("filler", "/features/status/properties/product", "\"litre\""),
            modify("filler", "/features/parameters/properties/speed", "1.2"),
            modify("filler", "/features/status/properties/since", "\"2026-11-30T06:00:01.5Z\""),
            modify("filler", "/features/status/properties/remainingSeconds", "0"),
            modify("filler", "/attributes/site", "\"Lyon\""),
            modify("filler", "/features/health/properties/rul", "{\"seconds\":3600,\"at\":\"2026-11-30T06:00:00Z\"}"),
        }) {
            assertThat(store.apply(ok)).as(ok).isInstanceOf(TwinEvent.Applied.class);
        }
        assertThat(store.snapshot()
                        .get(B1)
                        .orElseThrow()
                        .thing()
                        .toJson()
                        .getValue("/features/buffer/properties/levels/litre"))
                .contains(JsonValue.of(12));
    }
}

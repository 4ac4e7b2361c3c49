package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.twin.sync.Traffic;
import java.util.List;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;

final class SignalDecoderTest {

    private static final ThingId FILLER = ThingId.of("plant1:bottling.filler");

    private static Object outcome(SignalDecoder.Route route) {
        try {
            return route.decode();
        } catch (RejectedMessageException e) {
            return e.reason();
        }
    }

    @Test
    void bothRoutesAgreeOnEveryMalformedMessage() throws Exception {
        SignalDecoder decoder = new SignalDecoder();
        List<String> corpus = java.nio.file.Files.readAllLines(
                        java.nio.file.Path.of("src/test/resources/malformed/corpus.jsonl"))
                .stream()
                .filter(l -> !l.isBlank())
                .map(l -> JsonFactory.newObject(l).getValue("raw").orElseThrow().asString())
                .toList();
        for (String raw : corpus) {
            assertThat(outcome(() -> decoder.decode(raw)))
                    .as(raw)
                    .isEqualTo(outcome(() -> decoder.decodeWithDitto(raw)));
        }
    }

    @Test
    void theFastPathDecodesExactlyAsDittosOwnClassesDo() throws Exception {
        SignalDecoder decoder = new SignalDecoder();
        List<String> messages = new java.util.ArrayList<>();
        new Traffic(Lines.bottling(), 11).next(2_000).forEach(m -> messages.add(m.json()));
        messages.add(DittoMessages.toJson(DittoMessages.modifyProperty(
                FILLER,
                "parameters",
                "setpoints/temperature",
                JsonFactory.newObjectBuilder()
                        .set("value", 72.5)
                        .set("unit", "C")
                        .set(
                                "tags",
                                JsonFactory.newArrayBuilder()
                                        .add(1, 2)
                                        .add(true)
                                        .add(JsonValue.nullLiteral())
                                        .build())
                        .build(),
                "c-7")));
        messages.add(DittoMessages.toJson(
                DittoMessages.modifyProperty(FILLER, "counters", "good", JsonValue.of(12_345_678_901L), "c-8")));
        messages.add("{\"topic\":\"plant1/bottling.b1/things/twin/commands/merge\",\"headers\":"
                + "{\"content-type\":\"application/merge-patch+json\"},\"path\":\"/features/buffer/properties/levels\","
                + "\"value\":{\"litre\":4,\"half-litre\":null}}");
        messages.add("{\"topic\":\"plant1/bottling.filler/things/twin/commands/modify\",\"path\":\"/attributes/site\","
                + "\"value\":\"Lyon\",\"revision\":9}");

        for (String message : messages) {
            ThingUpdate byDitto = decoder.decodeWithDitto(message);
            assertThat(decoder.decode(message)).as(message).isEqualTo(byDitto);
            assertThat(decoder.decode(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .as(message)
                    .isEqualTo(byDitto);
        }
    }
}

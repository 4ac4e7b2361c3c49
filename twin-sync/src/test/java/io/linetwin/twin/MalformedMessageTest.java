package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class MalformedMessageTest {

    private static final ThingId FILLER = ThingId.of("plant1:bottling.filler");

    static Stream<Arguments> corpus() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/malformed/corpus.jsonl"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .map(JsonFactory::newObject)
                .map(o -> Arguments.of(
                        RejectReason.valueOf(o.getValue("reason").orElseThrow().asString()),
                        o.getValue("raw").orElseThrow().asString()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("corpus")
    void eachMalformedMessageIsRejectedWithItsReason(RejectReason expected, String raw) {
        TwinStore store = Lines.store();
        TwinEvent outcome = store.apply(raw);

        assertThat(outcome).isInstanceOfSatisfying(TwinEvent.Rejected.class, r -> {
            assertThat(r.reason()).as(r.detail()).isEqualTo(expected);
            assertThat(r.detail()).isNotBlank();
        });
        assertThat(store.stats().rejected()).containsEntry(expected, 1L);
        assertThat(store.stats().applied()).isZero();
        assertThat(store.revisionOf(FILLER)).hasValue(0);
    }

    @Test
    void theLoopKeepsApplyingGoodMessagesBetweenBadOnes() throws IOException {
        TwinStore store = Lines.store();
        List<String> bad = corpus().map(a -> (String) a.get()[1]).toList();
        long revision = 0;
        for (String raw : bad) {
            assertThat(store.apply(raw)).isInstanceOf(TwinEvent.Rejected.class);
            revision++;
            String good = DittoMessages.toJson(DittoMessages.propertyModified(
                    FILLER, "counters", "good", JsonValue.of(revision), revision, Lines.T0));
            assertThat(store.apply(good)).isInstanceOf(TwinEvent.Applied.class);
        }

        assertThat(store.stats().applied()).isEqualTo(bad.size());
        assertThat(store.stats().rejectedTotal()).isEqualTo(bad.size());
        JsonObject filler = store.snapshot().get(FILLER).orElseThrow().thing().toJson();
        assertThat(filler.getValue("/features/counters/properties/good")).contains(JsonValue.of(revision));
        assertThat(filler.getValue("/features/status/properties/state")).contains(JsonValue.of("starved"));
    }
}

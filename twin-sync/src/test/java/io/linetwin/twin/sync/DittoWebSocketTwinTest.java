package io.linetwin.twin.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.Lines;
import io.linetwin.twin.TwinStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;

final class DittoWebSocketTwinTest {

    private static final ThingId FILLER = ThingId.of("plant1:bottling.filler");
    private static final ThingId CAPPER = ThingId.of("plant1:bottling.capper");
    private static final Map<String, String> ENV =
            Map.of(DittoSettings.ENV_USERNAME, "ditto", DittoSettings.ENV_PASSWORD, "s3cret");
    private static final String BASIC =
            "Basic " + Base64.getEncoder().encodeToString("ditto:s3cret".getBytes(StandardCharsets.UTF_8));

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    /** The "server": the same line, already some revisions ahead of a fresh twin. */
    private static TwinStore server() {
        LineDescriptor line = Lines.bottling();
        TwinStore server = TwinStore.of(line, Lines.fixedClock());
        for (long r = 1; r <= 5; r++) {
            server.apply(DittoMessages.toJson(
                    DittoMessages.propertyModified(FILLER, "counters", "good", JsonValue.of(r * 10), r, Lines.T0)));
        }
        server.apply(DittoMessages.toJson(
                DittoMessages.propertyModified(FILLER, "status", "state", JsonValue.of("down"), 6, Lines.T0)));
        return server;
    }

    @Test
    void theTwinLoadsInitialStateFollowsEventsAndSendsCommands() throws Exception {
        TwinStore server = server();
        TwinStore twin = Lines.store();
        try (DittoGateway gateway = new DittoGateway(server, BASIC);
                DittoWebSocketTwin ditto = DittoWebSocketTwin.connect(
                        DittoSettings.fromEnvironment(URI.create(gateway.endpoint()), ENV),
                        twin,
                        "plant1",
                        List.of(FILLER, CAPPER))) {

            assertThat(twin.revisionOf(FILLER)).hasValue(6);
            assertThat(twin.snapshot().get(FILLER).orElseThrow().thing())
                    .isEqualTo(server.snapshot().get(FILLER).orElseThrow().thing());
            assertThat(gateway.received()).anyMatch(m -> m.startsWith("START-SEND-EVENTS"));

            gateway.change(FILLER, "status", "state", JsonValue.of("working"));
            await("the event reached the twin", () -> twin.revisionOf(FILLER).orElse(0) == 7);
            assertThat(twin.snapshot()
                            .get(FILLER)
                            .orElseThrow()
                            .thing()
                            .toJson()
                            .getValue("/features/status/properties/state"))
                    .contains(JsonValue.of("working"));

            ditto.send(DittoMessages.modifyProperty(FILLER, "parameters", "speed", JsonValue.of(1.1), "cmd-1"))
                    .toCompletableFuture()
                    .get();
            await(
                    "the twin saw the confirmed change",
                    () -> twin.revisionOf(FILLER).orElse(0) == 8);
            assertThat(server.snapshot()
                            .get(FILLER)
                            .orElseThrow()
                            .thing()
                            .toJson()
                            .getValue("/features/parameters/properties/speed"))
                    .contains(JsonValue.of(1.1));
            assertThat(twin.snapshot().get(FILLER).orElseThrow().thing())
                    .isEqualTo(server.snapshot().get(FILLER).orElseThrow().thing());
            assertThat(twin.stats().rejectedTotal()).isZero();
        }
    }

    /**
     * While nothing listens, the client's reconnect attempts to a port in the ephemeral range can connect
     * to themselves (TCP self-connect) and hold the port; a port below the range cannot be taken so.
     */
    private static int portBelowTheEphemeralRange() throws java.io.IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; ; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            try (java.net.ServerSocket probe =
                    new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return port;
            } catch (java.io.IOException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    @Test
    void afterTheGatewayRestartsTheTwinReloadsWhatItMissedAndFollowsEventsAgain() throws Exception {
        TwinStore server = server();
        TwinStore twin = Lines.store();
        int port = portBelowTheEphemeralRange();
        DittoGateway first = new DittoGateway(server, BASIC, port);
        DittoSettings settings = new DittoSettings(
                URI.create(first.endpoint()),
                DittoSettings.fromEnvironment(URI.create(first.endpoint()), ENV).auth(),
                Duration.ofSeconds(5));
        try (DittoWebSocketTwin ditto = DittoWebSocketTwin.connect(settings, twin, "plant1", List.of(FILLER, CAPPER))) {
            assertThat(twin.revisionOf(FILLER)).hasValue(6);
            first.close();
            // Changed while no gateway runs: no event reaches the twin, only a reload can.
            server.apply(DittoMessages.toJson(
                    DittoMessages.propertyModified(FILLER, "counters", "good", JsonValue.of(99), 7, Lines.T0)));
            // The twin gave the capper revision 1 when it loaded it at revision 0; Ditto's next one is 2.
            server.apply(DittoMessages.toJson(
                    DittoMessages.propertyModified(CAPPER, "status", "state", JsonValue.of("down"), 2, Lines.T0)));
            try (DittoGateway second = new DittoGateway(server, BASIC, port)) {
                await(
                        "the twin reloaded the missed changes",
                        () -> twin.revisionOf(FILLER).orElse(0) == 7
                                && twin.revisionOf(CAPPER).orElse(0) == 2);
                assertThat(twin.snapshot().get(FILLER).orElseThrow().thing())
                        .isEqualTo(server.snapshot().get(FILLER).orElseThrow().thing());
                assertThat(twin.snapshot().get(CAPPER).orElseThrow().thing())
                        .isEqualTo(server.snapshot().get(CAPPER).orElseThrow().thing());
                assertThat(ditto.reloads()).isPositive();

                await("the client subscribed again", () -> second.subscribers() == 1);
                second.change(FILLER, "status", "state", JsonValue.of("working"));
                await(
                        "the event after the restart reached the twin",
                        () -> twin.revisionOf(FILLER).orElse(0) == 8);
                assertThat(twin.stats().rejectedTotal()).isZero();
            }
        }
    }

    @Test
    void aCommandForAThingTheServerDoesNotKnowFails() throws Exception {
        TwinStore twin = Lines.store();
        try (DittoGateway gateway = new DittoGateway(server(), BASIC);
                DittoWebSocketTwin ditto = DittoWebSocketTwin.connect(
                        DittoSettings.fromEnvironment(URI.create(gateway.endpoint()), ENV),
                        twin,
                        "plant1",
                        List.of())) {
            assertThatThrownBy(() -> ditto.send(DittoMessages.modifyProperty(
                                    ThingId.of("plant1:bottling.nothere"),
                                    "parameters",
                                    "speed",
                                    JsonValue.of(1.1),
                                    "cmd-2"))
                            .toCompletableFuture()
                            .get())
                    .hasMessageContaining("nothere");
        }
    }

    @Test
    void wrongCredentialsAreRefusedByTheGateway() throws Exception {
        Map<String, String> wrong = Map.of(DittoSettings.ENV_USERNAME, "ditto", DittoSettings.ENV_PASSWORD, "guess");
        try (DittoGateway gateway = new DittoGateway(server(), BASIC)) {
            DittoSettings settings = new DittoSettings(
                    URI.create(gateway.endpoint()),
                    DittoSettings.fromEnvironment(URI.create(gateway.endpoint()), wrong)
                            .auth(),
                    Duration.ofSeconds(5));
            assertThatThrownBy(() -> DittoWebSocketTwin.connect(settings, Lines.store(), "plant1", List.of()))
                    .isInstanceOf(Exception.class);
            assertThat(gateway.refusedLogins()).isPositive();
        }
    }

    @Test
    void credentialsNeverShowInSettingsText() {
        DittoSettings settings = DittoSettings.fromEnvironment(URI.create("ws://127.0.0.1:1"), ENV);
        assertThat(settings.toString()).doesNotContain("s3cret");
        assertThat(DittoSettings.fromEnvironment(
                                URI.create("ws://127.0.0.1:1"), Map.of(DittoSettings.ENV_TOKEN, "tok3n"))
                        .toString())
                .doesNotContain("tok3n");
    }
}

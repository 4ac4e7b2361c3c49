package io.linetwin.twin.sync;

import com.neovisionaries.ws.client.WebSocket;
import io.linetwin.twin.RejectReason;
import io.linetwin.twin.ThingUpdate;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.TwinStore;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.ditto.base.model.common.HttpStatus;
import org.eclipse.ditto.base.model.json.JsonSchemaVersion;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.client.DittoClient;
import org.eclipse.ditto.client.DittoClients;
import org.eclipse.ditto.client.changes.ChangeAction;
import org.eclipse.ditto.client.changes.ThingChange;
import org.eclipse.ditto.client.configuration.AccessTokenAuthenticationConfiguration;
import org.eclipse.ditto.client.configuration.BasicAuthenticationConfiguration;
import org.eclipse.ditto.client.configuration.WebSocketMessagingConfiguration;
import org.eclipse.ditto.client.messaging.AuthenticationProvider;
import org.eclipse.ditto.client.messaging.AuthenticationProviders;
import org.eclipse.ditto.client.messaging.MessagingProviders;
import org.eclipse.ditto.client.options.Options;
import org.eclipse.ditto.json.JsonFieldSelector;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.jwt.model.ImmutableJsonWebToken;
import org.eclipse.ditto.protocol.Adaptable;
import org.eclipse.ditto.protocol.adapter.DittoProtocolAdapter;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.modify.ThingModifyCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link TwinStore} in sync with a Ditto server over its WebSocket API ({@code /ws/2}) using
 * Eclipse Ditto's Java client: subscribes to twin events of the line's namespace, retrieves the
 * initial state of every Thing (with its revision, so events that overtake the retrieve are not
 * undone), and sends modify commands.
 *
 * <p>The client reconnects by itself, but Ditto does not replay the events sent while the connection
 * was down, and the 2.4 client did not always subscribe again (seen in tests: a reconnected session
 * that never sent {@code START-SEND-EVENTS}). So after every disconnection the twin, in the background,
 * subscribes again (stop, then start) and retrieves the Things again, retried every
 * {@value #RELOAD_RETRY_MILLIS} ms until all of them have been loaded.
 */
public final class DittoWebSocketTwin implements SignalSink {

    private static final Logger LOG = LoggerFactory.getLogger(DittoWebSocketTwin.class);
    private static final String REGISTRATION = "linetwin-twin";
    static final long RELOAD_RETRY_MILLIS = 1_000;
    private static final JsonFieldSelector WITH_REVISION =
            JsonFieldSelector.newInstance("thingId", "attributes", "features", "_revision");

    private final DittoClient client;
    private final TwinStore store;
    private final DittoSettings settings;
    private final List<ThingId> things;
    private final String namespace;
    private final DittoProtocolAdapter adapter = DittoProtocolAdapter.newInstance();
    private final AtomicLong reloads = new AtomicLong();

    private final Reloader reloader;

    private DittoWebSocketTwin(
            DittoClient client,
            TwinStore store,
            DittoSettings settings,
            String namespace,
            List<ThingId> things,
            Reloader reloader) {
        this.client = client;
        this.store = store;
        this.settings = settings;
        this.namespace = namespace;
        this.things = things;
        this.reloader = reloader;
    }

    /** Subscribes anew: the client may believe it still is subscribed, so it is told to stop first. */
    private void resubscribe() throws InterruptedException, ExecutionException, TimeoutException {
        try {
            await(client.twin().suspendConsumption(), settings);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("suspending consumption before subscribing again failed ({})", e.toString());
        }
        await(client.twin().startConsumption(Options.Consumption.namespaces(namespace)), settings);
    }

    /** How many times the Things were reloaded completely after a disconnection. */
    public long reloads() {
        return reloads.get();
    }

    /** Retrieves the Things again after a disconnection; one pass at a time, repeated if needed. */
    private static final class Reloader {
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ditto-twin-reload");
            t.setDaemon(true);
            return t;
        });
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile DittoWebSocketTwin twin;

        void disconnected() {
            if (pending.compareAndSet(false, true)) {
                executor.schedule(this::reload, RELOAD_RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
        }

        private void reload() {
            DittoWebSocketTwin t = twin;
            pending.set(false);
            if (t == null) {
                return;
            }
            try {
                t.resubscribe();
                for (ThingId id : t.things) {
                    t.load(id);
                }
                t.reloads.incrementAndGet();
                LOG.info("reloaded {} Things from Ditto after a disconnection", t.things.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                LOG.info("reloading Things from Ditto failed ({}); retrying", e.toString());
                disconnected();
            }
        }

        void close() {
            executor.shutdownNow();
        }
    }

    /**
     * Connects, subscribes to events of {@code namespace}, then loads the current state of {@code things}.
     * Subscribing first means no change between the two steps is missed; revisions sort out the overlap.
     */
    public static DittoWebSocketTwin connect(
            DittoSettings settings, TwinStore store, String namespace, Collection<ThingId> things)
            throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(store, "store");
        Reloader reloader = new Reloader();
        var config = WebSocketMessagingConfiguration.newBuilder()
                .endpoint(settings.endpoint().toString())
                .jsonSchemaVersion(JsonSchemaVersion.V_2)
                .timeout(settings.timeout())
                .reconnectEnabled(true)
                .disconnectedListener(context -> reloader.disconnected())
                .build();
        DittoClient client;
        try {
            client = DittoClients.newInstance(MessagingProviders.webSocket(config, authentication(settings)))
                    .connect()
                    .toCompletableFuture()
                    .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            reloader.close();
            throw e;
        }
        DittoWebSocketTwin twin =
                new DittoWebSocketTwin(client, store, settings, namespace, List.copyOf(things), reloader);
        try {
            client.twin().registerForThingChanges(REGISTRATION, twin::onChange);
            await(client.twin().startConsumption(Options.Consumption.namespaces(namespace)), settings);
            for (ThingId id : things) {
                twin.load(id);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            twin.close();
            throw e;
        }
        reloader.twin = twin;
        return twin;
    }

    private static AuthenticationProvider<WebSocket> authentication(DittoSettings settings) {
        if (settings.auth() instanceof DittoSettings.Basic basic) {
            return AuthenticationProviders.basic(BasicAuthenticationConfiguration.newBuilder()
                    .username(basic.username())
                    .password(basic.password())
                    .build());
        }
        DittoSettings.Bearer bearer = (DittoSettings.Bearer) settings.auth();
        return AuthenticationProviders.accessToken(AccessTokenAuthenticationConfiguration.newBuilder()
                .identifier("linetwin")
                .accessTokenSupplier(() -> ImmutableJsonWebToken.fromToken(bearer.token()))
                .build());
    }

    private static <T> T await(CompletionStage<T> stage, DittoSettings settings)
            throws InterruptedException, ExecutionException, TimeoutException {
        return stage.toCompletableFuture().get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** (Re)loads one Thing from the server; kept only when newer than what the twin holds. */
    public TwinEvent load(ThingId id) throws InterruptedException, ExecutionException, TimeoutException {
        Thing thing = await(client.twin().forId(id).retrieve(WITH_REVISION), settings);
        long revision = thing.getRevision().map(r -> r.toLong()).orElse(0L);
        Thing plain = Thing.newBuilder()
                .setId(id)
                .setAttributes(thing.getAttributes()
                        .orElse(org.eclipse.ditto.things.model.ThingsModelFactory.emptyAttributes()))
                .setFeatures(
                        thing.getFeatures().orElse(org.eclipse.ditto.things.model.ThingsModelFactory.emptyFeatures()))
                .build();
        return revision > 0
                ? store.put(plain, revision)
                : store.put(plain, store.revisionOf(id).orElse(0) + 1);
    }

    private void onChange(ThingChange change) {
        try {
            ThingUpdate.Action action = change.getAction() == ChangeAction.MERGED
                    ? ThingUpdate.Action.MERGE
                    : change.getAction() == ChangeAction.DELETED ? ThingUpdate.Action.DELETE : ThingUpdate.Action.SET;
            // Thing-level registrations deliver the changed value wrapped in a partial Thing.
            Optional<JsonValue> value = change.isPartial() && !change.getPath().isEmpty()
                    ? change.getValue()
                            .filter(JsonValue::isObject)
                            .flatMap(v -> v.asObject().getValue(change.getPath()))
                    : change.getValue();
            ThingUpdate update = new ThingUpdate(
                    ThingId.of(change.getEntityId()),
                    action,
                    change.getPath(),
                    action == ThingUpdate.Action.DELETE ? Optional.empty() : value,
                    change.getRevision() > 0 ? OptionalLong.of(change.getRevision()) : OptionalLong.empty(),
                    change.getTimestamp());
            store.apply(update);
        } catch (RuntimeException e) {
            // The client's dispatcher must keep running; the change is logged and dropped.
            LOG.warn(
                    "ignored Ditto change {} ({}): {}",
                    change.getPath(),
                    RejectReason.NOT_DITTO_PROTOCOL,
                    e.getMessage());
        }
    }

    /** Sends a modify command; completes when Ditto answered with a 2xx status. */
    @Override
    public CompletionStage<Void> send(Signal<?> signal) {
        if (!(signal instanceof ThingModifyCommand<?>)) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("only thing modify commands go to Ditto, got " + signal.getType()));
        }
        Adaptable request = adapter.toAdaptable(signal);
        return client.sendDittoProtocol(request).thenApply(response -> {
            HttpStatus status = response.getPayload().getHttpStatus().orElse(HttpStatus.INTERNAL_SERVER_ERROR);
            if (!status.isSuccess()) {
                throw new IllegalStateException("Ditto refused " + signal.getType() + " with " + status.getCode() + ": "
                        + response.getPayload().getValue().map(Object::toString).orElse(""));
            }
            return null;
        });
    }

    @Override
    public void close() {
        reloader.close();
        client.destroy();
    }
}

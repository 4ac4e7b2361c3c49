package io.linetwin.twin.sync;

import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.TwinThing;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.protocol.Adaptable;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.adapter.DittoProtocolAdapter;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.ThingErrorResponse;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.modify.ModifyFeatureProperty;
import org.eclipse.ditto.things.model.signals.commands.modify.ModifyFeaturePropertyResponse;
import org.eclipse.ditto.things.model.signals.commands.query.RetrieveThing;
import org.eclipse.ditto.things.model.signals.commands.query.RetrieveThingResponse;

/**
 * A STAND-IN for a Ditto server's {@code /ws/2} endpoint, for tests only: a minimal RFC 6455 server on a
 * loopback socket that speaks Ditto Protocol through Ditto's own classes. It checks the Authorization
 * header, acknowledges {@code START-SEND-EVENTS}, answers {@code retrieveThing} with the Thing and its
 * revision, applies {@code modifyFeatureProperty} to its own Things and publishes the resulting
 * {@code featurePropertyModified} event to subscribers, as Ditto would. It is not Ditto: no policies,
 * no search, no acknowledgements, one text frame per message.
 */
public final class DittoGateway implements AutoCloseable {

    private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final String expectedAuthorization;
    private final TwinStore things;
    private final DittoProtocolAdapter adapter = DittoProtocolAdapter.newInstance();
    private final CopyOnWriteArrayList<Connection> subscribers = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong refusedLogins = new AtomicLong();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;
    private final Thread acceptor;

    /** @param things the gateway's own Things ("the server side"), changed by commands it receives */
    public DittoGateway(TwinStore things, String expectedAuthorization) throws IOException {
        this(things, expectedAuthorization, 0);
    }

    /** On a given port (0: any free one), e.g. the port of a gateway closed before, to restart it. */
    public DittoGateway(TwinStore things, String expectedAuthorization, int port) throws IOException {
        this.things = things;
        this.expectedAuthorization = expectedAuthorization;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        acceptor = new Thread(this::acceptLoop, "ditto-gateway-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String endpoint() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    public long refusedLogins() {
        return refusedLogins.get();
    }

    /** Text messages received from clients (protocol commands and Ditto Protocol JSON). */
    public List<String> received() {
        return List.copyOf(received);
    }

    public int subscribers() {
        return subscribers.size();
    }

    /** Changes a Thing on the "server" and pushes the event to subscribers, as a device update would. */
    public synchronized void change(
            ThingId id, String feature, String property, org.eclipse.ditto.json.JsonValue value) {
        long revision = things.revisionOf(id).orElseThrow() + 1;
        Signal<?> event =
                DittoMessages.propertyModified(id, feature, property, value, revision, java.time.Instant.now());
        things.apply(DittoMessages.toJson(event));
        broadcast(DittoMessages.toJson(event));
    }

    private void broadcast(String json) {
        for (Connection c : subscribers) {
            try {
                c.sendText(json);
            } catch (IOException e) {
                subscribers.remove(c);
            }
        }
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread t = new Thread(() -> serve(socket), "ditto-gateway-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            Map<String, String> headers = new HashMap<>();
            String requestLine = readLine(in);
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            if (!requestLine.startsWith("GET /ws/2")) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (!expectedAuthorization.equals(headers.get("authorization"))) {
                refusedLogins.incrementAndGet();
                out.write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String accept = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-1")
                            .digest((headers.get("sec-websocket-key") + WS_GUID).getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Connection connection = new Connection(out);
            try {
                readFrames(new DataInputStream(in), connection);
            } finally {
                subscribers.remove(connection);
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            // The client went away; nothing to clean up beyond the socket.
        }
    }

    private void readFrames(DataInputStream in, Connection connection) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            long length = b1 & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            if ((b1 & 0x80) != 0) {
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            switch (opcode) {
                case 0x8 -> {
                    connection.send(0x8, payload);
                    return;
                }
                case 0x9 -> connection.send(0xA, payload);
                case 0xA -> {}
                case 0x0, 0x1, 0x2 -> {
                    message.write(payload);
                    if (fin) {
                        handle(message.toString(StandardCharsets.UTF_8), connection);
                        message.reset();
                    }
                }
                default -> throw new IOException("unknown opcode " + opcode);
            }
        }
    }

    private void handle(String text, Connection connection) throws IOException {
        received.add(text);
        if (text.startsWith("START-SEND-EVENTS")) {
            // A session subscribes once however often it asks, as with Ditto.
            subscribers.addIfAbsent(connection);
            connection.sendText("START-SEND-EVENTS:ACK");
            return;
        }
        if (text.startsWith("STOP-SEND-EVENTS")) {
            subscribers.remove(connection);
            connection.sendText("STOP-SEND-EVENTS:ACK");
            return;
        }
        if (text.startsWith("START-SEND-") || text.startsWith("STOP-SEND-")) {
            int q = text.indexOf('?');
            connection.sendText((q < 0 ? text : text.substring(0, q)) + ":ACK");
            return;
        }
        Adaptable request = ProtocolFactory.jsonifiableAdaptableFromJson(JsonFactory.newObject(text));
        Signal<?> signal = adapter.fromAdaptable(request);
        Signal<?> response;
        List<String> events = new ArrayList<>();
        synchronized (this) {
            if (signal instanceof RetrieveThing retrieve) {
                var found = things.snapshot().get(retrieve.getEntityId());
                response = found.isPresent()
                        ? RetrieveThingResponse.of(
                                retrieve.getEntityId(), withRevision(found.get()), retrieve.getDittoHeaders())
                        : notFound(retrieve.getEntityId(), signal);
            } else if (signal instanceof ModifyFeatureProperty modify) {
                long revision = things.revisionOf(modify.getEntityId()).orElse(-1) + 1;
                Signal<?> event = DittoMessages.propertyModified(
                        modify.getEntityId(),
                        modify.getFeatureId(),
                        modify.getPropertyPointer().toString(),
                        modify.getPropertyValue(),
                        revision,
                        java.time.Instant.now());
                if (revision > 0 && things.apply(DittoMessages.toJson(event)) instanceof TwinEvent.Applied) {
                    response = ModifyFeaturePropertyResponse.modified(
                            modify.getEntityId(),
                            modify.getFeatureId(),
                            modify.getPropertyPointer(),
                            modify.getDittoHeaders());
                    events.add(DittoMessages.toJson(event));
                } else {
                    response = notFound(modify.getEntityId(), signal);
                }
            } else {
                return;
            }
        }
        connection.sendText(ProtocolFactory.wrapAsJsonifiableAdaptable(adapter.toAdaptable(response))
                .toJsonString());
        events.forEach(this::broadcast);
    }

    private static JsonObject withRevision(TwinThing t) {
        return t.thing().toJson().setValue("_revision", t.revision());
    }

    private static Signal<?> notFound(ThingId id, Signal<?> request) {
        return ThingErrorResponse.of(
                id,
                ThingNotAccessibleException.newBuilder(id)
                        .dittoHeaders(request.getDittoHeaders())
                        .build(),
                request.getDittoHeaders());
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed during handshake");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** Server-side frames are never masked (RFC 6455 §5.1). */
    private static final class Connection {
        private final OutputStream out;

        Connection(OutputStream out) {
            this.out = out;
        }

        void sendText(String text) throws IOException {
            send(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        synchronized void send(int opcode, byte[] payload) throws IOException {
            out.write(0x80 | opcode);
            if (payload.length < 126) {
                out.write(payload.length);
            } else if (payload.length < 65536) {
                out.write(126);
                out.write(payload.length >>> 8);
                out.write(payload.length & 0xFF);
            } else {
                out.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) ((long) payload.length >>> shift) & 0xFF);
                }
            }
            out.write(payload);
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        // The JDK releases a listening socket only when the thread blocked in accept() has left it; until then
        // the port stays taken, and a gateway restarted on it (the reconnect test) would fail to bind.
        try {
            acceptor.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

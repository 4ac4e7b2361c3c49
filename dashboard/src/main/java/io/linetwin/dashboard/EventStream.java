package io.linetwin.dashboard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The open server-sent-event streams of the live page. Each client gets every view as a {@code state} event; a
 * client that stops reading is dropped (a write fails) and its exchange completed. One writer at a time per client:
 * the next event waits until the previous write has finished, and is skipped if it has not (a slow client sees the
 * latest state, never a backlog).
 */
final class EventStream {

    private final List<Client> clients = new CopyOnWriteArrayList<>();

    private static final class Client {
        private final Response response;
        private final Callback exchange;
        private boolean writing;
        private boolean closed;

        Client(Response response, Callback exchange) {
            this.response = response;
            this.exchange = exchange;
        }
    }

    /** Opens a stream on {@code response} and sends {@code first} at once. */
    void open(Response response, Callback exchange, String first) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Accel-Buffering", "no");
        Client client = new Client(response, exchange);
        clients.add(client);
        send(client, "retry: 2000\nevent: state\ndata: " + first + "\n\n");
    }

    void broadcast(String json) {
        String event = "event: state\ndata: " + json + "\n\n";
        clients.forEach(client -> send(client, event));
    }

    /** A comment line: keeps idle connections (and proxies) from timing the stream out. */
    void ping() {
        clients.forEach(client -> send(client, ": ping\n\n"));
    }

    int size() {
        return clients.size();
    }

    void closeAll() {
        for (Client client : clients) {
            close(client, null);
        }
    }

    private void send(Client client, String text) {
        synchronized (client) {
            if (client.closed || client.writing) {
                return;
            }
            client.writing = true;
        }
        client.response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), new Callback() {
            @Override
            public void succeeded() {
                synchronized (client) {
                    client.writing = false;
                }
            }

            @Override
            public void failed(Throwable failure) {
                close(client, failure);
            }
        });
    }

    private void close(Client client, Throwable failure) {
        synchronized (client) {
            if (client.closed) {
                return;
            }
            client.closed = true;
        }
        clients.remove(client);
        if (failure == null) {
            client.response.write(true, ByteBuffer.allocate(0), client.exchange);
        } else {
            client.exchange.failed(failure);
        }
    }
}

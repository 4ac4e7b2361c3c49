package io.linetwin.twin.sync;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach a Ditto server's WebSocket API. Credentials come from the environment (or other
 * runtime config) through {@link #fromEnvironment}, never from scenario or config files, and are
 * masked in {@code toString}.
 *
 * @param endpoint {@code ws://host:port} or {@code wss://host:port} (the client appends {@code /ws/2})
 * @param auth     basic or bearer authentication
 * @param timeout  for connecting and for each request
 */
public record DittoSettings(URI endpoint, Auth auth, Duration timeout) {

    public static final String ENV_USERNAME = "LINETWIN_DITTO_USERNAME";
    public static final String ENV_PASSWORD = "LINETWIN_DITTO_PASSWORD";
    public static final String ENV_TOKEN = "LINETWIN_DITTO_TOKEN";

    public DittoSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!"ws".equals(endpoint.getScheme()) && !"wss".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("endpoint must be ws:// or wss://, got " + endpoint);
        }
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
        }
    }

    /** The closed set of ways LineTwin authenticates at Ditto. */
    public sealed interface Auth {}

    public record Basic(String username, String password) implements Auth {
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (username.isBlank()) {
                throw new IllegalArgumentException("username must not be blank, got \"" + username + "\"");
            }
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=***]";
        }
    }

    public record Bearer(String token) implements Auth {
        public Bearer {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
        }

        @Override
        public String toString() {
            return "Bearer[token=***]";
        }
    }

    /** Bearer when {@value #ENV_TOKEN} is set, else basic from {@value #ENV_USERNAME}/{@value #ENV_PASSWORD}. */
    public static DittoSettings fromEnvironment(URI endpoint, Map<String, String> env) {
        String token = env.get(ENV_TOKEN);
        if (token != null && !token.isBlank()) {
            return new DittoSettings(endpoint, new Bearer(token), Duration.ofSeconds(30));
        }
        String user = env.get(ENV_USERNAME);
        String password = env.get(ENV_PASSWORD);
        if (user == null || password == null) {
            throw new IllegalArgumentException("Ditto credentials must be in " + ENV_TOKEN + " or " + ENV_USERNAME
                    + " and " + ENV_PASSWORD + ", got none");
        }
        return new DittoSettings(endpoint, new Basic(user, password), Duration.ofSeconds(30));
    }
}

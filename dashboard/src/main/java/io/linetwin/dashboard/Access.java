package io.linetwin.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may change something: a request that carries the session token (printed at start) in the
 * {@code X-LineTwin-Token} header and comes from this dashboard's own pages. A cross-site page cannot send that
 * header without a CORS preflight the server never grants, and its {@code Origin} / {@code Sec-Fetch-Site} would
 * not match anyway; both are checked. Everything else is read-only.
 */
public final class Access {

    public static final String TOKEN_HEADER = "X-LineTwin-Token";

    private final byte[] token;

    private Access(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh random token (128 bits, URL-safe). */
    public static Access random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return new Access(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A configured credential, e.g. from an environment variable. */
    public static Access of(String token) {
        if (Objects.requireNonNull(token, "token").strip().length() < 12) {
            throw new IllegalArgumentException(
                    "token must be at least 12 characters, got " + token.strip().length());
        }
        return new Access(token.strip());
    }

    public String token() {
        return new String(token, StandardCharsets.UTF_8);
    }

    /**
     * Why a changing request is refused, or empty when it may go on.
     *
     * @param host the request's Host header, {@code origin} its Origin (null when absent), {@code fetchSite} its
     *     Sec-Fetch-Site (null when absent)
     */
    public Optional<String> refusal(String presented, String host, String origin, String fetchSite) {
        if (presented == null || presented.isEmpty()) {
            return Optional.of("read-only: this needs the token printed when the dashboard started");
        }
        if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("wrong token");
        }
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return Optional.of("cross-site request refused");
        }
        if (origin != null
                && (host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host)))) {
            return Optional.of("cross-site request refused: origin " + origin);
        }
        return Optional.empty();
    }
}

package vn.city.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identities of bearer tokens whose signature and claims quarkus-oidc has verified, by the token's exact text,
 * until the token's own expiry. A token is immutable and its signature covers every byte, so the same text verifies
 * the same way until it expires; a changed byte is another key and is verified afresh. Bounded: when full, the expired
 * entries go, and if none had expired, all go.
 */
final class VerifiedTokens {

    private record Verified(SecurityIdentity identity, long expiresAtSecond) {
    }

    private final int capacity;
    private final ConcurrentHashMap<String, Verified> byToken = new ConcurrentHashMap<>();

    VerifiedTokens(int capacity) {
        this.capacity = capacity;
    }

    /** The verified identity of {@code token}, or null when it was never verified here or has expired by {@code now}. */
    SecurityIdentity get(String token, Instant now) {
        Verified v = byToken.get(token);
        if (v == null) {
            return null;
        }
        if (now.getEpochSecond() >= v.expiresAtSecond()) {
            byToken.remove(token, v);
            return null;
        }
        return v.identity();
    }

    /** Keeps a verified identity; only a JWT's with an expiry (nothing without one is kept). */
    void put(String token, SecurityIdentity identity, Instant now) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        long exp = jwt.getExpirationTime();
        if (exp <= now.getEpochSecond()) {
            return;
        }
        if (byToken.size() >= capacity) {
            byToken.values().removeIf(v -> now.getEpochSecond() >= v.expiresAtSecond());
            if (byToken.size() >= capacity) {
                byToken.clear();
            }
        }
        byToken.put(token, new Verified(identity, exp));
    }

    int size() {
        return byToken.size();
    }
}

package vn.city.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-12-01T05:00:00Z");

    record Jwt(String name, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp", "preferred_username");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claim) {
            return (T) Map.<String, Object>of("exp", exp, "preferred_username", name).get(claim);
        }
    }

    static SecurityIdentity identity(String user, long exp) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new Jwt(user, exp)).addRole("officer").build();
    }

    @Test
    void aVerifiedTokenIsKnownUntilItsOwnExpiry() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        SecurityIdentity officer = identity("officer-eco", NOW.getEpochSecond() + 300);
        tokens.put("header.payload.signature", officer, NOW);

        assertThat(tokens.get("header.payload.signature", NOW)).isSameAs(officer);
        assertThat(tokens.get("header.payload.signature", NOW.plusSeconds(299))).isSameAs(officer);
        assertThat(tokens.get("header.payload.signature", NOW.plusSeconds(300))).as("expired: verified afresh").isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void anyOtherTextIsAnotherToken() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.put("header.payload.signature", identity("officer-eco", NOW.getEpochSecond() + 300), NOW);

        assertThat(tokens.get("header.payload.signaturf", NOW)).isNull();
        assertThat(tokens.get("header.payloaD.signature", NOW)).isNull();
    }

    @Test
    void onlyAJwtWithAnExpiryStillAheadIsKept() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        Principal plain = () -> "service";
        tokens.put("a", QuarkusSecurityIdentity.builder().setPrincipal(plain).build(), NOW);
        tokens.put("b", identity("officer-eco", NOW.getEpochSecond()), NOW);
        tokens.put("c", QuarkusSecurityIdentity.builder().setAnonymous(true).build(), NOW);
        tokens.put("d", null, NOW);

        assertThat(tokens.size()).isZero();
    }

    @Test
    void whenFullTheExpiredGoFirstThenAll() {
        VerifiedTokens tokens = new VerifiedTokens(2);
        tokens.put("soon", identity("a", NOW.getEpochSecond() + 10), NOW);
        tokens.put("later", identity("b", NOW.getEpochSecond() + 600), NOW);
        Instant afterSoon = NOW.plusSeconds(20);
        tokens.put("new", identity("c", NOW.getEpochSecond() + 600), afterSoon);

        assertThat(tokens.get("later", afterSoon)).isNotNull();
        assertThat(tokens.get("new", afterSoon)).isNotNull();
        tokens.put("newer", identity("d", NOW.getEpochSecond() + 600), afterSoon);
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.get("newer", afterSoon)).isNotNull();
    }
}

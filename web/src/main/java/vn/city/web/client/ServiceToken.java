package vn.city.web.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user's own token for a service's {@code Authorization} header. Every rule (own unit, roles) stays with the
 * service: the web never uses a token of its own.
 * <p>
 * With a plain access token the services' policy enforcers ask Keycloak for a decision on every call. The user's
 * access token is therefore exchanged once per service for a requesting party token (RPT, the UMA grant with the
 * service as audience), which carries the user's permissions for that service; it lives as long as the access token
 * it came from and is kept in memory until then. If the exchange is refused the access token is sent as it is.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Logger LOG = Logger.getLogger(ServiceToken.class);
    private static final int MAX_ENTRIES = 5_000;

    private record Entry(String token, Instant expires) {
    }

    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final boolean rptEnabled;
    private final URI tokenEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, Entry> rpts = new ConcurrentHashMap<>();

    public ServiceToken(SecurityIdentity identity, ObjectMapper json,
            @ConfigProperty(name = "city.web.rpt.enabled", defaultValue = "true") boolean rptEnabled,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServer) {
        this.identity = identity;
        this.json = json;
        this.rptEnabled = rptEnabled;
        this.tokenEndpoint = URI.create(authServer + "/protocol/openid-connect/token");
    }

    /** {@code Bearer <token>} for the service with this Keycloak client id (= token audience). */
    public String bearer(String audience) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            throw new IllegalStateException("no access token: the page needs a logged-in user");
        }
        String access = credential.getToken();
        if (!rptEnabled) {
            return "Bearer " + access;
        }
        String key = audience + ':' + sha256(access);
        Entry e = rpts.get(key);
        Instant now = Instant.now();
        if (e == null || e.expires().isBefore(now.plusSeconds(5))) {
            e = exchange(access, audience, now);
            if (rpts.size() > MAX_ENTRIES) {
                rpts.values().removeIf(x -> x.expires().isBefore(now));
            }
            rpts.put(key, e);
        }
        return "Bearer " + e.token();
    }

    private Entry exchange(String access, String audience, Instant now) {
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:uma-ticket", StandardCharsets.UTF_8)
                + "&audience=" + URLEncoder.encode(audience, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + access)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                JsonNode body = json.readTree(r.body());
                long expiresIn = body.path("expires_in").asLong(60);
                return new Entry(body.path("access_token").asText(), now.plusSeconds(expiresIn));
            }
            LOG.debugf("RPT for %s refused (%d): the access token is sent as it is", audience, r.statusCode());
        } catch (java.io.IOException e) {
            LOG.warnf("RPT for %s not obtained (%s): the access token is sent as it is", audience, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // remember the refusal briefly, so a user without permissions does not cost a Keycloak call per request
        return new Entry(access, now.plusSeconds(30));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package vn.city.common.availability;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether Keycloak answers now, asked only when it matters: a request the policy enforcer refused, or a token the
 * OIDC layer could not check, may have failed because Keycloak is away, and such a request is answered 503 (retry
 * later) instead of 401/403. The answer is one GET of the realm's discovery document (what the services fetch
 * anyway), with a short timeout, shared by concurrent callers and kept for {@link #FRESH} so an outage under load
 * costs one probe a second, not one a request.
 */
@ApplicationScoped
public class IdentityServer {

    private static final Logger LOG = Logger.getLogger(IdentityServer.class);
    static final Duration FRESH = Duration.ofSeconds(1);
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** The last answer: reachable or not, when, and why not. */
    public record Status(boolean reachable, Instant checkedAt, String detail) {
    }

    private final Vertx vertx;
    private final Optional<String> authServerUrl;
    private final AtomicReference<Status> last = new AtomicReference<>();
    private final AtomicReference<Uni<Status>> inFlight = new AtomicReference<>();
    private volatile HttpClient client;

    public IdentityServer(Vertx vertx, @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl) {
        this.vertx = vertx;
        this.authServerUrl = authServerUrl;
    }

    /** Whether a Keycloak is configured at all (tests may run without OIDC). */
    public boolean configured() {
        return authServerUrl.isPresent();
    }

    /** The last known status, or null before the first probe. */
    public Status lastKnown() {
        return last.get();
    }

    /** Keycloak's status, probed now unless a probe is younger than a second. */
    public Uni<Status> status() {
        return status(true);
    }

    /**
     * Keycloak's status for judging a refusal that just happened: "unreachable" younger than a second is reused (an
     * outage under load costs one probe a second), "reachable" never is, since Keycloak may have gone away since.
     */
    public Uni<Status> statusForRefusal() {
        return status(false);
    }

    private Uni<Status> status(boolean reuseReachable) {
        Status known = last.get();
        if (known != null && (reuseReachable || !known.reachable())
                && known.checkedAt().plus(FRESH).isAfter(Instant.now())) {
            return Uni.createFrom().item(known);
        }
        if (authServerUrl.isEmpty()) {
            return Uni.createFrom().item(new Status(true, Instant.now(), "no OIDC server configured"));
        }
        Uni<Status> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Uni<Status> probe = probe().memoize().indefinitely();
        if (!inFlight.compareAndSet(null, probe)) {
            return inFlight.get() == null ? probe : inFlight.get();
        }
        return probe.onTermination().invoke(() -> inFlight.set(null));
    }

    private Uni<Status> probe() {
        String url = authServerUrl.get().replaceAll("/+$", "") + "/.well-known/openid-configuration";
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setTimeout(TIMEOUT.toMillis());
        return Uni.createFrom().<Status>emitter(emitter -> client().request(options)
                        .compose(req -> req.send().compose(resp -> resp.body().map(b -> resp.statusCode())))
                        .onComplete(ar -> {
                            if (ar.succeeded() && ar.result() == 200) {
                                emitter.complete(new Status(true, Instant.now(), "discovery answered 200"));
                            } else {
                                String why = ar.succeeded() ? "discovery answered " + ar.result()
                                        : String.valueOf(ar.cause());
                                emitter.complete(new Status(false, Instant.now(), why));
                            }
                        }))
                .invoke(s -> {
                    Status before = last.getAndSet(s);
                    if (before == null || before.reachable() != s.reachable()) {
                        if (s.reachable()) {
                            LOG.infof("Keycloak reachable at %s", url);
                        } else {
                            LOG.warnf("Keycloak unreachable at %s (%s): requests that need its decision answer 503", url,
                                    s.detail());
                        }
                    }
                });
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int) TIMEOUT.toMillis()).setKeepAlive(false));
                }
            }
        }
        return client;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}

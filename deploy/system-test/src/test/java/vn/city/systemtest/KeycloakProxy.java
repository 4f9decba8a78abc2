package vn.city.systemtest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP proxy in front of the shared Keycloak that a test can cut, so a Keycloak outage is simulated for the
 * service instances configured with it ({@code quarkus.oidc.auth-server-url=http://localhost:<port>/realms/city})
 * while Keycloak itself keeps serving the other engineers.
 * <p>
 * Keycloak must keep seeing {@code Host: localhost:8180}: it derives the issuer from the request's host and checks
 * the user's token against it when the policy enforcer asks for a decision, and tokens carry
 * {@code iss=http://localhost:8180/realms/city}. So this proxy speaks HTTP, forwards every request to
 * {@code http://localhost:8180} (which sets that Host) and rewrites {@code http://localhost:8180} in the answers to
 * its own address, so the discovery documents send the services' JWKS, token (UMA) and other calls through it too.
 * The services keep the token issuer with {@code quarkus.oidc.token.issuer=http://localhost:8180/realms/city}.
 * A cut closes the listening socket: callers get "connection refused", as when Keycloak is stopped.
 */
public final class KeycloakProxy implements AutoCloseable {

    public static final String KEYCLOAK = "http://localhost:8180";
    private static final Set<String> HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings");

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLong forwarded = new AtomicLong();
    private ExecutorService executor;
    private volatile HttpServer server;

    public KeycloakProxy(int port) {
        this.port = port;
    }

    public String realmUrl() {
        return "http://localhost:" + port + "/realms/city";
    }

    public long forwarded() {
        return forwarded.get();
    }

    public synchronized KeycloakProxy restore() {
        if (server != null) {
            return this;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
            executor = Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "keycloak-proxy");
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(executor);
            s.createContext("/", this::forward);
            s.start();
            server = s;
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port, e);
        }
    }

    public synchronized void cut() {
        HttpServer s = server;
        server = null;
        if (s != null) {
            s.stop(0);
            executor.shutdownNow();
        }
    }

    @Override
    public void close() {
        cut();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(KEYCLOAK + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(20))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> req.header(name, v));
                }
            });
            HttpResponse<byte[]> resp;
            try {
                resp = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            forwarded.incrementAndGet();
            byte[] out = resp.body();
            String type = resp.headers().firstValue("content-type").orElse("");
            if (type.contains("json") || type.startsWith("text/")) {
                out = new String(out, StandardCharsets.UTF_8).replace(KEYCLOAK, "http://localhost:" + port)
                        .getBytes(StandardCharsets.UTF_8);
            }
            resp.headers().map().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            exchange.sendResponseHeaders(resp.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }
}

package vn.city.systemtest;

import org.awaitility.core.ConditionTimeoutException;
import vn.city.systemtest.ServiceProcesses.Instance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * HTTP calls of the fault tests, one new connection a call (no keep-alive: a pooled connection to a stopping process
 * would make a failure ambiguous), in front of one or more replicas like a load balancer: a replica that refuses the
 * connection (not listening: stopped or not started yet) is skipped and the next one tried, which is safe because
 * nothing was sent. Every answer is recorded with its status, so a test can report the status of each failed request.
 */
public final class Traffic {

    static {
        System.setProperty("http.keepAlive", "false");
    }

    /** One call's outcome; status -1 when the connection broke after the request was sent. */
    public record Result(String op, String tag, int status, long millis, String retryAfter, String contentType,
                         String body, int connectionsRefused, String error) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** What a client may retry: 503 with Retry-After as problem+json (the service said "not now"). */
        public boolean retryable503() {
            return status == 503 && retryAfter != null && contentType != null
                    && contentType.startsWith("application/problem+json");
        }
    }

    private final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    private final AtomicInteger next = new AtomicInteger();

    /** One call to the first replica that accepts the connection, starting round-robin. */
    public Result call(String op, String tag, List<Instance> replicas, String method, String path, String token,
                       String json) {
        int start = next.getAndIncrement();
        long t0 = System.nanoTime();
        int refused = 0;
        // a replica stopping or starting refuses connections for a few seconds: keep going round the replicas
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            // the balancer's list may change between attempts (a replica taken out while it stops)
            List<Instance> view = List.copyOf(replicas);
            if (view.isEmpty()) {
                // every replica taken out of the balancer: wait until one is back in it (or the deadline)
                long left = deadline - System.nanoTime();
                try {
                    await().atMost(Duration.ofNanos(Math.max(left, 1))).pollInterval(Duration.ofMillis(20))
                            .until(() -> !replicas.isEmpty());
                } catch (ConditionTimeoutException none) {
                    break;
                }
                continue;
            }
            Instance target = view.get(Math.floorMod(start + attempt, view.size()));
            try {
                Result r = once(op, tag, target.baseUri() + path, method, token, json, t0, refused);
                results.add(r);
                return r;
            } catch (ConnectException refusedNow) {
                refused++;
                if (attempt % view.size() == view.size() - 1) {
                    sleep(200);
                }
            } catch (IOException broken) {
                Result r = new Result(op, tag, -1, (System.nanoTime() - t0) / 1_000_000, null, null, null, refused,
                        broken.toString());
                results.add(r);
                return r;
            }
        }
        Result r = new Result(op, tag, -2, (System.nanoTime() - t0) / 1_000_000, null, null, null, refused,
                "no replica accepted a connection for 30 s");
        results.add(r);
        return r;
    }

    private static Result once(String op, String tag, String url, String method, String token, String json, long t0,
                               int refused) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setConnectTimeout(3000);
        c.setReadTimeout(60_000);
        c.setRequestMethod(method);
        c.setRequestProperty("Accept", "application/json");
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (json != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = c.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        String body;
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Result(op, tag, status, (System.nanoTime() - t0) / 1_000_000, c.getHeaderField("Retry-After"),
                c.getContentType(), body, refused, null);
    }

    /**
     * Waits until {@code count} more {@code op} requests have succeeded than had so far: the system serves again
     * under the running load (before a fault, between faults, after the last one).
     */
    public void awaitSuccesses(String op, int count, java.time.Duration atMost) {
        long start = successes(op);
        org.awaitility.Awaitility.await(count + " more successful " + op + " requests").atMost(atMost)
                .pollInterval(java.time.Duration.ofMillis(50)).until(() -> successes(op) >= start + count);
    }

    private long successes(String op) {
        return results.stream().filter(r -> r.ok() && r.op().equals(op)).count();
    }

    public List<Result> results() {
        return List.copyOf(results);
    }

    /** Counts by operation and status, e.g. {@code {figure 201=380, figure 503=24}}. */
    public static Map<String, Integer> statuses(List<Result> results) {
        Map<String, Integer> m = new TreeMap<>();
        results.forEach(r -> m.merge(r.op() + " " + r.status(), 1, Integer::sum));
        return m;
    }

    /** Runs {@code body} on {@code threads} threads until {@code stop} says so. */
    public static Thread[] loop(String name, int threads, Supplier<Boolean> stop, Runnable body) {
        Thread[] ts = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            ts[i] = new Thread(() -> {
                while (!stop.get()) {
                    body.run();
                }
            }, name + "-" + i);
            ts[i].setDaemon(true);
            ts[i].start();
        }
        return ts;
    }

    public static void join(Thread[] threads) {
        for (Thread t : threads) {
            try {
                t.join(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A fixed pause of the generated load (a client's think time or back-off) or of a fault's window: never a wait
     * for a condition, which the tests express with Awaitility.
     */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The p-th percentile (0–100) of the latencies. */
    public static long percentile(List<Result> results, double p) {
        long[] ms = results.stream().mapToLong(Result::millis).sorted().toArray();
        if (ms.length == 0) {
            return 0;
        }
        return ms[Math.min(ms.length - 1, (int) Math.ceil(p / 100.0 * ms.length) - 1 < 0 ? 0
                : (int) Math.ceil(p / 100.0 * ms.length) - 1)];
    }
}

package vn.city.web.page;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.city.web.client.Dto;
import vn.city.web.client.IndicatorApi;
import vn.city.web.client.MeetingApi;
import vn.city.web.client.ServiceToken;
import vn.city.web.client.TaskApi;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** The three services and the user's token for each; {@link #async} runs independent reads in parallel. A singleton
 * (no client proxy), so the pages read its fields directly. */
@Singleton
public class Backend {

    final IndicatorApi indicator;
    final TaskApi task;
    final MeetingApi meeting;
    private final ServiceToken token;
    private final ExecutorService pool = Executors.newFixedThreadPool(48, r -> {
        Thread t = new Thread(r, "web-backend-read");
        t.setDaemon(true);
        return t;
    });

    private final io.quarkus.security.identity.SecurityIdentity identity;

    public Backend(@RestClient IndicatorApi indicator, @RestClient TaskApi task, @RestClient MeetingApi meeting,
            ServiceToken token, io.quarkus.security.identity.SecurityIdentity identity) {
        this.identity = identity;
        this.indicator = indicator;
        this.task = task;
        this.meeting = meeting;
        this.token = token;
    }

    String indicatorToken() {
        return token.bearer(IndicatorApi.AUDIENCE);
    }

    String taskToken() {
        return token.bearer(TaskApi.AUDIENCE);
    }

    String meetingToken() {
        return token.bearer(MeetingApi.AUDIENCE);
    }

    private record Cached(Object value, long expiresAt) {
    }

    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A read kept for {@code seconds} for this user only (the key starts with the user's name): the catalogue, the
     * units and closed months' results, which a person re-reads on every page. Never shared between users, so what a
     * user sees was always read with that user's own token.
     */
    @SuppressWarnings("unchecked")
    <T> T cached(String user, String key, int seconds, java.util.function.Supplier<T> read) {
        long now = System.currentTimeMillis();
        String k = user + '\u0000' + key;
        Cached c = cache.get(k);
        if (c != null && c.expiresAt() > now) {
            return (T) c.value();
        }
        T value = read.get();
        if (cache.size() > 20_000) {
            cache.values().removeIf(x -> x.expiresAt() <= now);
        }
        cache.put(k, new Cached(value, now + seconds * 1000L));
        return value;
    }

    /** The logged-in user's name (on the request's thread). */
    String user() {
        return identity.getPrincipal().getName();
    }

    /** After a change the user made: what this user reads next comes fresh from the services. */
    void forget() {
        String prefix = user() + '\u0000';
        cache.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** The indicator catalogue (kept a minute for the user). */
    List<Dto.Indicator> indicators(String user, String bearer) {
        return cached(user, "indicators", 60, () -> indicator.indicators(bearer));
    }

    /** The organisation units (kept a minute for the user). */
    List<Dto.Unit> units(String user, String bearer) {
        return cached(user, "units", 60, () -> indicator.units(bearer));
    }

    /** All results of a month (CSV): kept 10 s for the current month, a minute for earlier ones. */
    String resultsCsv(String user, String bearer, String period) {
        boolean current = period.equals(Periods.currentMonth().toString());
        return cached(user, "results " + period, current ? 10 : 60, () -> indicator.resultsCsv(bearer, period));
    }

    /** What was kept for this user under {@code key}, or null. */
    @SuppressWarnings("unchecked")
    <T> T kept(String user, String key) {
        Cached c = cache.get(user + '\u0000' + key);
        return c != null && c.expiresAt() > System.currentTimeMillis() ? (T) c.value() : null;
    }

    void keep(String user, String key, Object value, int seconds) {
        cache.put(user + '\u0000' + key, new Cached(value, System.currentTimeMillis() + seconds * 1000L));
    }

    /** A read on another thread: the token is taken before, on the request's thread. */
    <T> CompletableFuture<T> async(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, pool);
    }
}

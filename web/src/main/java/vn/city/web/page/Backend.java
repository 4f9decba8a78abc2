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

    private final UserReads reads = new UserReads();

    /**
     * A read kept for {@code seconds} for this user only ({@link UserReads}): the catalogue, the units, a month's
     * results, the reporting window, which a person re-reads on every page. Never shared between users, so what a
     * user sees was always read with that user's own token; {@link #forget} after the user's own change.
     */
    <T> T cached(String user, String key, int seconds, Supplier<T> read) {
        return reads.get(user, key, seconds, read);
    }

    /** The logged-in user's name (on the request's thread). */
    String user() {
        return identity.getPrincipal().getName();
    }

    /** After a change the user made: what this user reads next comes fresh from the services. */
    void forget() {
        reads.forget(user());
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
    <T> T kept(String user, String key) {
        return reads.peek(user, key);
    }

    void keep(String user, String key, Object value, int seconds) {
        reads.put(user, key, value, seconds);
    }

    /** The reporting window of a month (its data range and deadline): kept a minute for the user. */
    com.fasterxml.jackson.databind.JsonNode window(String user, String bearer, String period) {
        return cached(user, "window " + period, 60, () -> indicator.window(bearer, period));
    }

    /** Which units have not reported what in a month's window: kept 10 s for the user, forgotten after its changes. */
    Dto.Completeness completeness(String user, String bearer, String period) {
        return cached(user, "completeness " + period, 10, () -> indicator.completeness(bearer, period));
    }

    /** A read on another thread: the token is taken before, on the request's thread. */
    <T> CompletableFuture<T> async(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, pool);
    }
}

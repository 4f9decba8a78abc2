package vn.city.web.page;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.city.web.client.IndicatorApi;
import vn.city.web.client.MeetingApi;
import vn.city.web.client.ServiceToken;
import vn.city.web.client.TaskApi;

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
    private final ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "web-backend-read");
        t.setDaemon(true);
        return t;
    });

    public Backend(@RestClient IndicatorApi indicator, @RestClient TaskApi task, @RestClient MeetingApi meeting,
            ServiceToken token) {
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

    /** A read on another thread: the token is taken before, on the request's thread. */
    <T> CompletableFuture<T> async(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, pool);
    }
}

package vn.city.task.task;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicReader;
import vn.city.task.support.Fixtures;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.city.common.testing.Api.as;
import static vn.city.task.support.Fixtures.newTask;

/** Measures what a user and a consumer wait for: the HTTP round trip, and assignment until the event is on the broker. */
@QuarkusTest
class RoundTripTest {

    private static final Logger LOG = Logger.getLogger(RoundTripTest.class);

    @Inject
    AgroalDataSource db;

    @Test
    void measuresRoundTrips() {
        Fixtures.units(db, "FIN");
        String future = LocalDate.now().plusMonths(1).toString();
        as("leader").get("/api/tasks?mine=true").then().statusCode(200); // warm up
        // the first write of a fresh JVM pays for class loading and query compilation: not what users see
        as("leader").body(newTask("Làm nóng " + UUID.randomUUID(), "FIN", "[]", future, future.substring(0, 7)))
                .post("/api/tasks").then().statusCode(201);
        try (TopicReader events = new TopicReader(Fixtures.TASK_TOPIC)) {
            long t0 = System.nanoTime();
            String id = as("leader").body(newTask("Đo " + UUID.randomUUID(), "FIN", "[]", future, future.substring(0, 7)))
                    .post("/api/tasks").then().statusCode(201).extract().path("taskId");
            long created = System.nanoTime();
            events.await(n -> id.equals(n.path("subject").asText()), Duration.ofSeconds(30));
            long published = System.nanoTime();

            long[] creates = new long[5];
            for (int i = 0; i < creates.length; i++) {
                long s = System.nanoTime();
                as("leader").body(newTask("Đo " + UUID.randomUUID(), "FIN", "[]", future, future.substring(0, 7)))
                        .post("/api/tasks").then().statusCode(201);
                creates[i] = System.nanoTime() - s;
            }
            Arrays.sort(creates);
            LOG.infof("MEASURED create round trips (ms): %s", Arrays.toString(Arrays.stream(creates)
                    .map(c -> c / 1_000_000).toArray()));
            int n = 20;
            long[] progress = new long[n];
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                as("officer-fin").body("{\"percent\": " + (i * 5) + ", \"text\": \"Tiến độ " + i + "\"}")
                        .post("/api/tasks/{id}/progress", id).then().statusCode(201);
                progress[i] = System.nanoTime() - s;
            }
            Arrays.sort(progress);
            LOG.infof("MEASURED create round trip %d ms; create -> task-assigned on the broker %d ms; "
                            + "progress report round trip median %d ms, max %d ms (n=%d, with the policy enforcer)",
                    (created - t0) / 1_000_000, (published - t0) / 1_000_000, progress[n / 2] / 1_000_000,
                    progress[n - 1] / 1_000_000, n);
            assertThat(progress[n / 2]).isLessThan(Duration.ofSeconds(2).toNanos());
        }
    }
}

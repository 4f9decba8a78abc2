package vn.city.task.overdue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicReader;
import vn.city.common.testing.AsyncApiContract;
import vn.city.task.support.Fixtures;
import vn.city.common.testing.TestClock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.city.common.testing.Api.as;
import static vn.city.task.support.Fixtures.newTask;

/** Overdue detection with a controlled clock: once per task and deadline, also with two runs at once. */
@QuarkusTest
class OverdueDetectionTest {

    @Inject
    AgroalDataSource db;
    @Inject
    OverdueDetector detector;

    private String unit;

    @BeforeEach
    void units() {
        unit = Fixtures.randomUnit();
        Fixtures.units(db, unit);
    }

    @AfterEach
    void resetClock() {
        TestClock.release();
    }

    @Test
    void twoConcurrentRunsAnnounceEachOverdueTaskOnceAndAnExtensionStartsAgain() throws Exception {
        TestClock.atNoon(LocalDate.of(2022, 7, 1));
        String late1 = create("Báo cáo tình hình GPMB", "2022-07-05");
        String late2 = create("Rà soát quỹ đất tái định cư", "2022-07-05");
        String done = create("Cấp phép xây dựng đúng hạn", "2022-07-05");
        String ongoing = create("Duy tu bảo dưỡng đường bộ", null);
        String future = create("Quy hoạch sử dụng đất", "2022-07-31");
        as("leader").post("/api/tasks/{id}/start", done);
        as("leader").body("{\"result\": \"Xong\"}").post("/api/tasks/{id}/submit", done).then().statusCode(200);
        as("leader").body("{}").post("/api/tasks/{id}/accept", done).then().statusCode(200);
        Set<String> ours = Set.of(late1, late2, done, ongoing, future);
        Predicate<JsonNode> overdueOfOurs = n -> TopicReader.type("city.task.task-overdue.v1").test(n)
                && ours.contains(n.path("subject").asText());

        try (TopicReader events = new TopicReader(Fixtures.TASK_TOPIC)) {
            TestClock.atNoon(LocalDate.of(2022, 7, 6));
            // the deadline day itself is not overdue yet; the day after is
            as("leader").get("/api/tasks/{id}", late1).then().body("overdue", equalTo(true));
            as("leader").get("/api/tasks?overdue=true&unit=" + unit).then().statusCode(200)
                    .body("taskId", hasItem(late1)).body("taskId", not(hasItem(future)));

            int[] announced = runConcurrently(2);
            List<JsonNode> first = events.awaitCount(overdueOfOurs, 2, Duration.ofSeconds(30));
            List<JsonNode> all = events.drain(overdueOfOurs, Duration.ofSeconds(3));
            assertThat(all).hasSize(2);
            assertThat(all).extracting(n -> n.path("subject").asText()).containsExactlyInAnyOrder(late1, late2);
            assertThat(announced[0] + announced[1]).as("runs together announced").isGreaterThanOrEqualTo(2);
            JsonNode event = first.get(0);
            assertThat(event.path("data").path("deadline").asText()).isEqualTo("2022-07-05");
            assertThat(event.path("data").path("task").path("overdue").asBoolean()).isTrue();
            assertThat(AsyncApiContract.of("task-service").violations(event)).isEmpty();
            assertThat(Fixtures.count(db, "select count(*) from task_overdue_notice where task_id = any (?::uuid[])",
                    (Object) new String[] {late1, late2})).isEqualTo(2);

            // a later run finds nothing new
            TestClock.atNoon(LocalDate.of(2022, 7, 8));
            runConcurrently(1);
            assertThat(events.drain(overdueOfOurs, Duration.ofSeconds(2))).hasSize(2);

            // a granted extension is a new deadline: overdue again once it passes
            String rid = as("leader").body("{\"newDeadline\": \"2022-07-20\", \"reason\": \"Chờ ý kiến Sở\"}")
                    .post("/api/tasks/{id}/extension-requests", late1).then().statusCode(201).extract().path("id");
            as("leader").body("{}").post("/api/tasks/{id}/extension-requests/{rid}/grant", late1, rid)
                    .then().statusCode(200);
            as("leader").get("/api/tasks/{id}", late1).then().body("overdue", equalTo(false));
            TestClock.atNoon(LocalDate.of(2022, 7, 21));
            runConcurrently(2);
            List<JsonNode> after = events.awaitCount(overdueOfOurs, 3, Duration.ofSeconds(30));
            assertThat(events.drain(overdueOfOurs, Duration.ofSeconds(3)))
                    .extracting(n -> n.path("subject").asText() + "@" + n.path("data").path("deadline").asText())
                    .containsExactlyInAnyOrder(late1 + "@2022-07-05", late2 + "@2022-07-05", late1 + "@2022-07-20");
            assertThat(after).isNotEmpty();
        }
    }

    private int[] runConcurrently(int runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            CountDownLatch ready = new CountDownLatch(runs);
            CompletableFuture<Void> go = new CompletableFuture<>();
            List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < runs; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.join();
                    return detector.runNow();
                }));
            }
            ready.await();
            go.complete(null);
            int[] out = new int[runs];
            for (int i = 0; i < runs; i++) {
                out[i] = results.get(i).get();
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private String create(String title, String deadline) {
        return as("leader").body(newTask(title + " " + UUID.randomUUID(), unit, "[]", deadline, "2022-07"))
                .post("/api/tasks").then().statusCode(201).extract().path("taskId");
    }
}

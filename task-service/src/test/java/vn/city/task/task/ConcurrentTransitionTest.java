package vn.city.task.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.TopicReader;
import vn.city.task.support.Fixtures;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.city.common.testing.Api.as;
import static vn.city.task.support.Fixtures.newTask;

/** Two leaders deciding on one submission at once: exactly one decision wins, the other gets 409. */
@QuarkusTest
class ConcurrentTransitionTest {

    @Inject
    AgroalDataSource db;

    @Test
    void concurrentAcceptAndReturnOneWins() throws Exception {
        Fixtures.units(db, "FIN");
        String future = LocalDate.now().plusMonths(2).toString();
        String id = as("leader").body(newTask("Đồng thời " + UUID.randomUUID(), "FIN", "[]", future, future.substring(0, 7)))
                .post("/api/tasks").then().statusCode(201).extract().path("taskId");
        as("officer-fin").post("/api/tasks/{id}/start", id).then().statusCode(200);
        as("officer-fin").body("{\"result\": \"Xong\"}").post("/api/tasks/{id}/submit", id).then().statusCode(200);
        as("leader").get("/api/tasks/{id}", id); // warm the token cache outside the race

        try (TopicReader events = new TopicReader(Fixtures.TASK_TOPIC)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CompletableFuture<Void> go = new CompletableFuture<>();
            List<Future<Integer>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> {
                go.join();
                return as("leader").body("{}").post("/api/tasks/{id}/accept", id).statusCode();
            }));
            answers.add(pool.submit(() -> {
                go.join();
                return as("leader").body("{\"reason\": \"Thiếu số liệu\"}").post("/api/tasks/{id}/return", id).statusCode();
            }));
            go.complete(null);
            List<Integer> codes = List.of(answers.get(0).get(), answers.get(1).get());
            pool.shutdownNow();
            assertThat(codes).containsExactlyInAnyOrder(200, 409);

            String status = as("leader").get("/api/tasks/{id}", id).then().extract().path("status");
            assertThat(status).isEqualTo(codes.get(0) == 200 ? "DONE" : "IN_PROGRESS");
            Predicate<JsonNode> decision = n -> id.equals(n.path("subject").asText())
                    && (TopicReader.type("city.task.task-completed.v1").test(n)
                    || TopicReader.type("city.task.task-returned.v1").test(n));
            events.awaitCount(decision, 1, Duration.ofSeconds(30));
            assertThat(events.drain(decision, Duration.ofSeconds(2))).hasSize(1);
            assertThat(Fixtures.count(db, "select count(*) from task_transition where task_id = ?::uuid "
                    + "and action in ('ACCEPT', 'RETURN')", id)).isEqualTo(1);
        }
    }
}

package vn.city.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.Tokens;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness says "can serve": with the broker stopped (a short window, the broker is shared) every service stays
 * ready, a figure submission is accepted, and the outbox age (city_outbox_oldest_pending_age_seconds and the
 * readiness details) grows until the broker is back, then the outbox drains.
 */
class BrokerOutageReadinessIT {

    static final Duration MAX_OUTAGE = Duration.ofSeconds(25);

    @Test
    void withTheBrokerStoppedReadinessStaysUpASubmissionIsAcceptedAndTheOutboxAgeGrows() throws Exception {
        ServiceProcesses processes = ServiceProcesses.get();
        Instance indicator = processes.base(Service.INDICATOR);
        String code = "ST_READY_" + Steps.suffix();
        Steps.createIndicator(code, "Chỉ tiêu kiểm thử sẵn sàng khi Kafka ngừng", "tấn", "FIN", List.of("FIN"));
        String token = Tokens.of("officer-fin");
        await("the outbox is empty before the outage").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Metrics.sum(indicator, "city_outbox_pending", Map.of()) == 0);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        double age1;
        double age2;
        Instant pausedAt;
        Duration outage;
        LocalBroker.pause();
        pausedAt = Instant.now();
        try {
            String body = "{\"indicatorCode\":\"" + code + "\",\"unitCode\":\"FIN\",\"period\":\"" + Steps.lastMonth()
                    + "\",\"version\":\"ESTIMATE\",\"value\":42,\"note\":\"Kafka ngừng: vẫn nhận số liệu\"}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(indicator.baseUri() + "/api/figures"))
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("submission with the broker stopped: %s", r.body()).isEqualTo(201);

            await("the outbox age is seen").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Metrics.sum(indicator, "city_outbox_pending", Map.of()) >= 1
                            && Metrics.sum(indicator, "city_outbox_oldest_pending_age_seconds", Map.of()) >= 1);
            age1 = Metrics.sum(indicator, "city_outbox_oldest_pending_age_seconds", Map.of());
            await("the outbox age grows").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Metrics.sum(indicator, "city_outbox_oldest_pending_age_seconds", Map.of()) >= age1 + 3);
            age2 = Metrics.sum(indicator, "city_outbox_oldest_pending_age_seconds", Map.of());

            for (Service s : Service.values()) {
                Instance inst = processes.base(s);
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(inst.readyUri()))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(ready.statusCode()).as(s.module + " /q/health/ready with the broker stopped: " + ready.body())
                        .isEqualTo(200);
                JsonNode health = Api.JSON.readTree(ready.body());
                assertThat(health.path("status").asText()).isEqualTo("UP");
                if (s == Service.INDICATOR) {
                    JsonNode outbox = null;
                    for (JsonNode check : health.path("checks")) {
                        if (check.path("name").asText().equals("outbox")) {
                            outbox = check;
                        }
                    }
                    assertThat(outbox).as("readiness details show the outbox").isNotNull();
                    assertThat(outbox.path("data").path("pending").asLong()).isPositive();
                }
            }
        } finally {
            LocalBroker.resume();
            outage = Duration.between(pausedAt, Instant.now());
        }
        assertThat(outage).as("the shared broker was stopped only briefly").isLessThan(MAX_OUTAGE.plusSeconds(10));
        await("the outbox drains once the broker is back").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Metrics.sum(indicator, "city_outbox_pending", Map.of()) == 0
                        && Metrics.sum(indicator, "city_outbox_oldest_pending_age_seconds", Map.of()) == 0);
        Figures.record("broker-outage-readiness", "broker stopped %d ms: every service ready (200 UP), submission 201, "
                + "city_outbox_oldest_pending_age_seconds %.1f -> %.1f s, drained after resume", outage.toMillis(), age1, age2);
    }
}

package vn.city.common.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTemplateLabelsTest {

    @Test
    void aRawPathRefusedBeforeRoutingBecomesItsResourcePrefix() {
        assertThat(RouteTemplateLabels.template("/api/tasks/3f2c9d1e-0000-4000-8000-000000000000/start")).isEqualTo("/api/tasks/**");
        assertThat(RouteTemplateLabels.template("/api/tasks/{id}/start")).isEqualTo("/api/tasks/{id}/start");
        assertThat(RouteTemplateLabels.template("/api/me")).isEqualTo("/api/me");
        assertThat(RouteTemplateLabels.template("UNKNOWN")).isEqualTo("UNKNOWN");
    }

    @Test
    void theFilterRewritesOnlyRefusalsAndAddsLatencyBuckets() {
        RouteTemplateLabels labels = new RouteTemplateLabels();
        MeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(labels.routeTemplatesOnly()).meterFilter(labels.latencyBuckets());
        Timer.builder("http.server.requests").tag("uri", "/api/meetings/42/conclusion").tag("status", "401")
                .register(registry).record(Duration.ofMillis(3));
        Timer.builder("http.server.requests").tag("uri", "/api/meetings/{id}").tag("status", "200")
                .register(registry).record(Duration.ofMillis(3));
        assertThat(registry.find("http.server.requests").tag("uri", "/api/meetings/**").tag("status", "401").timer()).isNotNull();
        assertThat(registry.find("http.server.requests").tag("uri", "/api/meetings/42/conclusion").timer()).isNull();
        Timer ok = registry.find("http.server.requests").tag("uri", "/api/meetings/{id}").timer();
        assertThat(ok).isNotNull();
        assertThat(ok.takeSnapshot().histogramCounts()).hasSize(RouteTemplateLabels.LATENCY_BUCKETS.length);
    }
}

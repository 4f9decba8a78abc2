package vn.city.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Keeps the {@code uri} label of the HTTP server metrics a route template. A request refused before it reaches a
 * resource (401 without a valid token, 403 from the policy enforcer, 404/405 of no route) has no template, and
 * Quarkus would label it with the raw path: one time series per task, meeting or figure id. Such a path is cut to
 * its first two segments, {@code /api/tasks/3f2c…/start} becoming {@code /api/tasks/**}. The HTTP server timer
 * also gets latency buckets for the p99 alert.
 */
public class RouteTemplateLabels {

    static final String HTTP_SERVER = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter routeTemplatesOnly() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith(HTTP_SERVER)) {
                    return id;
                }
                String uri = id.getTag("uri");
                String status = id.getTag("status");
                if (uri == null || !refusedBeforeRouting(status)) {
                    return id;
                }
                String template = template(uri);
                if (template.equals(uri)) {
                    return id;
                }
                List<Tag> tags = id.getTags().stream().map(t -> t.getKey().equals("uri") ? Tag.of("uri", template) : t).toList();
                return id.replaceTags(tags);
            }
        };
    }

    /**
     * Latency buckets for the HTTP server timer (p99 alert and dashboard: {@code histogram_quantile} over
     * {@code http_server_requests_seconds_bucket}); a few fixed buckets rather than Micrometer's ~70.
     */
    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().startsWith(HTTP_SERVER)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .build()
                        .merge(config);
            }
        };
    }

    static final double[] LATENCY_BUCKETS = java.util.stream.Stream.of(25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .mapToDouble(ms -> java.time.Duration.ofMillis(ms).toNanos())
            .toArray();

    static boolean refusedBeforeRouting(String status) {
        return status != null && (status.equals("401") || status.equals("403") || status.equals("404")
                || status.equals("405"));
    }

    /** A template stays; a raw path longer than two segments is cut to {@code /first/second/**}. */
    static String template(String uri) {
        if (uri.contains("{") || !uri.startsWith("/")) {
            return uri;
        }
        String[] segments = uri.substring(1).split("/", -1);
        if (segments.length <= 2) {
            return uri;
        }
        return "/" + segments[0] + "/" + segments[1] + "/**";
    }
}

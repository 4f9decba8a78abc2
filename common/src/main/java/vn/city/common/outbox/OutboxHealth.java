package vn.city.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the outbox backlog in the readiness details without ever making the service not ready: while Kafka is away
 * the API keeps accepting writes, which wait here (the OutboxStuck alert fires on the age). Readiness goes DOWN only
 * for what prevents serving: the database (the datasource health checks).
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final OutboxBacklog backlog;

    public OutboxHealth(OutboxBacklog backlog) {
        this.backlog = backlog;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox")
                .up()
                .withData("pending", backlog.pending())
                .withData("oldestPendingAgeSeconds", backlog.oldestPendingAge().toSeconds())
                .withData("refreshedAt", String.valueOf(backlog.refreshedAt()))
                .build();
    }
}

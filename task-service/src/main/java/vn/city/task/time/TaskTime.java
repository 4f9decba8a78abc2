package vn.city.task.time;

import jakarta.enterprise.context.ApplicationScoped;
import vn.city.task.TaskConfig;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Now and today in the committee's time zone, from the injectable clock. */
@ApplicationScoped
public class TaskTime {

    private final Clock clock;
    private final TaskConfig config;

    public TaskTime(Clock clock, TaskConfig config) {
        this.clock = clock;
        this.config = config;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return dateOf(now());
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(config.zone()).toLocalDate();
    }
}

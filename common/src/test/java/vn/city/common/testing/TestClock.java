package vn.city.common.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: real time until a test stops it at an instant, and real time again after
 * {@link #release()}. {@link Producer} makes it the application's {@link Clock} in every {@code @QuarkusTest}
 * (it is an alternative with priority, so it wins over the service's own producer).
 */
public final class TestClock extends Clock {

    /** The city's time zone, where "noon of a day" is meant. */
    public static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final TestClock INSTANCE = new TestClock(null);

    private final ZoneId zone;
    private static volatile Instant fixed;

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Stops the clock at an instant. */
    public static void at(Instant instant) {
        fixed = instant;
    }

    /** Stops the clock at noon of that day in the city. */
    public static void atNoon(LocalDate day) {
        fixed = day.atTime(LocalTime.NOON).atZone(CITY).toInstant();
    }

    /** Back to real time. */
    public static void release() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return zone == null ? ZoneOffset.UTC : zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    /** Replaces the application's clock in tests. */
    @Dependent
    public static class Producer {
        @Produces
        @Singleton
        @Alternative
        @Priority(1)
        TestClock clock() {
            return INSTANCE;
        }
    }
}

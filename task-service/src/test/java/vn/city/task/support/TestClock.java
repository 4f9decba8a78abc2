package vn.city.task.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: the real time unless a test sets it. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    public static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");
    private volatile Instant fixed;

    public void set(Instant instant) {
        fixed = instant;
    }

    /** Sets the time to noon of that day in the city. */
    public void setDay(LocalDate day) {
        fixed = day.atTime(LocalTime.NOON).atZone(CITY).toInstant();
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}

package vn.city.indicator.support;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can stop at an instant (for deadlines) and release back to real time. */
public class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();
    private volatile Instant fixed;

    public static void at(Instant instant) {
        INSTANCE.fixed = instant;
    }

    public static void release() {
        INSTANCE.fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return INSTANCE.withZone(z);
            }

            @Override
            public Instant instant() {
                return INSTANCE.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    /** Replaces the application's default clock in tests. */
    public static class Producer {
        @Produces
        @Singleton
        Clock clock() {
            return INSTANCE;
        }
    }
}

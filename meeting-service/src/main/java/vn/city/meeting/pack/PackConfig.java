package vn.city.meeting.pack;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.time.ZoneId;
import io.smallrye.config.WithDefault;

/** How packs are served. */
@ConfigMapping(prefix = "city.pack")
public interface PackConfig {

    /**
     * The city's time zone: a pack's day (a deadline passed, a task completed within the period) is the city's day,
     * not UTC's (a task completed at 01:00 on the 1st in Vietnam belongs to the new month).
     */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();

    /**
     * How often results without a ready line are looked for (rows loaded behind the consumers' back: an upgrade from
     * before pack lines, a direct load such as the benchmark's history); 0 turns the sweep off. Cheap while nothing
     * changed: one count.
     */
    @WithDefault("5s")
    Duration sweepInterval();
}

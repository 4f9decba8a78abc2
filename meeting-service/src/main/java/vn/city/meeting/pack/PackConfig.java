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

    /**
     * How soon marked pack lines are rebuilt after an event of this process marked them (the events of that moment
     * share one build per line); marks of other replicas are looked for at least every {@link #pendingPoll()}. A pack
     * read builds its period's marked lines itself, so this bounds only how stale a stored line may be.
     */
    @WithDefault("100ms")
    Duration pendingInterval();

    /**
     * While marks keep coming, the share of the build thread's time that building them may take: after a look that
     * built lines for {@code d}, the next one waits at least {@code d × (1 − share) / share}. At the cut-off-day peak
     * a period's lines cost more to build than the events that marked them; spacing the builds lets more events share
     * one, and leaves the database to the consumers. A pack read builds its period's marks itself, so it never shows
     * less than the read models hold.
     */
    @WithDefault("0.25")
    double pendingBuildShare();

    /** How often marks left by other replicas (or a replica that stopped) are looked for when this one marked none. */
    @WithDefault("2s")
    Duration pendingPoll();
}

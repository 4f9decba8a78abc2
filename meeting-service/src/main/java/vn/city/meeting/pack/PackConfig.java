package vn.city.meeting.pack;

import io.smallrye.config.ConfigMapping;
import java.time.ZoneId;
import io.smallrye.config.WithDefault;

/** How period packs are served. */
@ConfigMapping(prefix = "city.pack")
public interface PackConfig {

    /**
     * Serve a period's live pack from memory while the read model's version (pack_version, raised in the same
     * transaction as every change by the consumers) is the one it was built under; else read it again.
     */
    @WithDefault("true")
    boolean cache();

    /** Packs kept in memory (period × task scope × day). */
    @WithDefault("512")
    int cacheEntries();

    /**
     * The city's time zone: a pack's day (a deadline passed, a task completed within the period) is the city's day,
     * not UTC's (a task completed at 01:00 on the 1st in Vietnam belongs to the new month).
     */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();
}

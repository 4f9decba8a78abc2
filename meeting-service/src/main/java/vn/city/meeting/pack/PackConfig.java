package vn.city.meeting.pack;

import io.smallrye.config.ConfigMapping;
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
}

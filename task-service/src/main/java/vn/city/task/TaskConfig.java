package vn.city.task;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

@ConfigMapping(prefix = "city.task")
public interface TaskConfig {

    /** The committee's time zone: deadlines are calendar days there. */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();

    /** How often the overdue job runs ({@code off} disables it on this instance). */
    @WithDefault("1m")
    String overdueCheck();

    FollowUp followUpOffTrack();

    interface FollowUp {
        /** Whether an {@code indicator-off-track} event opens a follow-up task for the indicator's owner unit. */
        @WithDefault("false")
        boolean enabled();

        /** Days the owner unit gets to answer an off-track signal. */
        @WithDefault("30")
        int days();
    }
}

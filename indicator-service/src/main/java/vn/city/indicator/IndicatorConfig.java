package vn.city.indicator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.ZoneId;

@ConfigMapping(prefix = "city.indicator")
public interface IndicatorConfig {

    /** An indicator is off track when it lags its expected attainment by more than this many points. */
    @WithDefault("5")
    BigDecimal offTrackMarginPoints();

    Outlier outlier();

    Reporting reporting();

    interface Outlier {
        /** Standard deviations from the mean of the unit's history. */
        @WithDefault("3")
        double stddevFactor();

        /** Times above (or below) the median of the unit's history. */
        @WithDefault("10")
        double medianRatio();

        @WithDefault("3")
        int minHistory();
    }

    /** Decree 09/2019/NĐ-CP reporting windows and deadlines. */
    interface Reporting {
        /** The city's time zone: deadlines end at midnight there. */
        @WithDefault("Asia/Ho_Chi_Minh")
        ZoneId zone();

        /** Data cut-off day of a period's last month (the decree: the 14th). */
        @WithDefault("14")
        int cutOffDay();

        /** Deadline day of a month's report, in the reporting month (the decree's latest: the 20th). */
        @WithDefault("20")
        int monthlyDeadlineDay();

        @WithDefault("20")
        int quarterlyDeadlineDay();

        @WithDefault("20")
        int halfYearDeadlineDay();

        @WithDefault("20")
        int yearlyDeadlineDay();
    }
}

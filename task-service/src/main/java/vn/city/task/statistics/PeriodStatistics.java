package vn.city.task.statistics;

import java.time.LocalDate;
import java.util.List;

/** Per-unit task counts of a period (by lead unit), as of a day. */
public record PeriodStatistics(String period, LocalDate asOf, List<UnitStatistics> units, UnitStatistics total) {
}

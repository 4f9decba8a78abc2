package vn.city.task.statistics;

/**
 * One unit's tasks of a period, as the briefing pack shows them. Every task not cancelled is in exactly one of
 * doneOnTime, doneLate, overdue, inProgress, so they add up to assigned.
 */
public record UnitStatistics(String unitCode, long assigned, long doneOnTime, long doneLate, long overdue,
                             long inProgress, long cancelled) {
}

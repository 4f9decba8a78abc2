package vn.city.task.task.service;

import vn.city.task.task.TaskStatus;

import java.time.LocalDate;

/** Filters of the task list; null means "any". */
public record TaskFilter(TaskStatus status, String unit, LocalDate deadlineFrom, LocalDate deadlineTo,
                         String meetingId, String indicator, String period, Boolean overdue, boolean mine) {
}

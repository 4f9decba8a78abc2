package vn.city.task.task.service;

import vn.city.task.task.Priority;
import vn.city.task.task.SourceKind;

import java.time.LocalDate;
import java.util.List;

/** A task to assign from a document or ad hoc (conclusions and indicator signals come through events). */
public record NewTask(String title, String content, SourceKind sourceKind, String documentNumber,
                      LocalDate documentDate, String leadUnit, List<String> coordinatingUnits, LocalDate deadline,
                      boolean ongoing, Priority priority, List<String> indicatorCodes, String period) {
}

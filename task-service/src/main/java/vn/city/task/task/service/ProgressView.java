package vn.city.task.task.service;

import vn.city.task.task.ProgressReport;

import java.time.Instant;
import java.util.UUID;

public record ProgressView(UUID id, UUID taskId, String unitCode, int percent, String text, String reportedBy,
                           Instant reportedAt) {

    public static ProgressView of(ProgressReport r) {
        return new ProgressView(r.id, r.taskId, r.unitCode, r.percent, r.text, r.reportedBy, r.reportedAt);
    }
}

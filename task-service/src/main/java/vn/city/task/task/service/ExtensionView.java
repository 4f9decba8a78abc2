package vn.city.task.task.service;

import vn.city.task.task.ExtensionRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ExtensionView(UUID id, UUID taskId, LocalDate currentDeadline, LocalDate requestedDeadline,
                            String reason, String requestedBy, Instant requestedAt, ExtensionRequest.Status status,
                            String decidedBy, Instant decidedAt, String decisionNote) {

    public static ExtensionView of(ExtensionRequest r) {
        return new ExtensionView(r.id, r.taskId, r.currentDeadline, r.requestedDeadline, r.reason, r.requestedBy,
                r.requestedAt, r.status, r.decidedBy, r.decidedAt, r.decisionNote);
    }
}

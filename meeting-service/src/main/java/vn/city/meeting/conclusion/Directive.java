package vn.city.meeting.conclusion;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A directive of the chair: becomes one task in the task-service; its id is stable across corrections. */
public record Directive(UUID directiveId, String title, String content, String leadUnit,
                        List<String> coordinatingUnits, LocalDate deadline, boolean ongoing, Priority priority,
                        List<String> indicatorCodes) {

    public enum Priority { HIGH, NORMAL, LOW }
}

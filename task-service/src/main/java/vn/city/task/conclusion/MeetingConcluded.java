package vn.city.task.conclusion;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What task-service reads of meeting-service's {@code meeting-concluded} event. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeetingConcluded(String meetingId, String conclusionId, Integer version, Integer correctsVersion,
                               String meetingTitle, String period, String chair, OffsetDateTime concludedAt,
                               List<Directive> directives) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Directive(String directiveId, String title, String content, String leadUnit,
                            List<String> coordinatingUnits, LocalDate deadline, Boolean ongoing, String priority,
                            List<String> indicatorCodes) {
    }
}

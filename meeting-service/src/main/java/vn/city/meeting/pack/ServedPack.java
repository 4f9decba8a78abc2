package vn.city.meeting.pack;

import com.fasterxml.jackson.annotation.JsonRawValue;
import vn.city.meeting.pack.BriefingPack.CarryOver;
import vn.city.meeting.pack.BriefingPack.TaskTotals;
import vn.city.meeting.pack.BriefingPack.UnitTasks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A live {@link BriefingPack} as it is served: the same JSON, with the indicator lines written as the consumers made
 * them ready ({@code indicators} is their JSON array, copied as it is), so a read neither parses nor re-writes them.
 */
public record ServedPack(UUID meetingId, String period, String periodLabel, OffsetDateTime asOf, boolean frozen,
                         OffsetDateTime frozenAt, @JsonRawValue String indicators, List<UnitTasks> units,
                         TaskTotals totals, List<CarryOver> carryOver, String taskScope) {
}

package vn.city.meeting.pack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.city.common.period.Period;
import vn.city.meeting.pack.BriefingPack.TaskState;
import vn.city.meeting.pack.BriefingPackBuilder.Facts;
import vn.city.meeting.pack.BriefingPackBuilder.Figure;
import vn.city.meeting.pack.BriefingPackBuilder.Task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BriefingPackBuilderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final OffsetDateTime T0 = OffsetDateTime.of(2022, 6, 30, 7, 0, 0, 0, ZoneOffset.UTC);

    static Figure figure(String code, String version, String value, String status, OffsetDateTime at) {
        ObjectNode r = JSON.createObjectNode();
        r.put("unitCode", "CITY");
        r.put("value", new BigDecimal(value));
        r.put("yearToDate", new BigDecimal(value).multiply(BigDecimal.TEN));
        r.put("attainmentPercent", new BigDecimal("50.58"));
        r.put("status", status);
        return new Figure(UUID.randomUUID().toString(), code, "Chỉ tiêu " + code, "tỷ đồng", "FLOW", "HIGHER_IS_BETTER",
                "CITY", version, new BigDecimal(value), at, at, r);
    }

    static Task task(String unit, String status, LocalDate deadline, boolean overdue, Boolean onTime) {
        return new Task(UUID.randomUUID(), "Nhiệm vụ", unit, status, deadline, deadline == null, overdue,
                "DONE".equals(status) ? T0 : null, onTime, null);
    }

    @Test
    void showsTheNewestFigureKnownAtTheInstantOffTrackFirst() {
        Facts facts = new Facts(List.of(
                figure("RETAIL", "ESTIMATE", "285", "ON_TRACK", T0.minusDays(2)),
                figure("BUDGET", "ESTIMATE", "4.15", "ON_TRACK", T0.minusDays(3)),
                figure("BUDGET", "OFFICIAL", "4.2", "BEHIND", T0.minusDays(1)),
                figure("RETAIL", "OFFICIAL", "290", "ON_TRACK", T0.plusDays(1))),
                Map.of("BUDGET", "RESOLUTION"), Set.of(), List.of(), Map.of(), List.of());
        BriefingPack pack = BriefingPackBuilder.build(UUID.randomUUID(), Period.tryParse("2022-06").orElseThrow(), T0, facts);
        assertThat(pack.indicators()).extracting(BriefingPack.IndicatorLine::indicatorCode).containsExactly("BUDGET", "RETAIL");
        assertThat(pack.indicators().get(0).offTrack()).isTrue();
        assertThat(pack.indicators().get(0).value()).isEqualByComparingTo("4.2");
        assertThat(pack.indicators().get(0).targetKind()).isEqualTo("RESOLUTION");
        assertThat(pack.indicators().get(1).value()).as("the revision after T0 is not yet known").isEqualByComparingTo("285");
        assertThat(pack.periodLabel()).isEqualTo("tháng 6/2022");
    }

    @Test
    void countsEachUnitsTasksByState() {
        LocalDate today = T0.toLocalDate();
        Facts facts = new Facts(List.of(), Map.of(), Set.of(), List.of(
                task("ENV", "DONE", today.minusDays(5), false, true),
                task("ENV", "DONE", today.minusDays(5), false, false),
                task("ENV", "IN_PROGRESS", today.minusDays(1), false, null),
                task("ENV", "ASSIGNED", today.plusDays(10), false, null),
                task("ENV", "ASSIGNED", null, false, null),
                task("FIN", "IN_PROGRESS", today.plusDays(3), true, null),
                task("FIN", "CANCELLED", today.plusDays(3), false, null)),
                Map.of("ENV", "Phòng Tài nguyên và Môi trường"), List.of());
        BriefingPack pack = BriefingPackBuilder.build(null, Period.tryParse("2022-06").orElseThrow(), T0, facts);
        BriefingPack.UnitTasks env = pack.units().get(0);
        assertThat(env.unitCode()).isEqualTo("ENV");
        assertThat(env.unitName()).isEqualTo("Phòng Tài nguyên và Môi trường");
        assertThat(List.of(env.doneOnTime(), env.doneLate(), env.overdue(), env.inProgress())).containsExactly(1, 1, 1, 2);
        BriefingPack.UnitTasks fin = pack.units().get(1);
        assertThat(List.of(fin.doneOnTime(), fin.doneLate(), fin.overdue(), fin.inProgress())).containsExactly(0, 0, 1, 0);
        assertThat(fin.tasks()).extracting(BriefingPack.TaskLine::state).contains(TaskState.CANCELLED);
        assertThat(pack.totals()).isEqualTo(new BriefingPack.TaskTotals(1, 1, 2, 2));
    }
}

package vn.city.meeting.pack;

import org.junit.jupiter.api.Test;
import vn.city.common.period.Period;
import vn.city.meeting.pack.BriefingPack.TaskState;
import vn.city.meeting.pack.BriefingPackBuilder.CityRow;
import vn.city.meeting.pack.BriefingPackBuilder.IndicatorRow;
import vn.city.meeting.pack.BriefingPackBuilder.Rows;
import vn.city.meeting.pack.BriefingPackBuilder.TaskRow;
import vn.city.meeting.pack.BriefingPackBuilder.UnitRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BriefingPackBuilderTest {

    static final OffsetDateTime T0 = OffsetDateTime.of(2022, 6, 30, 7, 0, 0, 0, ZoneOffset.UTC);

    static IndicatorRow indicator(String code, String nature) {
        return new IndicatorRow(code, "Chỉ tiêu " + code, "tỷ đồng", nature, "HIGHER_IS_BETTER", "Tài chính",
                "SUM_OF_UNITS", "PERCENT", 2, "RESOLUTION");
    }

    static CityRow city(String code, String value, String status, boolean partial) {
        return new CityRow(code, "Chỉ tiêu " + code, "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "Tài chính", "SUM_OF_UNITS",
                "PERCENT", 2, false, new BigDecimal(value), new BigDecimal(value), new BigDecimal("100"),
                new BigDecimal("40"), new BigDecimal("50"), null, null, status, null, partial, List.of("W-A"),
                partial ? List.of(new BriefingPack.UnitRef("W-B", "Phường B")) : List.of(), 3L, T0);
    }

    static UnitRow unit(String code, String unit, String period, String version, String value) {
        return new UnitRow(code, unit, "Phường " + unit, period, version, new BigDecimal(value), null, null, null, null,
                null, "ON_TRACK");
    }

    static TaskRow task(String unit, String status, LocalDate deadline, boolean overdue, Boolean onTime) {
        return new TaskRow(UUID.randomUUID(), "Nhiệm vụ", unit, "ENV".equals(unit) ? "Phòng Tài nguyên và Môi trường" : null,
                status, deadline, deadline == null, overdue, "DONE".equals(status) ? T0 : null, onTime, null);
    }

    @Test
    void theCityLineIsIndicatorServicesWithTheUnitsBeneathOffTrackFirst() {
        Rows rows = new Rows(List.of(indicator("RETAIL", "FLOW"), indicator("BUDGET", "FLOW"), indicator("RATE", "LEVEL")),
                List.of(city("RETAIL", "285", "ON_TRACK", false), city("BUDGET", "40", "BEHIND", true)),
                List.of(unit("BUDGET", "W-A", "2022-06", "ESTIMATE", "40"), unit("RATE", "W-A", "2022-06", "OFFICIAL", "3.1")),
                List.of(), List.of());
        BriefingPack pack = BriefingPackBuilder.build(UUID.randomUUID(), Period.tryParse("2022-06").orElseThrow(), T0, rows, null);
        assertThat(pack.indicators()).extracting(BriefingPack.IndicatorLine::indicatorCode)
                .containsExactly("BUDGET", "RATE", "RETAIL");
        BriefingPack.IndicatorLine budget = pack.indicators().get(0);
        assertThat(budget.offTrack()).isTrue();
        assertThat(budget.partial()).isTrue();
        assertThat(budget.missingUnits()).extracting(BriefingPack.UnitRef::name).containsExactly("Phường B");
        assertThat(budget.version()).as("an estimate among the units' figures").isEqualTo("ESTIMATE");
        assertThat(budget.units()).extracting(BriefingPack.UnitFigure::unitCode).containsExactly("W-A");
        BriefingPack.IndicatorLine rate = pack.indicators().get(1);
        assertThat(rate.cityFigure()).as("no city value formed: the ward's is not the city's").isFalse();
        assertThat(rate.value()).isNull();
        assertThat(rate.units()).singleElement().satisfies(u -> assertThat(u.value()).isEqualByComparingTo("3.1"));
        assertThat(pack.periodLabel()).isEqualTo("tháng 6/2022");
    }

    @Test
    void countsEachUnitsTasksByState() {
        LocalDate today = T0.toLocalDate();
        Rows rows = new Rows(List.of(), List.of(), List.of(), List.of(
                task("ENV", "DONE", today.minusDays(5), false, true),
                task("ENV", "DONE", today.minusDays(5), false, false),
                task("ENV", "IN_PROGRESS", today.minusDays(1), false, null),
                task("ENV", "ASSIGNED", today.plusDays(10), false, null),
                task("ENV", "ASSIGNED", null, false, null),
                task("FIN", "IN_PROGRESS", today.plusDays(3), true, null),
                task("FIN", "CANCELLED", today.plusDays(3), false, null)), List.of());
        BriefingPack pack = BriefingPackBuilder.build(null, Period.tryParse("2022-06").orElseThrow(), T0, rows, null);
        BriefingPack.UnitTasks env = pack.units().get(0);
        assertThat(env.unitCode()).isEqualTo("ENV");
        assertThat(env.unitName()).isEqualTo("Phòng Tài nguyên và Môi trường");
        assertThat(List.of(env.doneOnTime(), env.doneLate(), env.overdue(), env.inProgress())).containsExactly(1, 1, 1, 2);
        BriefingPack.UnitTasks fin = pack.units().get(1);
        assertThat(List.of(fin.doneOnTime(), fin.doneLate(), fin.overdue(), fin.inProgress())).containsExactly(0, 0, 1, 0);
        assertThat(fin.tasks()).extracting(BriefingPack.TaskLine::state).contains(TaskState.CANCELLED);
        assertThat(pack.totals()).isEqualTo(new BriefingPack.TaskTotals(1, 1, 2, 2));
    }

    @Test
    void revisedSinceListsEachDifference() {
        Rows then = new Rows(List.of(indicator("BUDGET", "FLOW")), List.of(city("BUDGET", "40", "BEHIND", true)),
                List.of(unit("BUDGET", "W-A", "2022-06", "ESTIMATE", "40")), List.of(), List.of());
        Rows now = new Rows(List.of(indicator("BUDGET", "FLOW")), List.of(city("BUDGET", "52", "ON_TRACK", false)),
                List.of(unit("BUDGET", "W-A", "2022-06", "OFFICIAL", "52")), List.of(), List.of());
        Period june = Period.tryParse("2022-06").orElseThrow();
        PackRevisions.Revisions r = PackRevisions.between(BriefingPackBuilder.build(null, june, T0, then, null),
                BriefingPackBuilder.build(null, june, T0.plusDays(3), now, null), T0.plusDays(3));
        assertThat(r.indicators()).singleElement().satisfies(l -> assertThat(l.differences())
                .extracting(d -> d.field() + ":" + d.unitCode() + ":" + d.then() + "→" + d.now())
                .contains("value:null:40→52", "version:null:ESTIMATE→OFFICIAL", "status:null:BEHIND→ON_TRACK",
                        "partial:null:true→false", "value:W-A:40→52"));
    }
}

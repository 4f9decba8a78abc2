package vn.city.meeting.report.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.common.security.Roles;
import vn.city.common.period.Period;
import vn.city.meeting.readmodel.UnitView;
import vn.city.meeting.report.ReportSection;
import vn.city.meeting.report.UnitReport;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Units' written reports of a period. An officer writes its own unit's; the secretariat writes for any unit (the city
 * office compiles reports handed in on paper).
 */
@ApplicationScoped
public class UnitReports {

    /** What a unit writes for one section of a period. */
    public record WriteReport(String unitCode, String period, ReportSection section, String text) {
    }

    /** A report as read back. */
    public record Report(String unitCode, String unitName, String period, ReportSection section, String text,
                         String writtenBy, OffsetDateTime writtenAt) {
    }

    @WithTransaction
    public Uni<Report> write(CurrentUser user, WriteReport cmd) {
        if (!(user.has(Roles.SECRETARIAT) || (user.has(Roles.OFFICER) && user.actsFor(cmd.unitCode())))) {
            throw ProblemException.forbidden("user '" + user.username() + "' of unit '" + user.department()
                    + "' may not write the report of unit '" + cmd.unitCode() + "'");
        }
        Period period = Period.tryParse(cmd.period()).orElseThrow(() -> ProblemException.invalid("period", "period-format",
                "period must be a month (2022-06), a quarter (2022-Q2), a half year (2022-H1) or a year (2022)"));
        return UnitView.<UnitView>findById(cmd.unitCode()).chain(unit -> {
            if (unit == null || !unit.active) {
                throw ProblemException.invalid("unitCode", "unknown-unit",
                        "unit '" + cmd.unitCode() + "' is not a known active organisation unit");
            }
            UnitReport.Key key = new UnitReport.Key(unit.code, period.toString(), cmd.section());
            return UnitReport.<UnitReport>findById(key).chain(existing -> {
                UnitReport r = existing != null ? existing : new UnitReport();
                r.key = key;
                r.text = cmd.text().strip();
                r.writtenBy = user.username();
                r.writtenAt = OffsetDateTime.now(ZoneOffset.UTC);
                return (existing != null ? Uni.createFrom().item(r) : r.persist())
                        .map(x -> view(r, unit.name));
            });
        });
    }

    @WithSession
    public Uni<List<Report>> ofPeriod(String period) {
        Period p = Period.tryParse(period).orElseThrow(() -> ProblemException.badRequest("period", "period-format",
                "period must look like 2022-06, 2022-Q2, 2022-H1 or 2022"));
        return reportsOf(p.toString());
    }

    /** The reports of a period in section order, then by unit (inside the caller's session). */
    public static Uni<List<Report>> reportsOf(String period) {
        return UnitReport.<UnitReport>find("key.period = ?1", period).list().chain(reports -> {
            List<String> codes = reports.stream().map(r -> r.key.unitCode).distinct().toList();
            Uni<List<UnitView>> units = codes.isEmpty() ? Uni.createFrom().item(List.of())
                    : UnitView.<UnitView>find("code in ?1", codes).list();
            return units.map(us -> reports.stream()
                    .sorted(java.util.Comparator.comparing((UnitReport r) -> r.key.section)
                            .thenComparing(r -> r.key.unitCode))
                    .map(r -> view(r, us.stream().filter(u -> u.code.equals(r.key.unitCode)).map(u -> u.name)
                            .findFirst().orElse(null)))
                    .toList());
        });
    }

    private static Report view(UnitReport r, String unitName) {
        return new Report(r.key.unitCode, unitName, r.key.period, r.key.section, r.text, r.writtenBy, r.writtenAt);
    }
}

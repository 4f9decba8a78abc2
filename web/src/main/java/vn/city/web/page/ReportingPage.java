package vn.city.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.city.web.client.Dto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tình hình báo cáo: which units have not reported which indicators in a month's window (indicator-service). */
@Path("/tinh-hinh-bao-cao")
@Produces(MediaType.TEXT_HTML)
public class ReportingPage {

    @CheckedTemplate(basePath = "reporting", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance page(Reporting r);
    }

    @TemplateData
    public record Reporting(String period, List<String> months, Dto.Completeness completeness,
            Map<String, String> indicatorNames) {
        public String indicatorName(String code) {
            return indicatorNames.getOrDefault(code, code);
        }

        public int missingUnits() {
            return completeness.missing() == null ? 0 : completeness.missing().size();
        }
    }

    private final Backend backend;

    public ReportingPage(Backend backend) {
        this.backend = backend;
    }

    @GET
    public TemplateInstance page(@QueryParam("ky") String asked) {
        String period = Periods.monthOr(asked).toString();
        String ib = backend.indicatorToken();
        String me = backend.user();
        var completeness = backend.async(() -> backend.completeness(me, ib, period));
        var indicators = backend.async(() -> backend.indicators(me, ib));
        Map<String, String> names = new LinkedHashMap<>();
        indicators.join().forEach(i -> names.put(i.code(), i.name()));
        return Templates.page(new Reporting(period, Periods.recentMonths(6), completeness.join(), names));
    }
}

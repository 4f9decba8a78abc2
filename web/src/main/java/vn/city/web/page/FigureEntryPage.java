package vn.city.web.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.city.web.client.Dto;
import vn.city.web.client.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nhập số liệu: an officer's form for its own unit's indicators of a month (the secretariat may pick any unit), the
 * reporting window's deadline, and a CSV upload. Every value is sent as typed ({@code valueText}: the service reads
 * {@code 1.739,5}); a refusal's message is shown beside its field and the form keeps what was typed.
 */
@Path("/nhap-so-lieu")
@Produces(MediaType.TEXT_HTML)
public class FigureEntryPage {

    private static final Pattern ROW_FIELD = Pattern.compile("rows\\[(\\d+)]\\.?(.*)");

    @CheckedTemplate(basePath = "entry", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance page(Entry e);

        static native TemplateInstance job(ImportProgress p);
    }

    @TemplateData
    public record Row(Dto.Indicator indicator, Dto.Result current, String typed, String error, boolean saved) {
    }

    @TemplateData
    public record RowError(String line, String field, String message) {
    }

    @TemplateData
    public record ImportResult(boolean ok, int imported, String message, List<RowError> errors, String fileName) {
    }

    @TemplateData
    public record Entry(String period, String unit, String unitName, List<Dto.Unit> units, List<String> months,
            String version, String dataFrom, String dataTo, String deadline, boolean late, List<Row> rows,
            String notice, String error, ImportResult importResult) {
    }

    private final Backend backend;
    private final CurrentUser user;

    public FigureEntryPage(Backend backend, CurrentUser user) {
        this.backend = backend;
        this.user = user;
    }

    @GET
    public TemplateInstance form(@QueryParam("ky") String period, @QueryParam("don-vi") String unit,
            @QueryParam("da-luu") Integer saved) {
        String notice = saved == null ? null : "Đã lưu " + saved + " số liệu.";
        return render(period, unit, "ESTIMATE", Map.of(), Map.of(), List.of(), notice, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submit(MultivaluedMap<String, String> form) {
        String period = Periods.monthOr(form.getFirst("ky")).toString();
        String unit = unitFor(form.getFirst("don-vi"));
        String version = version(form.getFirst("loai"));
        String note = blankToNull(form.getFirst("ghi-chu"));
        String bearer = backend.indicatorToken();
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> saved = new ArrayList<>();
        String general = null;
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            if (!e.getKey().startsWith("v.")) {
                continue;
            }
            String code = e.getKey().substring(2);
            String value = e.getValue().isEmpty() ? "" : e.getValue().get(0).trim();
            if (value.isEmpty()) {
                continue;
            }
            typed.put(code, value);
            try {
                backend.indicator.submit(bearer, new Dto.SubmitFigure(code, unit, period, version, value, note));
                saved.add(code);
            } catch (WebApplicationException ex) {
                Problem p = Problem.of(ex);
                String msg = p.field("valueText") != null ? p.field("valueText")
                        : p.field("value") != null ? p.field("value") : p.message();
                if (p.status() == 403 || p.status() == 401) {
                    general = p.message();
                }
                errors.put(code, msg);
            }
        }
        if (!saved.isEmpty()) {
            backend.forget();
        }
        if (errors.isEmpty() && general == null) {
            return Response.seeOther(URI.create("/nhap-so-lieu?ky=" + period + "&don-vi=" + unit + "&da-luu=" + saved.size()))
                    .build();
        }
        typed.keySet().removeAll(saved);
        String notice = saved.isEmpty() ? null : "Đã lưu " + saved.size() + " số liệu.";
        String error = general != null ? general
                : errors.size() + " số liệu chưa được lưu: xem thông báo bên cạnh từng ô.";
        return Response.status(422).entity(render(period, unit, version, typed, errors, saved, notice, error, null))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    /**
     * A CSV file: a small one is imported at once and its outcome shown on the form; a large one becomes an import
     * job of indicator-service (202 Accepted), followed on {@link #job its status page}.
     */
    @POST
    @Path("/csv")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("tep") FileUpload file, @RestForm("ky") String period,
            @RestForm("don-vi") String unit) throws IOException {
        ImportResult result;
        if (file == null || file.size() == 0) {
            result = new ImportResult(false, 0, "Chưa chọn tệp CSV.", List.of(), null);
        } else {
            int total;
            try (InputStream in = Files.newInputStream(file.uploadedFile())) {
                total = Csv.countRecords(in);
            }
            try (InputStream in = withoutByteOrderMark(Files.newInputStream(file.uploadedFile()))) {
                RestResponse<JsonNode> answer = backend.indicator.importCsv(backend.indicatorToken(), in);
                backend.forget();
                if (answer.getStatus() == 201) {
                    JsonNode report = answer.getEntity();
                    int n = report.path("imported").asInt(report.path("figures").size());
                    result = new ImportResult(true, n, "Đã nhập " + n + " số liệu từ tệp.", List.of(), file.fileName());
                } else {
                    // 202: a job under way; 200: the same file was imported before (its earlier job)
                    String id = answer.getEntity().path("id").asText();
                    String query = "?tong=" + total + "&ky=" + Periods.monthOr(period) + "&don-vi=" + unitFor(unit)
                            + (answer.getStatus() == 200 ? "&lai=1" : "");
                    return Response.seeOther(URI.create("/nhap-so-lieu/tep/" + UUID.fromString(id) + query)).build();
                }
            } catch (WebApplicationException ex) {
                result = importErrors(ex, file.fileName());
            }
        }
        int status = result.ok() ? 200 : 422;
        return Response.status(status)
                .entity(render(period, unit, "ESTIMATE", Map.of(), Map.of(), List.of(), null, null, result))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    /**
     * An import job's progress: rows checked of the file's rows, the service's percentage (checking, then writing),
     * and when it is done the figures imported or each refused row. Without JavaScript the page refreshes itself
     * every 2 s until the job is done; with it, the script reads this page again each second and replaces the status.
     */
    @GET
    @Path("/tep/{id}")
    public TemplateInstance job(@PathParam("id") String id, @QueryParam("tong") Integer total,
            @QueryParam("ky") String period, @QueryParam("don-vi") String unit, @QueryParam("lai") Integer repeated) {
        UUID job;
        try {
            job = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        Dto.ImportJob status = backend.indicator.importJob(backend.indicatorToken(), job.toString());
        if (status.done()) {
            backend.forget();
        }
        List<RowError> errors = new ArrayList<>();
        if (status.errors() != null) {
            for (Dto.FieldViolation v : status.errors()) {
                errors.add(rowError(v.field(), Problem.vietnamese(v.rule() == null ? "" : v.rule(),
                        v.message() == null ? "" : v.message())));
            }
        }
        String month = Periods.monthOr(period).toString();
        String u = unitFor(unit);
        int rows = total == null || total < status.rowsRead() ? status.rowsRead() : total;
        String self = "/nhap-so-lieu/tep/" + job + "?tong=" + rows + "&ky=" + month + "&don-vi=" + u
                + (repeated != null ? "&lai=1" : "");
        return Templates.job(new ImportProgress(status, rows, repeated != null, errors, self,
                "/nhap-so-lieu?ky=" + month + "&don-vi=" + u));
    }

    @TemplateData
    public record ImportProgress(Dto.ImportJob job, int total, boolean repeated, List<RowError> errors, String self,
            String back) {
        public boolean done() {
            return job.done();
        }

        public boolean ok() {
            return "SUCCEEDED".equals(job.state());
        }

        /** Where the job is, in words. */
        public String phase() {
            return switch (job.state()) {
                case "QUEUED" -> "Đang chờ nhập…";
                case "RUNNING" -> job.percent() < 50
                        ? "Đang kiểm tra: " + job.rowsRead() + "/" + total + " dòng"
                        : "Đã kiểm tra " + job.rowsRead() + "/" + total + " dòng; đang ghi vào cơ sở dữ liệu…";
                case "SUCCEEDED" -> (repeated ? "Tệp này đã được nhập trước đây: " : "") + "đã nhập "
                        + job.rowsWritten() + " số liệu từ tệp (" + job.rowsRead() + "/" + total + " dòng).";
                default -> "Tệp chưa được nhập (không số liệu nào được lưu): " + job.rowsRejected() + "/"
                        + job.rowsRead() + " dòng có lỗi" + (errors.size() < job.rowsRejected()
                                ? ", dưới đây là " + errors.size() + " lỗi đầu tiên." : ".");
            };
        }
    }

    private static InputStream withoutByteOrderMark(InputStream raw) throws IOException {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(raw);
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (head.length < 3 || (head[0] & 0xFF) != 0xEF || (head[1] & 0xFF) != 0xBB || (head[2] & 0xFF) != 0xBF) {
            in.reset();
        }
        return in;
    }

    private static RowError rowError(String field, String message) {
        Matcher m = ROW_FIELD.matcher(field == null ? "" : field);
        if (!m.matches()) {
            return new RowError("", field, message);
        }
        // the service names the typed value valueText; the file's column is value
        String column = "valueText".equals(m.group(2)) ? "value" : m.group(2);
        return new RowError(m.group(1), column, message);
    }

    static ImportResult importErrors(WebApplicationException ex, String fileName) {
        Problem p = Problem.of(ex);
        List<RowError> rows = new ArrayList<>();
        p.fieldErrors().forEach((field, message) -> rows.add(rowError(field, message)));
        String message = "Tệp chưa được nhập (không số liệu nào được lưu). " + p.message();
        return new ImportResult(false, 0, message, rows, fileName);
    }

    private TemplateInstance render(String askedPeriod, String askedUnit, String version, Map<String, String> typed,
            Map<String, String> errors, List<String> saved, String notice, String error, ImportResult importResult) {
        YearMonth month = Periods.monthOr(askedPeriod);
        String period = month.toString();
        String unit = unitFor(askedUnit);
        String bearer = backend.indicatorToken();
        String me = backend.user();
        var indicators = backend.async(() -> backend.indicators(me, bearer));
        var units = backend.async(() -> backend.units(me, bearer));
        var export = backend.async(() -> backend.resultsCsv(me, bearer, period));
        var window = backend.async(() -> backend.window(me, bearer, period));
        Map<String, Dto.Result> current = new LinkedHashMap<>();
        OverviewPage.index(Csv.read(export.join())).forEach((code, byUnit) -> {
            if (byUnit.containsKey(unit)) {
                current.put(code, byUnit.get(unit));
            }
        });
        List<Row> rows = new ArrayList<>();
        for (Dto.Indicator i : indicators.join()) {
            if (Boolean.FALSE.equals(i.active())) {
                continue;
            }
            if (i.reportingUnits() != null && !i.reportingUnits().contains(unit) && !unit.equals(i.ownerUnit())) {
                continue;
            }
            rows.add(new Row(i, current.get(i.code()), typed.getOrDefault(i.code(), ""), errors.get(i.code()),
                    saved.contains(i.code())));
        }
        List<Dto.Unit> allUnits = new ArrayList<>(units.join());
        allUnits.removeIf(u -> Boolean.FALSE.equals(u.active()));
        String unitName = allUnits.stream().filter(u -> u.code().equals(unit)).map(Dto.Unit::name).findFirst().orElse(unit);
        JsonNode w = window.join();
        String deadline = w.path("deadline").asText(null);
        boolean late = deadline != null && java.time.Instant.parse(deadline).isBefore(java.time.Instant.now());
        return Templates.page(new Entry(period, unit, unitName, user.officer() ? List.of() : allUnits,
                Periods.recentMonths(3), version, w.path("dataFrom").asText(null),
                w.path("dataTo").asText(null), deadline, late, rows, notice, error, importResult));
    }

    /** An officer always enters for its own unit; the city office for the unit it picked (the city by default). */
    private String unitFor(String asked) {
        if (user.officer() && !user.secretariat()) {
            return user.department();
        }
        return asked == null || asked.isBlank() ? "CITY" : asked;
    }

    private static String version(String v) {
        return "OFFICIAL".equals(v) || "PRELIMINARY".equals(v) ? v : "ESTIMATE";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

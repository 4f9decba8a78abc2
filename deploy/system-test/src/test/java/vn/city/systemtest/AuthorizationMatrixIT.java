package vn.city.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the three OpenAPI documents × every fixture user (and no token) × the caller's own unit and
 * another unit → the expected 401 / 403 / allowed. The endpoint list comes from the running services' OpenAPI
 * documents; an endpoint without a rule below fails the test, so a new endpoint cannot be missed.
 * <p>
 * The rules are the product's, written down independently of the code: the realm's resources and scopes
 * (deploy/local/keycloak/realm-city.json) narrowed by the contracts' finer rules (an officer acts only for its own
 * unit; the secretariat schedules and records; a leader chairs, accepts and decides).
 */
class AuthorizationMatrixIT {

    enum Role { VIEWER, OFFICER, SECRETARIAT, LEADER }

    /** Who may call an operation; {@code ownUnit}: an officer only for its own unit's data. */
    record Rule(Set<Role> roles, boolean ownUnit) {
    }

    record Caller(String user, Role role, String unit) {
    }

    record Operation(Service service, String method, String path) {
        @Override
        public String toString() {
            return service.module + " " + method + " " + path;
        }
    }

    static final Set<Role> ALL = Set.of(Role.VIEWER, Role.OFFICER, Role.SECRETARIAT, Role.LEADER);
    static final List<Caller> CALLERS = List.of(
            new Caller(null, null, null),
            new Caller("viewer", Role.VIEWER, "CITY"),
            new Caller("officer-fin", Role.OFFICER, "FIN"),
            new Caller("officer-eco", Role.OFFICER, "ECO"),
            new Caller("officer-songcau", Role.OFFICER, "W-SONGCAU"),
            new Caller("secretariat", Role.SECRETARIAT, "CITY"),
            new Caller("leader", Role.LEADER, "CITY"));
    static final List<String> UNITS = List.of("FIN", "ECO", "W-SONGCAU");

    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static void rule(Service s, String method, String path, boolean ownUnit, Role... roles) {
        RULES.put(s.module + " " + method + " " + path, new Rule(Set.of(roles), ownUnit));
    }

    static {
        Service i = Service.INDICATOR;
        for (Service s : Service.values()) {
            rule(s, "GET", "/api/me", false, Role.VIEWER, Role.OFFICER, Role.SECRETARIAT, Role.LEADER);
        }
        for (String p : List.of("/api/figures", "/api/figures/current", "/api/indicators", "/api/indicators/measure-units",
                "/api/indicators/{code}", "/api/reporting/completeness", "/api/reporting/deadlines", "/api/reporting/windows",
                "/api/results", "/api/results/city", "/api/results/export.csv", "/api/targets", "/api/targets/history",
                "/api/units", "/api/units/{code}")) {
            rule(i, "GET", p, false, Role.VIEWER, Role.OFFICER, Role.SECRETARIAT, Role.LEADER);
        }
        rule(i, "POST", "/api/figures", true, Role.OFFICER, Role.SECRETARIAT);
        rule(i, "POST", "/api/imports/figures", true, Role.OFFICER, Role.SECRETARIAT);
        rule(i, "POST", "/api/imports/dhis2", true, Role.OFFICER, Role.SECRETARIAT);
        rule(i, "POST", "/api/dataValueSets", true, Role.OFFICER, Role.SECRETARIAT);
        rule(i, "GET", "/api/dataValueSets", false, Role.VIEWER, Role.OFFICER, Role.SECRETARIAT, Role.LEADER);
        // a job's status is read by those who may import (the realm's imports resource has the write scope only)
        rule(i, "GET", "/api/imports/jobs/{id}", false, Role.OFFICER, Role.SECRETARIAT);
        rule(i, "POST", "/api/indicators", false, Role.SECRETARIAT);
        rule(i, "PUT", "/api/indicators/{code}", false, Role.SECRETARIAT);
        rule(i, "POST", "/api/indicators/measure-units", false, Role.SECRETARIAT);
        rule(i, "POST", "/api/targets", false, Role.SECRETARIAT);
        rule(i, "POST", "/api/units", false, Role.SECRETARIAT);
        rule(i, "PUT", "/api/units/{code}", false, Role.SECRETARIAT);
        rule(i, "POST", "/api/units/{code}/succession", false, Role.SECRETARIAT);
        rule(i, "PUT", "/api/reporting/deadlines", false, Role.SECRETARIAT);

        Service t = Service.TASK;
        rule(t, "GET", "/api/statistics/units", false, Role.VIEWER, Role.OFFICER, Role.SECRETARIAT, Role.LEADER);
        for (String p : List.of("/api/tasks", "/api/tasks/{id}", "/api/tasks/{id}/progress", "/api/tasks/{id}/history")) {
            rule(t, "GET", p, true, Role.VIEWER, Role.OFFICER, Role.SECRETARIAT, Role.LEADER);
        }
        rule(t, "POST", "/api/tasks", false, Role.SECRETARIAT, Role.LEADER);
        for (String p : List.of("/api/tasks/{id}/start", "/api/tasks/{id}/progress", "/api/tasks/{id}/submit",
                "/api/tasks/{id}/extension-requests")) {
            rule(t, "POST", p, true, Role.OFFICER, Role.SECRETARIAT, Role.LEADER);
        }
        for (String p : List.of("/api/tasks/{id}/accept", "/api/tasks/{id}/return", "/api/tasks/{id}/cancel",
                "/api/tasks/{id}/extension-requests/{rid}/grant", "/api/tasks/{id}/extension-requests/{rid}/refuse")) {
            rule(t, "POST", p, false, Role.LEADER);
        }

        Service m = Service.MEETING;
        rule(m, "GET", "/api/meetings", false, Role.VIEWER, Role.OFFICER, Role.SECRETARIAT, Role.LEADER);
        rule(m, "GET", "/api/packs/period/{period}", false, Role.VIEWER, Role.OFFICER, Role.SECRETARIAT, Role.LEADER);
        for (String p : List.of("/api/meetings/{id}", "/api/meetings/{id}/conclusion", "/api/packs/{meetingId}",
                "/api/packs/{meetingId}/revisions", "/api/narratives/{meetingId}", "/api/narratives/{meetingId}.html")) {
            rule(m, "GET", p, true, Role.VIEWER, Role.OFFICER, Role.SECRETARIAT, Role.LEADER);
        }
        rule(m, "POST", "/api/meetings", false, Role.SECRETARIAT);
        rule(m, "POST", "/api/meetings/{id}/start", false, Role.SECRETARIAT);
        rule(m, "POST", "/api/meetings/{id}/cancel", false, Role.SECRETARIAT);
        rule(m, "PUT", "/api/meetings/{id}/attendance", false, Role.SECRETARIAT);
        rule(m, "POST", "/api/meetings/{id}/items", false, Role.SECRETARIAT);
        rule(m, "POST", "/api/meetings/{id}/items/{itemId}/decision", false, Role.SECRETARIAT);
        rule(m, "POST", "/api/meetings/{id}/items/{itemId}/opinions", true, Role.OFFICER, Role.LEADER);
        rule(m, "PUT", "/api/meetings/{id}/conclusion", false, Role.SECRETARIAT, Role.LEADER);
        rule(m, "POST", "/api/meetings/{id}/conclusion/publish", false, Role.LEADER);
        rule(m, "POST", "/api/meetings/{id}/conclusion/corrections", false, Role.LEADER);
        // issue 13: proposals and units' written reports
        rule(m, "POST", "/api/meetings/{id}/carry-over", false, Role.SECRETARIAT);
        rule(m, "POST", "/api/meetings/{id}/items/{itemId}/proposal", false, Role.SECRETARIAT);
        rule(m, "GET", "/api/meetings/reports/{period}", false, Role.VIEWER, Role.OFFICER, Role.SECRETARIAT, Role.LEADER);
        rule(m, "PUT", "/api/meetings/reports/{period}/{unitCode}/{section}", true, Role.OFFICER, Role.SECRETARIAT);
        // issue 18: the conclusion notice (read by the meeting's readers, numbered by the secretariat) and documents
        for (String p : List.of("/api/meetings/{id}/notice", "/api/meetings/{id}/notice.{format}",
                "/api/narratives/{meetingId}.docx")) {
            rule(m, "GET", p, true, Role.VIEWER, Role.OFFICER, Role.SECRETARIAT, Role.LEADER);
        }
        rule(m, "POST", "/api/meetings/{id}/notice", false, Role.SECRETARIAT);
        rule(i, "GET", "/api/results/export.xlsx", false, Role.VIEWER, Role.OFFICER, Role.SECRETARIAT, Role.LEADER);
    }

    /** Data of one organisation unit the requests point at. */
    static final class UnitFixture {
        String unit;
        String task;
        String extension;
        String meeting;
        String item;
    }

    static final Map<String, UnitFixture> FIXTURES = new HashMap<>();
    static String indicator;
    static String unitToEdit;
    static String successor;
    static String period;

    @BeforeAll
    static void fixtures() {
        ServiceProcesses.get();
        String s = Steps.suffix();
        period = Steps.lastMonth();
        indicator = "ST_MATRIX_" + s;
        Steps.createIndicator(indicator, "Chỉ tiêu ma trận phân quyền", "tấn", "FIN", List.of("CITY", "FIN", "ECO", "W-SONGCAU"));
        unitToEdit = "ST-MX-" + s;
        successor = "ST-MY-" + s;
        for (String code : List.of(unitToEdit, successor)) {
            Api.expect(Api.as("secretariat", Steps.indicator()).body(unit(code)).post("/api/units"), 201);
        }
        Map<String, String> officers = Map.of("FIN", "officer-fin", "ECO", "officer-eco", "W-SONGCAU", "officer-songcau");
        for (String u : UNITS) {
            UnitFixture f = new UnitFixture();
            f.unit = u;
            f.task = Api.expect(Api.as("secretariat", Steps.task()).body(newTask(u)).post("/api/tasks"), 201).path("taskId").asText();
            Api.expect(Api.as(officers.get(u), Steps.task()).post("/api/tasks/" + f.task + "/start"), 200);
            f.extension = Api.expect(Api.as(officers.get(u), Steps.task()).body(Map.of("newDeadline",
                    LocalDate.now().plusDays(90).toString(), "reason", "Mưa lớn kéo dài"))
                    .post("/api/tasks/" + f.task + "/extension-requests"), 201).path("id").asText();
            f.meeting = Api.expect(Api.as("secretariat", Steps.meeting()).body(meeting(u)).post("/api/meetings"), 201)
                    .path("id").asText();
            f.item = Api.expect(Api.as("secretariat", Steps.meeting()).body(Map.of("kind", "FOR_OPINION",
                    "title", "Dự thảo quyết định " + u, "presentingUnit", u)).post("/api/meetings/" + f.meeting + "/items"), 201)
                    .path("id").asText();
            FIXTURES.put(u, f);
        }
    }

    @Test
    void everyEndpointEveryUserOwnAndAnotherUnit() {
        List<Operation> operations = new ArrayList<>();
        for (Service s : Service.values()) {
            JsonNode doc = Api.json(Api.withToken(null, ServiceProcesses.get().base(s)).queryParam("format", "json")
                    .get("/q/openapi"));
            doc.path("paths").fields().forEachRemaining(e -> e.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    operations.add(new Operation(s, method.toUpperCase(), e.getKey()));
                }
            }));
        }
        Set<String> uncovered = new TreeSet<>();
        operations.forEach(o -> {
            if (!RULES.containsKey(o.toString())) {
                uncovered.add(o.toString());
            }
        });
        assertThat(uncovered).as("OpenAPI operations without an authorization rule in this test").isEmpty();
        Set<String> stale = new TreeSet<>(RULES.keySet());
        operations.forEach(o -> stale.remove(o.toString()));

        // reads first, then writes; cancelling and concluding last so the other calls still meet open things
        operations.sort(Comparator.comparingInt(AuthorizationMatrixIT::order).thenComparing(Operation::toString));
        List<String> leaks = new ArrayList<>();
        List<String> serverErrors = new ArrayList<>();
        int requests = 0;
        for (Operation op : operations) {
            Rule rule = RULES.get(op.toString());
            for (boolean own : new boolean[] {false, true}) {
                for (Caller c : CALLERS) {
                    if (c.user() == null && own) {
                        continue;
                    }
                    String contextUnit = contextUnit(c, own);
                    Response r = call(op, c, contextUnit);
                    requests++;
                    int status = r.statusCode();
                    String expected;
                    boolean ok;
                    if (c.user() == null) {
                        expected = "401";
                        ok = status == 401;
                    } else if (rule.roles().contains(c.role()) && !(rule.ownUnit() && c.role() == Role.OFFICER && !own)) {
                        expected = "allowed";
                        ok = status != 401 && status != 403 && status < 500;
                    } else {
                        expected = "403";
                        ok = status == 403;
                    }
                    if (status >= 500) {
                        serverErrors.add(op + " as " + c.user() + " → " + status + " " + r.asString());
                    }
                    if (!ok) {
                        leaks.add(op + " as " + (c.user() == null ? "(no token)" : c.user()) + " for "
                                + (own ? "own" : "another") + " unit " + contextUnit + ": expected " + expected
                                + ", got " + status + " " + abbreviate(r.asString()));
                    }
                    if ((status == 401 || status == 403) && !isProblem(r)) {
                        leaks.add(op + " as " + c.user() + ": " + status + " is not problem+json (" + r.contentType() + ")");
                    }
                }
            }
        }
        Figures.record("authorization", "operations=%d (indicator %d, task %d, meeting %d) callers=%d (no token + 6 users) "
                        + "units=own/another requests=%d leaks=%d serverErrors=%d staleRules=%s",
                operations.size(), count(operations, Service.INDICATOR), count(operations, Service.TASK),
                count(operations, Service.MEETING), CALLERS.size(), requests, leaks.size(), serverErrors.size(), stale);
        leaks.forEach(l -> Figures.record("authorization", "LEAK %s", l));
        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(leaks).as("authorization leaks").isEmpty();
    }

    static long count(List<Operation> ops, Service s) {
        return ops.stream().filter(o -> o.service() == s).count();
    }

    static int order(Operation o) {
        if (o.method().equals("GET")) {
            return 0;
        }
        if (o.path().endsWith("/cancel")) {
            return 3;
        }
        if (o.path().endsWith("/publish") || o.path().endsWith("/corrections") || o.path().endsWith("/accept")
                || o.path().endsWith("/return") || o.path().endsWith("/grant") || o.path().endsWith("/refuse")) {
            return 2;
        }
        return 1;
    }

    /** The unit the request is about: the caller's own (officers), or another one. */
    static String contextUnit(Caller c, boolean own) {
        if (c.role() != Role.OFFICER) {
            return own ? "FIN" : "ECO";
        }
        if (own) {
            return c.unit();
        }
        return UNITS.get((UNITS.indexOf(c.unit()) + 1) % UNITS.size());
    }

    static Response call(Operation op, Caller c, String unit) {
        UnitFixture f = FIXTURES.get(unit);
        String path = op.path()
                .replace("{id}", op.service() == Service.TASK ? f.task : f.meeting)
                .replace("{rid}", f.extension)
                .replace("{itemId}", f.item)
                .replace("{meetingId}", f.meeting)
                .replace("{period}", period)
                .replace("{unitCode}", unit)
                .replace("{section}", "ECONOMY")
                .replace("{format}", "pdf")
                .replace("{code}", op.path().startsWith("/api/units") ? unitToEdit : indicator);
        Instance target = ServiceProcesses.get().base(op.service());
        RequestSpecification spec = Api.as(c.user(), target);
        if (op.method().equals("GET")) {
            spec.queryParam("indicator", indicator).queryParam("unit", unit).queryParam("period", period)
                    .queryParam("year", YearMonth.now().getYear());
            if (op.path().endsWith(".csv")) {
                spec.accept("text/csv");
            } else if (op.path().endsWith(".html")) {
                spec.accept("text/html");
            } else if (op.path().endsWith(".docx") || op.path().endsWith(".xlsx")
                    || op.path().endsWith(".{format}")) {
                spec.accept("*/*");
            }
            return spec.get(path);
        }
        Object body = body(op, unit);
        if (body instanceof String csv) {
            spec.contentType("text/csv; charset=UTF-8").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else if (body != null) {
            spec.body(body);
        }
        return switch (op.method()) {
            case "POST" -> spec.post(path);
            case "PUT" -> spec.put(path);
            case "PATCH" -> spec.patch(path);
            case "DELETE" -> spec.delete(path);
            default -> throw new IllegalStateException(op.method());
        };
    }

    /** A valid body for the operation, about {@code unit}. */
    static Object body(Operation op, String unit) {
        String p = op.path();
        String s = Steps.suffix();
        return switch (op.service()) {
            case INDICATOR -> switch (p) {
                case "/api/figures" -> Map.of("indicatorCode", indicator, "unitCode", unit, "period", period,
                        "version", "ESTIMATE", "value", 12.5);
                case "/api/imports/figures" -> "indicatorCode,unitCode,period,version,value\n" + indicator + "," + unit + ","
                        + period + ",ESTIMATE,13\n";
                case "/api/imports/dhis2", "/api/dataValueSets" -> Map.of("dataSet", "monthly-briefing", "period", period.replace("-", ""),
                        "orgUnit", unit, "dataValues", List.of(Map.of("dataElement", indicator, "value", "14")));
                case "/api/indicators" -> indicatorBody("ST_MXI_" + s);
                case "/api/indicators/{code}" -> indicatorBody(null);
                case "/api/indicators/measure-units" -> Map.of("code", "đv-" + s.toLowerCase(), "name", "đơn vị " + s);
                case "/api/targets" -> Map.of("indicatorCode", indicator, "year", YearMonth.now().getYear(), "value", 100,
                        "kind", "PLAN", "documentNumber", "KH-" + s, "documentDate", LocalDate.now().minusDays(30).toString());
                case "/api/units" -> unit("ST-MZ-" + s);
                case "/api/units/{code}" -> unit(null);
                case "/api/units/{code}/succession" -> Map.of("successorCode", successor, "kind", "RENAME",
                        "effectiveDate", LocalDate.now().plusDays(365).toString(), "note", "Đổi tên");
                // the configured default (20th): allowed calls change nothing for the other tests
                case "/api/reporting/deadlines" -> Map.of("periodKind", "MONTH", "deadlineDay", 20);
                default -> throw new IllegalStateException("no body for " + op);
            };
            case TASK -> {
                if (p.equals("/api/tasks")) {
                    yield newTask(unit);
                }
                if (p.endsWith("/progress")) {
                    yield Map.of("percent", 20, "text", "Đang triển khai", "unitCode", unit);
                }
                if (p.endsWith("/submit")) {
                    yield Map.of("result", "Đã hoàn thành");
                }
                if (p.endsWith("/extension-requests")) {
                    yield Map.of("newDeadline", LocalDate.now().plusDays(120).toString(), "reason", "Cần thêm thời gian");
                }
                if (p.endsWith("/accept") || p.endsWith("/grant")) {
                    yield Map.of("note", "Đồng ý");
                }
                if (p.endsWith("/return") || p.endsWith("/cancel") || p.endsWith("/refuse")) {
                    yield Map.of("reason", "Kiểm thử phân quyền");
                }
                yield null;
            }
            case MEETING -> {
                if (p.equals("/api/meetings")) {
                    yield meeting(unit);
                }
                if (p.endsWith("/attendance")) {
                    yield Map.of("present", List.of(unit));
                }
                if (p.endsWith("/cancel")) {
                    yield Map.of("reason", "Hoãn do mưa bão");
                }
                if (p.endsWith("/items")) {
                    yield Map.of("kind", "REPORT", "title", "Báo cáo " + s, "presentingUnit", unit);
                }
                if (p.endsWith("/decision")) {
                    yield Map.of("outcome", "APPROVED", "note", "Nhất trí");
                }
                if (p.endsWith("/opinions")) {
                    yield Map.of("stance", "AGREE", "text", "Nhất trí thông qua");
                }
                if (p.endsWith("/proposal")) {
                    yield Map.of("decision", "ACCEPTED", "reason", "Kiểm thử phân quyền");
                }
                if (p.startsWith("/api/meetings/reports/")) {
                    yield Map.of("text", "Báo cáo kiểm thử phân quyền của " + unit);
                }
                if (p.endsWith("/conclusion") || p.endsWith("/corrections")) {
                    yield Map.of("text", "Kết luận", "directives", List.of(Steps.directive("Chỉ đạo " + s, unit,
                            LocalDate.now().plusDays(30), List.of())));
                }
                yield null;
            }
        };
    }

    static Map<String, Object> unit(String code) {
        Map<String, Object> b = new HashMap<>();
        if (code != null) {
            b.put("code", code);
        }
        b.put("name", "Đơn vị kiểm thử " + (code == null ? "" : code));
        b.put("kind", "WARD");
        b.put("parentCode", "CITY");
        b.put("active", true);
        b.put("validFrom", "2020-01-01");
        return b;
    }

    static Map<String, Object> indicatorBody(String code) {
        Map<String, Object> b = new HashMap<>();
        if (code != null) {
            b.put("code", code);
        }
        b.put("name", "Chỉ tiêu ma trận");
        b.put("measureUnit", "tấn");
        b.put("nature", "FLOW");
        b.put("direction", "HIGHER_IS_BETTER");
        b.put("ownerUnit", "FIN");
        b.put("category", "Kiểm thử");
        b.put("reportingUnits", List.of("CITY", "FIN", "ECO", "W-SONGCAU"));
        return b;
    }

    static Map<String, Object> newTask(String unit) {
        Map<String, Object> b = new HashMap<>();
        b.put("title", "Nhiệm vụ ma trận " + unit);
        b.put("content", "Thực hiện kiểm thử phân quyền cho " + unit);
        b.put("source", Map.of("kind", "DOCUMENT", "documentNumber", "123/UBND-VP", "documentDate",
                LocalDate.now().minusDays(3).toString()));
        b.put("leadUnit", unit);
        b.put("coordinatingUnits", List.of());
        b.put("deadline", LocalDate.now().plusDays(45).toString());
        b.put("ongoing", false);
        b.put("priority", "NORMAL");
        b.put("indicatorCodes", List.of());
        b.put("period", period);
        return b;
    }

    static Map<String, Object> meeting(String unit) {
        Map<String, Object> b = new HashMap<>();
        b.put("type", "THEMATIC");
        b.put("title", "Họp chuyên đề của " + unit);
        b.put("period", period);
        b.put("startsAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0).toString());
        b.put("place", "Phòng họp số 2");
        b.put("chair", "Phó Chủ tịch UBND thành phố");
        b.put("attendeeUnits", List.of(unit));
        return b;
    }

    static boolean isProblem(Response r) {
        String ct = r.contentType();
        return ct != null && ct.startsWith("application/problem+json");
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }
}

package vn.city.systemtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.city.systemtest.ServiceProcesses.Service;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile and careless input against the write endpoints of the three services: malformed JSON, wrong
 * types, huge numbers and strings, negative and out-of-range values, unknown codes, future periods, invalid UTF-8,
 * oversized bodies, injection strings and duplicated submissions, and the input rules every service applies alike:
 * control characters in text (422 naming the field), duplicate JSON keys (400 naming the key), digits other than
 * ASCII in numbers, dates, periods and parameters, and periods no service may read (0001-01, 3000-01, 2022-6). Every answer is a 4xx problem+json (never a 5xx),
 * nothing is stored, and the services are healthy afterwards.
 */
class BadInputCorpusIT {

    /** One request of the corpus. */
    record Case(String name, Service service, String method, String path, String user, String contentType, byte[] body) {
    }

    static final String HUGE = "Đ".repeat(100_000);
    static final String INJECTION = "'; drop table figure_submission; --";
    static final String SCRIPT = "<script>alert('xss')</script>";
    static final String BIG_NUMBER = "1e400";
    static final String LONG_NUMBER = "123456789012345678901234567890";

    /** Tables a consumer or a scheduled job writes, not a request: left out of "nothing stored". */
    static final Map<Service, List<String>> CONSUMER_SIDE = Map.of(
            Service.INDICATOR, List.of(),
            Service.TASK, List.of("org_unit", "task_overdue_notice", "conclusion_applied"),
            Service.MEETING, List.of("unit_view", "indicator_view", "target_view", "figure_submission_view",
                    "off_track_view", "task_view"));

    static String indicator;
    static String taskId;
    static String meetingId;
    static String itemId;
    static String concludedMeeting;
    static String existingUnit;
    static String existingMeasureUnit;
    static String period;

    @BeforeAll
    static void fixtures() {
        ServiceProcesses.get();
        String s = Steps.suffix();
        period = Steps.lastMonth();
        indicator = "ST_CORPUS_" + s;
        Steps.createIndicator(indicator, "Chỉ tiêu kho dữ liệu xấu", "tấn", "FIN", List.of("CITY", "FIN"));
        existingUnit = "ST-CU-" + s;
        Api.expect(Api.as("secretariat", Steps.indicator()).body(AuthorizationMatrixIT.unit(existingUnit)).post("/api/units"), 201);
        existingMeasureUnit = "đv-corpus-" + s.toLowerCase();
        Api.expect(Api.as("secretariat", Steps.indicator()).body(Map.of("code", existingMeasureUnit, "name", "đơn vị"))
                .post("/api/indicators/measure-units"), 201);
        AuthorizationMatrixIT.period = period;
        taskId = Api.expect(Api.as("secretariat", Steps.task()).body(AuthorizationMatrixIT.newTask("FIN")).post("/api/tasks"), 201)
                .path("taskId").asText();
        Api.expect(Api.as("officer-fin", Steps.task()).post("/api/tasks/" + taskId + "/start"), 200);
        meetingId = Api.expect(Api.as("secretariat", Steps.meeting()).body(AuthorizationMatrixIT.meeting("FIN"))
                .post("/api/meetings"), 201).path("id").asText();
        itemId = Api.expect(Api.as("secretariat", Steps.meeting()).body(Map.of("kind", "FOR_OPINION", "title", "Dự thảo",
                "presentingUnit", "FIN")).post("/api/meetings/" + meetingId + "/items"), 201).path("id").asText();
        concludedMeeting = Steps.briefingWithDirectives("Họp đã kết luận " + s, period,
                List.of(Steps.directive("Chỉ đạo đã ban hành", "FIN", LocalDate.now().plusDays(60), List.of()))).toString();
    }

    @Test
    void everyBadInputIsA4xxProblemAndNothingIsStored() {
        List<Case> corpus = corpus();
        Map<Service, Map<String, String>> before = state();
        List<String> serverErrors = new ArrayList<>();
        List<String> notProblem = new ArrayList<>();
        List<String> ruleAnswers = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        Instant t0 = Instant.now();
        for (Case c : corpus) {
            Response r = send(c);
            int status = r.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String ct = r.contentType();
            String line = c.service().module + " " + c.method() + " " + c.path() + " [" + c.name() + "] → " + status + " "
                    + ct + " " + abbreviate(r.asString());
            if (status >= 400 && status < 500 && ct != null && ct.startsWith("application/problem+json")) {
                String wanted = expected(c, r);
                if (wanted != null) {
                    ruleAnswers.add(line + " (expected " + wanted + ")");
                }
            }
            if (status >= 500) {
                serverErrors.add(line);
            } else if (status < 400) {
                accepted.add(line);
            } else if (ct == null || !ct.startsWith("application/problem+json")) {
                notProblem.add(line);
            }
        }
        Duration took = Duration.between(t0, Instant.now());
        Map<Service, Map<String, String>> after = state();
        for (Service s : Service.values()) {
            assertThat(ServiceProcesses.ready(ServiceProcesses.get().base(s))).as(s.module + " ready after the corpus").isTrue();
        }
        Map<String, String> changed = new LinkedHashMap<>();
        before.forEach((s, tables) -> tables.forEach((t, n) -> {
            String now = after.get(s).get(t);
            if (!n.equals(now)) {
                changed.put(s.module + "." + t, n + " → " + now);
            }
        }));
        Figures.record("bad-input", "cases=%d (indicator %d, task %d, meeting %d) statuses=%s 5xx=%d accepted(2xx)=%d "
                        + "notProblemJson=%d storedChanges=%s in %d s",
                corpus.size(), corpus.stream().filter(c -> c.service() == Service.INDICATOR).count(),
                corpus.stream().filter(c -> c.service() == Service.TASK).count(),
                corpus.stream().filter(c -> c.service() == Service.MEETING).count(), statuses, serverErrors.size(),
                accepted.size(), notProblem.size(), changed, took.toSeconds());
        serverErrors.forEach(l -> Figures.record("bad-input", "5xx %s", l));
        accepted.forEach(l -> Figures.record("bad-input", "ACCEPTED %s", l));
        notProblem.forEach(l -> Figures.record("bad-input", "NOT-PROBLEM %s", l));
        ruleAnswers.forEach(l -> Figures.record("bad-input", "RULE %s", l));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(accepted).as("bad input accepted").isEmpty();
        assertThat(notProblem).as("4xx answers that are not problem+json").isEmpty();
        assertThat(changed).as("stored state changed by refused requests").isEmpty();
        assertThat(ruleAnswers).as("control characters 422 and duplicate keys 400, naming the field and the rule")
                .isEmpty();
        for (Service s : Service.values()) {
            for (String kind : List.of("control character", "duplicate key", "non-ASCII digits", "bad period")) {
                assertThat(corpus).as(kind + " cases for " + s.module)
                        .anyMatch(c -> c.service() == s && c.name().startsWith(kind));
            }
        }
    }

    /** What a case of the input rules must answer besides "a 4xx problem": null when anything 4xx will do. */
    static String expected(Case c, Response r) {
        String name = c.name();
        if (name.startsWith("control character") && c.contentType() != null && c.contentType().contains("csv")) {
            return r.statusCode() == 422 && "control-character".equals(r.path("errors[0].rule")) ? null
                    : "422 control-character";
        }
        if (name.startsWith("control character")) {
            String field = name.substring(name.lastIndexOf(" in ") + 4);
            return r.statusCode() == 422 && "control-character".equals(r.path("errors[0].rule"))
                    && field.equals(r.path("errors[0].field")) ? null : "422 control-character on " + field;
        }
        if (name.startsWith("duplicate key")) {
            String key = name.substring("duplicate key: ".length());
            return r.statusCode() == 400 && "duplicate-key".equals(r.path("errors[0].rule"))
                    && key.equals(r.path("errors[0].field")) ? null : "400 duplicate-key on " + key;
        }
        return null;
    }

    static Response send(Case c) {
        RequestSpecification spec = Api.as(c.user(), ServiceProcesses.get().base(c.service()));
        if (c.contentType() != null) {
            spec.contentType(c.contentType());
        }
        if (c.path().contains(".csv")) {
            spec.accept("text/csv, application/problem+json");
        }
        if (c.body() != null) {
            spec.body(c.body());
        }
        return switch (c.method()) {
            case "POST" -> spec.post(c.path());
            case "PUT" -> spec.put(c.path());
            case "GET" -> spec.urlEncodingEnabled(false).get(c.path()); // the corpus paths are encoded already
            default -> throw new IllegalStateException(c.method());
        };
    }

    /**
     * The stored state of each service: a digest of every row of every table a request can write (the outbox by its
     * count of events other than the overdue job's, since the relay marks rows sent in the background).
     */
    static Map<Service, Map<String, String>> state() {
        Map<Service, Map<String, String>> out = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            Map<String, String> tables = new LinkedHashMap<>();
            for (String t : Db.strings(s, "select table_name from information_schema.tables where table_schema = 'public'"
                    // import_job logs every import attempt, a refused one too (its errors stay readable at
                    // /api/imports/jobs/{id}); it records the refusal, it changes no figure
                    + " and table_type = 'BASE TABLE' and table_name not in ('flyway_schema_history', 'inbox_event', 'import_job')"
                    + " order by 1")) {
                if (CONSUMER_SIDE.get(s).contains(t)) {
                    continue;
                }
                String sql = t.equals("outbox_event")
                        ? "select count(*)::text from outbox_event where type <> 'city.task.task-overdue.v1'"
                        : "select count(*) || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '') from \"" + t + "\" x";
                tables.put(t, Db.strings(s, sql).get(0));
            }
            out.put(s, tables);
        }
        return out;
    }

    // ---- the corpus ----------------------------------------------------------------------------------------

    /** A write endpoint with a valid body, the fields to attack and the cases specific to its rules. */
    record Endpoint(Service service, String method, String path, String user, ObjectNode valid, List<String> stringFields,
                    List<String> numberFields, List<String> enumFields, List<String> dateFields) {
    }

    static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        List<Endpoint> endpoints = endpoints();
        for (Endpoint e : endpoints) {
            generic(e, cases);
        }
        specific(cases);
        return cases;
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        out.add(new Endpoint(Service.INDICATOR, "POST", "/api/figures", "officer-fin", obj(Map.of("indicatorCode", indicator,
                "unitCode", "FIN", "period", period, "version", "ESTIMATE", "value", 10, "note", "ước")),
                List.of("indicatorCode", "unitCode", "period"), List.of("value"), List.of("version"), List.of()));
        out.add(new Endpoint(Service.INDICATOR, "POST", "/api/targets", "secretariat", obj(Map.of("indicatorCode", indicator,
                "year", 2026, "value", 100, "kind", "PLAN", "documentNumber", "KH-1", "documentDate", "2025-12-20")),
                List.of("indicatorCode"), List.of("year", "value"), List.of("kind"), List.of("documentDate")));
        out.add(new Endpoint(Service.INDICATOR, "POST", "/api/units", "secretariat",
                obj(AuthorizationMatrixIT.unit("ST-BAD-" + Steps.suffix())), List.of("code", "name"), List.of(),
                List.of("kind"), List.of("validFrom")));
        out.add(new Endpoint(Service.INDICATOR, "POST", "/api/indicators", "secretariat",
                obj(AuthorizationMatrixIT.indicatorBody("ST_BAD_" + Steps.suffix())), List.of("code", "name", "ownerUnit"),
                List.of(), List.of("nature", "direction"), List.of()));
        out.add(new Endpoint(Service.INDICATOR, "POST", "/api/imports/dhis2", "officer-fin", obj(Map.of("dataSet", "monthly",
                "period", period.replace("-", ""), "orgUnit", "FIN", "dataValues", List.of(Map.of("dataElement", indicator,
                        "value", "5")))), List.of("period", "orgUnit"), List.of(), List.of(), List.of()));
        out.add(new Endpoint(Service.TASK, "POST", "/api/tasks", "secretariat", obj(AuthorizationMatrixIT.newTask("FIN")),
                List.of("title", "leadUnit", "period"), List.of(), List.of("priority"), List.of("deadline")));
        out.add(new Endpoint(Service.TASK, "POST", "/api/tasks/" + taskId + "/progress", "officer-fin",
                obj(Map.of("percent", 30, "text", "Đang làm")), List.of("text"), List.of("percent"), List.of(), List.of()));
        out.add(new Endpoint(Service.TASK, "POST", "/api/tasks/" + taskId + "/extension-requests", "officer-fin",
                obj(Map.of("newDeadline", LocalDate.now().plusDays(200).toString(), "reason", "Mưa bão")),
                List.of("reason"), List.of(), List.of(), List.of("newDeadline")));
        out.add(new Endpoint(Service.MEETING, "POST", "/api/meetings", "secretariat", obj(AuthorizationMatrixIT.meeting("FIN")),
                List.of("title", "period", "chair"), List.of(), List.of("type"), List.of("startsAt")));
        out.add(new Endpoint(Service.MEETING, "PUT", "/api/meetings/" + meetingId + "/conclusion", "leader",
                obj(Map.of("text", "Kết luận", "directives", List.of(Steps.directive("Chỉ đạo", "FIN",
                        LocalDate.now().plusDays(30), List.of())))), List.of("text"), List.of(), List.of(), List.of()));
        out.add(new Endpoint(Service.MEETING, "POST", "/api/meetings/" + meetingId + "/items", "secretariat",
                obj(Map.of("kind", "REPORT", "title", "Báo cáo", "presentingUnit", "FIN")), List.of("title"), List.of(),
                List.of("kind"), List.of()));
        out.add(new Endpoint(Service.MEETING, "POST", "/api/meetings/" + meetingId + "/items/" + itemId + "/opinions",
                "officer-fin", obj(Map.of("stance", "AGREE", "text", "Nhất trí")), List.of("text"), List.of(),
                List.of("stance"), List.of()));
        return out;
    }

    /** The same attacks on every endpoint, field by field. */
    static void generic(Endpoint e, List<Case> cases) {
        String json = "application/json";
        add(cases, e, "malformed: truncated", json, bytes("{\"" + e.valid().fieldNames().next() + "\": "));
        add(cases, e, "malformed: trailing comma", json, bytes(e.valid().toString().replaceFirst("}$", ",}")));
        add(cases, e, "malformed: single quotes", json, bytes(e.valid().toString().replace('"', '\'')));
        add(cases, e, "malformed: not JSON", json, bytes("chỉ tiêu=10&đơn vị=FIN"));
        add(cases, e, "body is null", json, bytes("null"));
        add(cases, e, "body is an array", json, bytes("[" + e.valid() + "]"));
        add(cases, e, "empty body", json, new byte[0]);
        add(cases, e, "wrong content type", "text/plain", bytes(e.valid().toString()));
        if (!e.path().startsWith("/api/imports")) {
            // import files may be up to 256 MiB, and a DHIS2 dataValueSet ignores fields it does not know (DHIS2
            // clients send more than it reads): 3 MB there is a legitimate file, not a bad input
            add(cases, e, "oversized body (3 MB)", json, bytes(mutate(e.valid(), n -> n.put("padding", "x".repeat(3 * 1024 * 1024)))
                    .toString()));
        }
        byte[] invalidUtf8 = invalidUtf8(e.valid(), e.stringFields().get(0));
        add(cases, e, "invalid UTF-8 in " + e.stringFields().get(0), json, invalidUtf8);
        for (String f : e.stringFields()) {
            add(cases, e, "huge string in " + f, json, bytes(mutate(e.valid(), n -> n.put(f, HUGE)).toString()));
            add(cases, e, "object instead of string in " + f, json,
                    bytes(mutate(e.valid(), n -> n.putObject(f).put("a", 1)).toString()));
        }
        for (String f : e.numberFields()) {
            add(cases, e, "text instead of number in " + f, json, bytes(mutate(e.valid(), n -> n.put(f, "mười")).toString()));
            add(cases, e, "1e400 in " + f, json, bytes(e.valid().toString().replace("\"" + f + "\":" + e.valid().get(f),
                    "\"" + f + "\":" + BIG_NUMBER)));
            add(cases, e, "30-digit number in " + f, json, bytes(e.valid().toString().replace("\"" + f + "\":" + e.valid().get(f),
                    "\"" + f + "\":" + LONG_NUMBER)));
            add(cases, e, "negative " + f, json, bytes(mutate(e.valid(), n -> n.put(f, -5)).toString()));
        }
        for (String f : e.enumFields()) {
            add(cases, e, "unknown value of " + f, json, bytes(mutate(e.valid(), n -> n.put(f, "KHÔNG_CÓ")).toString()));
            add(cases, e, "injection in " + f, json, bytes(mutate(e.valid(), n -> n.put(f, INJECTION)).toString()));
        }
        for (String f : e.dateFields()) {
            add(cases, e, "Vietnamese date format in " + f, json, bytes(mutate(e.valid(), n -> n.put(f, "31/12/2022")).toString()));
            add(cases, e, "non-ASCII digits: full-width date in " + f, json,
                    bytes(mutate(e.valid(), n -> n.put(f, "２０２２-１２-３１")).toString()));
        }
        // The input rules every service applies alike (vn.city.common.input): control characters, duplicate keys,
        // digits other than ASCII, periods outside the one Period reading.
        for (String f : e.stringFields()) {
            for (Map.Entry<String, String> c : CONTROLS.entrySet()) {
                add(cases, e, "control character: " + c.getKey() + " in " + f, json,
                        bytes(mutate(e.valid(), n -> n.put(f, "Nội dung" + c.getValue() + "tiếp")).toString()));
            }
        }
        String first = e.valid().fieldNames().next();
        add(cases, e, "duplicate key: " + first, json, bytes(e.valid().toString()
                .replaceFirst("^\\{", "{\"" + first + "\":" + Api.JSON.valueToTree(e.valid().get(first)) + ",")));
        for (String f : e.numberFields()) {
            for (Map.Entry<String, String> d : FOREIGN_DIGITS.entrySet()) {
                add(cases, e, "non-ASCII digits: " + d.getKey() + " in " + f, json,
                        bytes(mutate(e.valid(), n -> n.put(f, d.getValue())).toString()));
            }
        }
        if (e.valid().has("period")) {
            for (String bad : BAD_PERIODS) {
                add(cases, e, "bad period: " + bad, json, bytes(mutate(e.valid(), n -> n.put("period", bad)).toString()));
            }
        }
    }

    /** Control characters a client may send; tab, line feed and carriage return are allowed and not here. */
    static final Map<String, String> CONTROLS = new java.util.TreeMap<>(Map.of(
            "NUL", "\u0000", "ESC", "\u001b", "BEL", "\u0007", "DEL", "\u007f", "C1 NEL", "\u0085"));
    /** Numbers written in digits other than ASCII 0-9. */
    static final Map<String, String> FOREIGN_DIGITS = new java.util.TreeMap<>(Map.of(
            "full-width", "２０２６", "Arabic-Indic", "٢٠٢٦", "Devanagari", "२०२६"));
    /** Periods that no service may read (task-service once stored 0001-01 as 1-01; meeting-service took year 1). */
    static final List<String> BAD_PERIODS = List.of("0001-01", "1-01", "0001", "1899-12", "3000-01", "2022-6",
            "２０２２-06", "2022-Ｑ2", "2022-Q5", "2022-H3", "2022-06\u0000");

    /** Cases that need one endpoint's own rules: unknown codes, future periods, ranges, duplicates, injection. */
    static void specific(List<Case> cases) {
        String json = "application/json";
        Endpoint figure = endpoints().get(0);
        for (Map.Entry<String, Consumer<ObjectNode>> m : Map.<String, Consumer<ObjectNode>>of(
                "unknown indicator", n -> n.put("indicatorCode", "KHONG_TON_TAI"),
                "unknown unit", n -> n.put("unitCode", "NOPE"),
                "future period", n -> n.put("period", "2999-01"),
                "period of month 13", n -> n.put("period", "2022-13"),
                "injection in indicatorCode", n -> n.put("indicatorCode", INJECTION),
                "script in unitCode", n -> n.put("unitCode", SCRIPT),
                "value and valueText", n -> n.put("valueText", "1.739,5"),
                "7 decimals", n -> n.put("value", new java.math.BigDecimal("1.1234567")),
                "measure unit mismatch", n -> n.put("measureUnit", "ha"),
                "unknown field", n -> n.put("approvedBy", "leader")).entrySet()) {
            add(cases, figure, m.getKey(), json, bytes(mutate(figure.valid(), m.getValue()).toString()));
        }
        add(cases, figure, "no value", json, bytes(mutate(figure.valid(), n -> n.remove("value")).toString()));
        add(cases, figure, "valueText not a number", json, bytes(mutate(figure.valid(), n -> {
            n.remove("value");
            n.put("valueText", "khoảng 10");
        }).toString()));
        add(cases, figure, "year to date below value", json, bytes(mutate(figure.valid(), n -> n.put("yearToDate", 1)).toString()));

        Endpoint target = endpoints().get(1);
        add(cases, target, "year 1800", json, bytes(mutate(target.valid(), n -> n.put("year", 1800)).toString()));
        add(cases, target, "year 99999", json, bytes(mutate(target.valid(), n -> n.put("year", 99999)).toString()));
        add(cases, target, "unknown indicator", json, bytes(mutate(target.valid(), n -> n.put("indicatorCode", "NOPE")).toString()));
        add(cases, target, "unknown unit", json, bytes(mutate(target.valid(), n -> n.put("unitCode", "NOPE")).toString()));

        Endpoint unit = endpoints().get(2);
        add(cases, unit, "duplicate unit code", json, bytes(mutate(unit.valid(), n -> n.put("code", existingUnit)).toString()));
        add(cases, unit, "lower-case code", json, bytes(mutate(unit.valid(), n -> n.put("code", "phuong-moi")).toString()));
        add(cases, unit, "injection in code", json, bytes(mutate(unit.valid(), n -> n.put("code", INJECTION)).toString()));
        add(cases, unit, "unknown parent", json, bytes(mutate(unit.valid(), n -> n.put("parentCode", "NOPE")).toString()));
        add(cases, unit, "validTo before validFrom", json, bytes(mutate(unit.valid(), n -> n.put("validTo", "2019-01-01")).toString()));

        Endpoint ind = endpoints().get(3);
        add(cases, ind, "duplicate indicator code", json, bytes(mutate(ind.valid(), n -> n.put("code", indicator)).toString()));
        add(cases, ind, "unknown measure unit", json, bytes(mutate(ind.valid(), n -> n.put("measureUnit", "dặm")).toString()));
        add(cases, ind, "unknown owner unit", json, bytes(mutate(ind.valid(), n -> n.put("ownerUnit", "NOPE")).toString()));
        add(cases, ind, "unknown reporting unit", json, bytes(mutate(ind.valid(), n -> n.putArray("reportingUnits").add("NOPE"))
                .toString()));
        add(cases, ind, "script in code", json, bytes(mutate(ind.valid(), n -> n.put("code", SCRIPT)).toString()));
        for (Map.Entry<String, String> m : Map.of(
                "deadline day 29", "{\"periodKind\":\"MONTH\",\"deadlineDay\":29}",
                "deadline day 0", "{\"periodKind\":\"MONTH\",\"deadlineDay\":0}",
                "deadline day as text", "{\"periodKind\":\"MONTH\",\"deadlineDay\":\"hai mươi\"}",
                "deadline day 1e400", "{\"periodKind\":\"MONTH\",\"deadlineDay\":1e400}",
                "unknown period kind", "{\"periodKind\":\"WEEK\",\"deadlineDay\":20}").entrySet()) {
            cases.add(new Case(m.getKey(), Service.INDICATOR, "PUT", "/api/reporting/deadlines", "secretariat", json,
                    bytes(m.getValue())));
        }
        cases.add(new Case("duplicate measure unit", Service.INDICATOR, "POST", "/api/indicators/measure-units", "secretariat",
                json, bytes("{\"code\":\"" + existingMeasureUnit + "\",\"name\":\"lại\"}")));

        Endpoint dhis2 = endpoints().get(4);
        add(cases, dhis2, "DHIS2 period in a wrong form", json, bytes(mutate(dhis2.valid(), n -> n.put("period", "2022-06")).toString()));
        add(cases, dhis2, "unknown data element", json, bytes(mutate(dhis2.valid(), n -> n.putArray("dataValues").addObject()
                .put("dataElement", "NOPE").put("value", "1")).toString()));
        add(cases, dhis2, "value not a number", json, bytes(mutate(dhis2.valid(), n -> n.putArray("dataValues").addObject()
                .put("dataElement", indicator).put("value", "nhiều")).toString()));
        add(cases, dhis2, "dataValues missing", json, bytes(mutate(dhis2.valid(), n -> n.remove("dataValues")).toString()));

        String csv = "text/csv";
        String header = "indicatorCode,unitCode,period,version,value\n";
        for (Map.Entry<String, String> m : Map.of(
                "CSV without rows", header,
                "CSV without header", indicator + ",FIN," + period + ",ESTIMATE,1\n",
                "CSV header missing value", "indicatorCode,unitCode,period,version\n" + indicator + ",FIN," + period + ",ESTIMATE\n",
                "CSV unknown indicator", header + "NOPE,FIN," + period + ",ESTIMATE,1\n",
                "CSV future period", header + indicator + ",FIN,2999-01,ESTIMATE,1\n",
                "CSV text value", header + indicator + ",FIN," + period + ",ESTIMATE,mười\n",
                "CSV one bad row of two", header + indicator + ",FIN," + period + ",ESTIMATE,1\n" + indicator + ",FIN," + period
                        + ",ESTIMATE,-1\n",
                "CSV unterminated quote", header + indicator + ",FIN," + period + ",ESTIMATE,\"1\n",
                "CSV injection", header + INJECTION + ",FIN," + period + ",ESTIMATE,1\n",
                "CSV empty", "").entrySet()) {
            cases.add(new Case(m.getKey(), Service.INDICATOR, "POST", "/api/imports/figures", "officer-fin", csv, bytes(m.getValue())));
        }
        String noteHeader = "indicatorCode,unitCode,period,version,value,note\n";
        for (Map.Entry<String, String> m : Map.of(
                "control character: NUL in a CSV note", noteHeader + indicator + ",FIN," + period + ",ESTIMATE,1,ước\u0000\n",
                "non-ASCII digits: full-width CSV value", header + indicator + ",FIN," + period + ",ESTIMATE,１２\n",
                "bad period: 0001-01 in CSV", header + indicator + ",FIN,0001-01,ESTIMATE,1\n").entrySet()) {
            cases.add(new Case(m.getKey(), Service.INDICATOR, "POST", "/api/imports/figures", "officer-fin", csv, bytes(m.getValue())));
        }
        ByteArrayOutputStream badCsv = new ByteArrayOutputStream();
        badCsv.writeBytes(bytes(header));
        badCsv.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        badCsv.writeBytes(bytes(",FIN," + period + ",ESTIMATE,1\n"));
        cases.add(new Case("CSV invalid UTF-8", Service.INDICATOR, "POST", "/api/imports/figures", "officer-fin", csv, badCsv.toByteArray()));

        Endpoint task = endpoints().get(5);
        add(cases, task, "unknown lead unit", json, bytes(mutate(task.valid(), n -> n.put("leadUnit", "NOPE")).toString()));
        add(cases, task, "injection in leadUnit", json, bytes(mutate(task.valid(), n -> n.put("leadUnit", INJECTION)).toString()));
        add(cases, task, "deadline and ongoing", json, bytes(mutate(task.valid(), n -> n.put("ongoing", true)).toString()));
        add(cases, task, "document without number", json, bytes(mutate(task.valid(), n -> n.putObject("source")
                .put("kind", "DOCUMENT").put("documentDate", "2022-07-05")).toString()));
        add(cases, task, "source kind CONCLUSION", json, bytes(mutate(task.valid(), n -> n.putObject("source")
                .put("kind", "CONCLUSION")).toString()));
        add(cases, task, "period of month 13", json, bytes(mutate(task.valid(), n -> n.put("period", "2022-13")).toString()));

        Endpoint progress = endpoints().get(6);
        add(cases, progress, "percent 101", json, bytes(mutate(progress.valid(), n -> n.put("percent", 101)).toString()));
        add(cases, progress, "blank text", json, bytes(mutate(progress.valid(), n -> n.put("text", "   ")).toString()));
        add(cases, progress, "unit not on the task", json, bytes(mutate(progress.valid(), n -> n.put("unitCode", "NOPE")).toString()));
        Endpoint ext = endpoints().get(7);
        add(cases, ext, "new deadline in the past", json, bytes(mutate(ext.valid(), n -> n.put("newDeadline", "2001-01-01")).toString()));
        cases.add(new Case("start an already started task", Service.TASK, "POST", "/api/tasks/" + taskId + "/start",
                "officer-fin", null, null));
        cases.add(new Case("not a task id", Service.TASK, "POST", "/api/tasks/" + INJECTION.replace(" ", "%20") + "/start",
                "officer-fin", null, null));

        Endpoint meeting = endpoints().get(8);
        add(cases, meeting, "period of month 13", json, bytes(mutate(meeting.valid(), n -> n.put("period", "2022-13")).toString()));
        add(cases, meeting, "injection in period", json, bytes(mutate(meeting.valid(), n -> n.put("period", INJECTION)).toString()));
        add(cases, meeting, "unknown attendee unit", json, bytes(mutate(meeting.valid(), n -> n.putArray("attendeeUnits").add("NOPE"))
                .toString()));
        add(cases, meeting, "startsAt without offset", json, bytes(mutate(meeting.valid(), n -> n.put("startsAt", "2026-13-01T07:00"))
                .toString()));
        Endpoint conclusion = endpoints().get(9);
        add(cases, conclusion, "directive with unknown lead unit", json, bytes(mutate(conclusion.valid(), n -> n.putArray("directives")
                .addObject().put("content", "Làm").put("leadUnit", "NOPE").put("deadline", "2030-01-01")).toString()));
        add(cases, conclusion, "directive with deadline and ongoing", json, bytes(mutate(conclusion.valid(), n -> n
                .putArray("directives").addObject().put("content", "Làm").put("leadUnit", "FIN").put("deadline", "2030-01-01")
                .put("ongoing", true)).toString()));
        add(cases, conclusion, "directive without content", json, bytes(mutate(conclusion.valid(), n -> n.putArray("directives")
                .addObject().put("leadUnit", "FIN").put("ongoing", true)).toString()));
        add(cases, conclusion, "directives missing", json, bytes(mutate(conclusion.valid(), n -> n.remove("directives")).toString()));
        String dup = UUID.randomUUID().toString();
        add(cases, conclusion, "unknown directive id", json, bytes(mutate(conclusion.valid(), n -> n.putArray("directives")
                .addObject().put("directiveId", dup).put("content", "Làm").put("leadUnit", "FIN").put("ongoing", true)).toString()));
        cases.add(new Case("publish twice", Service.MEETING, "POST", "/api/meetings/" + concludedMeeting + "/conclusion/publish",
                "leader", null, null));
        cases.add(new Case("draft after the conclusion", Service.MEETING, "PUT", "/api/meetings/" + concludedMeeting + "/conclusion",
                "leader", json, bytes(conclusion.valid().toString())));
        Endpoint item = endpoints().get(10);
        add(cases, item, "kind CARRY_OVER by hand", json, bytes(mutate(item.valid(), n -> n.put("kind", "CARRY_OVER")).toString()));
        cases.add(new Case("not a meeting id", Service.MEETING, "POST", "/api/meetings/not-a-uuid/start", "secretariat", null, null));
        cases.add(new Case("unknown meeting", Service.MEETING, "POST", "/api/meetings/" + UUID.randomUUID() + "/start",
                "secretariat", null, null));
        cases.add(new Case("pack of an impossible period", Service.MEETING, "GET", "/api/packs/period/2022-13", "secretariat",
                null, null));
        // query parameters of the read side: refused with a 4xx problem too, never a 5xx
        for (String[] q : new String[][] {
                {"INDICATOR", "/api/figures?indicator=" + indicator + "&unit=FIN&period=2022-13"},
                {"INDICATOR", "/api/figures?indicator=" + indicator + "&unit=FIN"},
                {"INDICATOR", "/api/figures/current?indicator=" + indicator + "&unit=FIN&period=" + period + "&asOf=" + enc("hôm qua")},
                {"INDICATOR", "/api/results?indicator=" + indicator + "&period=" + enc(INJECTION)},
                {"INDICATOR", "/api/results/city?period=" + period},
                {"INDICATOR", "/api/results/export.csv?period=9999999999-01"},
                {"INDICATOR", "/api/reporting/windows?period=2022-Q5"},
                {"INDICATOR", "/api/reporting/completeness?period=" + period + "&asOf=1e400"},
                {"INDICATOR", "/api/targets?year=" + LONG_NUMBER},
                {"INDICATOR", "/api/targets/history?indicator=" + indicator},
                {"TASK", "/api/tasks?status=" + enc(SCRIPT)},
                {"TASK", "/api/tasks?deadlineFrom=31/12/2022"},
                {"TASK", "/api/tasks?deadlineFrom=2022-12-31&deadlineTo=2022-01-01"},
                {"TASK", "/api/statistics/units"},
                {"TASK", "/api/statistics/units?period=" + enc(INJECTION)},
                {"TASK", "/api/tasks/" + UUID.randomUUID()},
                {"MEETING", "/api/meetings?status=" + enc(INJECTION)},
                {"MEETING", "/api/packs/not-a-uuid"},
                {"MEETING", "/api/narratives/" + UUID.randomUUID()}}) {
            cases.add(new Case("query " + q[1], Service.valueOf(q[0]), "GET", q[1], "secretariat", null, null));
        }
        // the input rules in query and path parameters, in every service
        for (String[] q : new String[][] {
                {"INDICATOR", "/api/results?indicator=" + indicator + "&period=" + enc("２０２２-06")},
                {"INDICATOR", "/api/results?indicator=" + indicator + "&period=0001-01"},
                {"INDICATOR", "/api/targets?year=" + enc("２０２６")},
                {"INDICATOR", "/api/indicators?category=" + enc("Kinh tế\u0000")},
                {"INDICATOR", "/api/units/" + enc("FIN\u0000")},
                {"TASK", "/api/tasks?period=0001-01"},
                {"TASK", "/api/tasks?period=" + enc("２０２２-07")},
                {"TASK", "/api/tasks?deadlineFrom=" + enc("２０２２-01-01")},
                {"TASK", "/api/tasks?unit=" + enc("FIN\u0000")},
                {"TASK", "/api/statistics/units?period=0001"},
                {"MEETING", "/api/meetings?period=0001-01"},
                {"MEETING", "/api/meetings?period=" + enc("٢٠٢٢-06")},
                {"MEETING", "/api/packs/period/0001-01"},
                {"MEETING", "/api/packs/period/" + enc("２０２２-06")},
                {"MEETING", "/api/meetings?period=" + enc("2022-06\u001b")}}) {
            cases.add(new Case("input rule in query " + q[1], Service.valueOf(q[0]), "GET", q[1], "secretariat", null, null));
        }
        cases.add(new Case("script in a unit path", Service.INDICATOR, "GET", "/api/units/" + "%3Cscript%3E", "viewer", null, null));
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void add(List<Case> cases, Endpoint e, String name, String contentType, byte[] body) {
        cases.add(new Case(name, e.service(), e.method(), e.path(), e.user(), contentType, body));
    }

    static ObjectNode obj(Map<String, ?> map) {
        return Api.JSON.valueToTree(map);
    }

    static ObjectNode mutate(ObjectNode valid, Consumer<ObjectNode> change) {
        ObjectNode copy = valid.deepCopy();
        change.accept(copy);
        return copy;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The body with the bytes C3 28 (an invalid UTF-8 sequence) inside the value of {@code field}. */
    static byte[] invalidUtf8(ObjectNode valid, String field) {
        String marker = "@@INVALID@@";
        String text = mutate(valid, n -> n.put(field, marker)).toString();
        int at = text.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(text.substring(0, at)));
        out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        out.writeBytes(bytes(text.substring(at + marker.length())));
        return out.toByteArray();
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 200 ? s.replace('\n', ' ') : s.substring(0, 197).replace('\n', ' ') + "...";
    }
}

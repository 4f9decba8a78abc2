package vn.city.indicator.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import vn.city.common.event.CloudEvent;
import vn.city.common.event.EventCodec;
import vn.city.common.outbox.Outbox;
import vn.city.common.outbox.OutboxConfig;
import vn.city.common.problem.Problem;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.indicator.IndicatorConfig;
import vn.city.indicator.catalogue.Indicator;
import vn.city.indicator.result.event.CityResultChanged;
import vn.city.indicator.EventNames;
import vn.city.indicator.figure.event.FigureSubmitted;
import vn.city.indicator.figure.FigureView;
import vn.city.indicator.figure.SubmissionRules;
import vn.city.indicator.figure.ValueRules;
import vn.city.indicator.figure.service.FigureService;
import vn.city.common.period.Period;
import vn.city.common.period.PeriodKind;
import vn.city.indicator.reporting.ReportingCalendar;
import vn.city.indicator.reporting.ReportingRules;
import vn.city.indicator.catalogue.Aggregation;
import vn.city.indicator.catalogue.ChangeKind;
import vn.city.indicator.result.CityAggregation;
import vn.city.indicator.catalogue.Direction;
import vn.city.indicator.result.FigurePoint;
import vn.city.indicator.result.FigureVersion;
import vn.city.indicator.catalogue.Nature;
import vn.city.indicator.result.Result;
import vn.city.indicator.result.service.CityResultPublisher;
import vn.city.indicator.result.service.ResultService;
import vn.city.indicator.result.TargetPoint;
import vn.city.indicator.unit.OrgUnit;
import vn.city.indicator.unit.SuccessionKind;
import vn.city.indicator.unit.UnitKind;
import vn.city.indicator.unit.UnitSuccession;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The bulk import: rows streamed from a file, each checked by the same {@link SubmissionRules} as the API (every
 * error reported, up to a cap), then — only when none failed — written in one transaction with PostgreSQL COPY,
 * with a {@code figure-submitted} event for every figure and the changed city results through the outbox. Results
 * in the events are those of the committed state (the file is one transaction). Runs over JDBC on the caller's
 * thread (a worker, never an event loop); progress is written to {@code import_job} as it goes.
 */
@ApplicationScoped
public class BulkImport {

    private static final Logger LOG = Logger.getLogger(BulkImport.class);
    public static final int ERROR_CAP = 100;
    private static final int PROGRESS_EVERY = 5000;

    /** One row of a file: where it is (the error prefix, e.g. {@code rows[12].}) and the figure it gives. */
    public record Row(String prefix, vn.city.indicator.figure.FigureCommand figure) {
    }

    /** Streams the rows of a file; {@link #next} answers null at the end. */
    public interface RowSource {
        Row next() throws IOException;

        /** How far into the file the source is (for the percentage). */
        long position();
    }

    /** How an import ended. */
    public record Outcome(String state, int rowsRead, int rowsRejected, int rowsWritten,
                          List<Problem.FieldViolation> errors, boolean forbidden, List<FigureView> figures) {
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final ReportingCalendar calendar;
    private final ResultService results;
    private final EventCodec codec;
    private final OutboxConfig outboxConfig;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public BulkImport(AgroalDataSource dataSource, Clock clock, ReportingCalendar calendar, ResultService results,
                      EventCodec codec, OutboxConfig outboxConfig, Outbox outbox, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.calendar = calendar;
        this.results = results;
        this.codec = codec;
        this.outboxConfig = outboxConfig;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** Runs the job: validates every row, then writes all or nothing. Never throws; the outcome says what happened. */
    public Outcome run(UUID jobId, RowSource source, long totalBytes, CurrentUser user, String channel,
                       boolean keepFigures) {
        int read = 0;
        int rejected = 0;
        List<Problem.FieldViolation> errors = new ArrayList<>();
        boolean forbidden = false;
        try {
            progress(jobId, "RUNNING", 0, 0, 0, 0, null, null);
            Catalogue cat = catalogue();
            SubmissionRules rules = new SubmissionRules(cat.indicators::get, cat.units::get, calendar.today());
            List<FigureService.Checked> checked = new ArrayList<>();
            while (true) {
                Row row;
                List<Problem.FieldViolation> rowErrors = new ArrayList<>();
                try {
                    row = source.next();
                } catch (ImportJobs.RowException e) {
                    row = null;
                    rowErrors.add(new Problem.FieldViolation(e.field(), e.rule(), e.getMessage()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("body", "syntax", e.getMessage());
                }
                if (row == null && rowErrors.isEmpty()) {
                    break;
                }
                read++;
                try {
                    FigureService.Checked c = row == null ? null : rules.check(row.figure(), row.prefix(), user, rowErrors);
                    if (rowErrors.isEmpty() && c != null) {
                        checked.add(c);
                    }
                } catch (ProblemException e) {
                    forbidden = true;
                    rowErrors.add(new Problem.FieldViolation(row.prefix() + "unitCode", "forbidden", e.getMessage()));
                }
                if (!rowErrors.isEmpty()) {
                    rejected++;
                    for (Problem.FieldViolation v : rowErrors) {
                        if (errors.size() < ERROR_CAP) {
                            errors.add(v);
                        }
                    }
                }
                if (read % PROGRESS_EVERY == 0) {
                    progress(jobId, "RUNNING", read, rejected, 0, percent(source.position(), totalBytes, 50), null, null);
                }
            }
            if (read == 0) {
                errors.add(new Problem.FieldViolation("rows", "not-empty", "the file holds no figures"));
            }
            if (!errors.isEmpty()) {
                progress(jobId, "FAILED", read, rejected, 0, 100, errors, "nothing was stored: " + rejected
                        + " of " + read + " rows break a rule");
                return new Outcome("FAILED", read, rejected, 0, errors, forbidden, List.of());
            }
            progress(jobId, "RUNNING", read, 0, 0, 50, null, null);
            List<FigureView> figures = write(jobId, checked, cat, user.username(), channel, keepFigures);
            progress(jobId, "SUCCEEDED", read, 0, checked.size(), 100, null, null);
            return new Outcome("SUCCEEDED", read, 0, checked.size(), List.of(), false, figures);
        } catch (Exception e) {
            LOG.warnf(e, "import %s failed", jobId);
            List<Problem.FieldViolation> failure = List.of(new Problem.FieldViolation("file", "import-failed",
                    String.valueOf(e.getMessage())));
            try {
                progress(jobId, "FAILED", read, rejected, 0, 100, failure, "nothing was stored: " + e.getMessage());
            } catch (SQLException ignored) {
                // the job row stays RUNNING; the error is logged
            }
            return new Outcome("FAILED", read, rejected, 0, failure, false, List.of());
        }
    }

    private static int percent(long position, long total, int share) {
        return total <= 0 ? 0 : (int) Math.min(share, position * share / total);
    }

    // ---------------------------------------------------------------------------------------------- writing

    private List<FigureView> write(UUID jobId, List<FigureService.Checked> rows, Catalogue cat, String by,
                                   String channel, boolean keepFigures) throws SQLException, IOException {
        Instant start = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReportingRules reporting = calendar.rules(cat.deadlines);
        TreeSet<String> lockKeys = new TreeSet<>();
        Set<String> codes = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        for (FigureService.Checked c : rows) {
            lockKeys.add(c.indicator().code + "/" + c.period().year());
            codes.add(c.indicator().code);
            years.add(c.period().year());
            years.add(c.period().year() - 1);
        }
        // weighted rates built on what is imported change too
        Map<String, List<Indicator>> dependents = new HashMap<>();
        for (Indicator i : cat.indicators.values()) {
            if (i.aggregation == Aggregation.WEIGHTED) {
                for (String part : List.of(i.numeratorCode, i.denominatorCode)) {
                    if (codes.contains(part)) {
                        dependents.computeIfAbsent(part, k -> new ArrayList<>()).add(i);
                    }
                }
            }
        }
        Set<String> loaded = new HashSet<>(codes);
        for (String code : new ArrayList<>(loaded)) {
            for (Indicator w : dependents.getOrDefault(code, List.of())) {
                loaded.add(w.code);
                loaded.add(w.numeratorCode);
                loaded.add(w.denominatorCode);
            }
        }
        for (FigureService.Checked c : rows) {
            for (Indicator w : dependents.getOrDefault(c.indicator().code, List.of())) {
                lockKeys.add(w.code + "/" + c.period().year());
            }
        }
        List<FigureView> figures = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 12))")) {
                    for (String key : lockKeys) {
                        lock.setString(1, key);
                        lock.execute();
                    }
                }
                UUID[] ids = new UUID[rows.size()];
                Instant[] at = new Instant[rows.size()];
                boolean[] onTime = new boolean[rows.size()];
                CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy figure_submission (id, indicator_code, unit_code, period, period_kind, period_year, version,
                                                value, year_to_date, submitted_by, submitted_at, note, on_time, outlier,
                                                channel) from stdin (format csv)""");
                StringBuilder sb = new StringBuilder(256 * 1024);
                for (int n = 0; n < rows.size(); n++) {
                    FigureService.Checked r = rows.get(n);
                    ids[n] = UUID.randomUUID();
                    at[n] = start.plus(n, ChronoUnit.MICROS);
                    onTime[n] = reporting.window(r.period()).onTime(at[n]);
                    sb.append(ids[n]).append(',').append(csv(r.indicator().code)).append(',').append(csv(r.unit().code))
                            .append(',').append(r.period()).append(',').append(r.period().kind().name()).append(',')
                            .append(r.period().year()).append(',').append(r.version().name()).append(',')
                            .append(r.value().toPlainString()).append(',')
                            .append(r.yearToDate() == null ? "" : r.yearToDate().toPlainString()).append(',')
                            .append(csv(by)).append(',').append(OffsetDateTime.ofInstant(at[n], ZoneOffset.UTC))
                            .append(',').append(r.note() == null ? "" : csv(r.note())).append(',')
                            .append(onTime[n]).append(",false,").append(channel).append('\n');
                    if (sb.length() > 200 * 1024) {
                        flush(copy, sb);
                    }
                }
                flush(copy, sb);
                copy.endCopy();
                progress(jobId, "RUNNING", rows.size(), 0, rows.size(), 70, null, null);

                Instant asOf = start.plus(rows.size(), ChronoUnit.MICROS);
                Facts facts = facts(c, cat, loaded, years);
                StringBuilder cityEvents = new StringBuilder();
                // the city results that changed, with their revisions
                Map<String, TreeSet<Period>> submitted = new HashMap<>();
                for (FigureService.Checked r : rows) {
                    submitted.computeIfAbsent(r.indicator().code + "/" + r.period().year(), k -> new TreeSet<>())
                            .add(r.period());
                    for (Indicator w : dependents.getOrDefault(r.indicator().code, List.of())) {
                        submitted.computeIfAbsent(w.code + "/" + r.period().year(), k -> new TreeSet<>()).add(r.period());
                    }
                }
                String cityType = outbox.typeOf(EventNames.CITY_RESULT_CHANGED);
                OffsetDateTime computedAt = OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC);
                try (PreparedStatement upsert = c.prepareStatement("""
                        insert into city_result (indicator_code, period, revision, digest, computed_at)
                        values (?, ?, 1, ?, ?)
                        on conflict (indicator_code, period) do update
                            set revision = city_result.revision + 1, digest = excluded.digest,
                                computed_at = excluded.computed_at
                            where city_result.digest <> excluded.digest
                        returning revision""")) {
                    for (Map.Entry<String, TreeSet<Period>> e : submitted.entrySet()) {
                        String code = e.getKey().substring(0, e.getKey().lastIndexOf('/'));
                        int year = Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf('/') + 1));
                        ResultService.Facts f = facts.of(code, year);
                        TreeSet<Period> affected = new TreeSet<>();
                        List<FigurePoint> all = f.points().values().stream().flatMap(List::stream).toList();
                        Period earliest = e.getValue().first();
                        for (Period p : e.getValue()) {
                            if (p.endMonth() < earliest.endMonth()) {
                                earliest = p;
                            }
                        }
                        affected.addAll(e.getValue());
                        for (Period p : e.getValue()) {
                            for (PeriodKind kind : PeriodKind.values()) {
                                if (kind.months() > p.kind().months()) {
                                    affected.add(new Period(kind, year, (p.endMonth() - 1) / kind.months() + 1));
                                }
                            }
                        }
                        affected.addAll(CityResultPublisher.affected(earliest, all));
                        CityAggregation.Formation formation = results.cityResults(f, asOf);
                        for (Period p : affected) {
                            CityAggregation.CityResult city = formation.result(p);
                            if (city == null || (city.result().value() == null && city.result().yearToDate() == null)) {
                                continue;
                            }
                            upsert.setString(1, code);
                            upsert.setString(2, p.toString());
                            upsert.setString(3, CityResultChanged.digest(city));
                            upsert.setObject(4, computedAt);
                            try (ResultSet rs = upsert.executeQuery()) {
                                if (rs.next()) {
                                    appendEvent(cityEvents, cityType, code + "/" + p, CityResultChanged.of(f.indicator(), city,
                                            rs.getInt(1), computedAt, CityResultChanged.Cause.FIGURE));
                                }
                            }
                        }
                    }
                }
                Map<String, Result> unitResults = new HashMap<>();
                Map<String, CityAggregation.CityResult> cityResults = new HashMap<>();
                Map<String, Boolean> cityKnown = new HashMap<>();
                Map<ResultService.Facts, CityAggregation.Formation> formations = new IdentityHashMap<>();
                CopyIn events = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy outbox_event (id, topic, event_key, type, envelope) from stdin (format csv)");
                String type = outbox.typeOf(EventNames.FIGURE_SUBMITTED);
                for (int n = 0; n < rows.size(); n++) {
                    FigureService.Checked r = rows.get(n);
                    ResultService.Facts f = facts.of(r.indicator().code, r.period().year());
                    String unitKey = r.indicator().code + "/" + r.unit().code + "/" + r.period();
                    Result unit = unitResults.computeIfAbsent(unitKey,
                            k -> results.unitResult(f, r.unit().code, r.period(), asOf));
                    String cityKey = r.indicator().code + "/" + r.period();
                    CityAggregation.CityResult city = cityKnown.containsKey(cityKey) ? cityResults.get(cityKey) : null;
                    if (!cityKnown.containsKey(cityKey)) {
                        city = formations.computeIfAbsent(f, k -> results.cityResults(k, asOf)).result(r.period());
                        cityResults.put(cityKey, city);
                        cityKnown.put(cityKey, true);
                    }
                    OffsetDateTime submittedAt = OffsetDateTime.ofInstant(at[n], ZoneOffset.UTC);
                    FigureSubmitted event = FigureSubmitted.of(ids[n], r.indicator(), r.unit().code,
                            r.period().toString(), r.version(), ValueRules.normal(r.value()), by, submittedAt,
                            onTime[n], false, unit, city);
                    appendEvent(sb, type, unitKey, event);
                    if (keepFigures) {
                        figures.add(new FigureView(ids[n], r.indicator().code, r.unit().code, r.period().toString(),
                                r.version(), ValueRules.normal(r.value()), ValueRules.normal(r.yearToDate()), by,
                                submittedAt, r.note(), onTime[n], false, channel));
                    }
                    if (sb.length() > 200 * 1024) {
                        flush(events, sb);
                    }
                }
                flush(events, sb);
                progress(jobId, "RUNNING", rows.size(), 0, rows.size(), 90, null, null);

                flush(events, sb);
                flush(events, cityEvents);
                events.endCopy();
                try (PreparedStatement done = c.prepareStatement("""
                        update import_job set state = 'SUCCEEDED', rows_written = ?, percent = 100, finished_at = now()
                        where id = ?""")) {
                    done.setInt(1, rows.size());
                    done.setObject(2, jobId);
                    done.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return figures;
    }

    private void appendEvent(StringBuilder sb, String type, String subject, Object data) {
        UUID id = UUID.randomUUID();
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, id.toString(), outboxConfig.source(), type,
                OffsetDateTime.now(ZoneOffset.UTC), subject, CloudEvent.JSON, codec.tree(data));
        sb.append(id).append(',').append(csv(outboxConfig.topic())).append(',').append(csv(subject)).append(',')
                .append(type).append(',').append(csv(codec.write(event))).append('\n');
    }

    private static void flush(CopyIn copy, StringBuilder sb) throws SQLException {
        if (sb.length() == 0) {
            return;
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        sb.setLength(0);
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && !s.isEmpty()) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    // ---------------------------------------------------------------------------------------------- reading

    private record Catalogue(Map<String, Indicator> indicators, Map<String, OrgUnit> units,
                             Map<PeriodKind, Integer> deadlines) {
    }

    private Catalogue catalogue() throws SQLException {
        Map<String, Indicator> indicators = new HashMap<>();
        Map<String, OrgUnit> units = new HashMap<>();
        Map<PeriodKind, Integer> deadlines = new EnumMap<>(PeriodKind.class);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("""
                    select code, name, measure_unit, nature, direction, owner_unit, category, active, allow_negative,
                           reporting_units, aggregation, numerator_code, denominator_code, change_kind, decimals
                    from indicator""")) {
                while (rs.next()) {
                    Indicator i = new Indicator();
                    i.code = rs.getString(1);
                    i.name = rs.getString(2);
                    i.measureUnit = rs.getString(3);
                    i.nature = Nature.valueOf(rs.getString(4));
                    i.direction = Direction.valueOf(rs.getString(5));
                    i.ownerUnit = rs.getString(6);
                    i.category = rs.getString(7);
                    i.active = rs.getBoolean(8);
                    i.allowNegative = rs.getBoolean(9);
                    i.reportingUnits = rs.getString(10);
                    i.aggregation = Aggregation.valueOf(rs.getString(11));
                    i.numeratorCode = rs.getString(12);
                    i.denominatorCode = rs.getString(13);
                    i.changeKind = ChangeKind.valueOf(rs.getString(14));
                    i.decimals = rs.getInt(15);
                    indicators.put(i.code, i);
                }
            }
            try (ResultSet rs = st.executeQuery(
                    "select code, name, kind, parent_code, active, valid_from, valid_to from org_unit")) {
                while (rs.next()) {
                    OrgUnit u = new OrgUnit();
                    u.code = rs.getString(1);
                    u.name = rs.getString(2);
                    u.kind = UnitKind.valueOf(rs.getString(3));
                    u.parentCode = rs.getString(4);
                    u.active = rs.getBoolean(5);
                    u.validFrom = rs.getObject(6, java.time.LocalDate.class);
                    u.validTo = rs.getObject(7, java.time.LocalDate.class);
                    units.put(u.code, u);
                }
            }
            try (ResultSet rs = st.executeQuery("select period_kind, deadline_day from reporting_deadline")) {
                while (rs.next()) {
                    deadlines.put(PeriodKind.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
        }
        return new Catalogue(indicators, units, deadlines);
    }

    /** The facts of every indicator and year involved, read once inside the writing transaction. */
    private final class Facts {
        private final Catalogue cat;
        private final List<UnitSuccession> successions;
        private final List<CityAggregation.Unit> units;
        private final Map<String, Map<Integer, List<FigurePoint>>> points;
        private final Map<String, List<TargetPoint>> targets;
        private final Map<String, ResultService.Facts> cache = new HashMap<>();

        Facts(Catalogue cat, List<UnitSuccession> successions, Map<String, Map<Integer, List<FigurePoint>>> points,
              Map<String, List<TargetPoint>> targets) {
            this.cat = cat;
            this.successions = successions;
            this.units = ResultService.units(new ArrayList<>(cat.units.values()));
            this.points = points;
            this.targets = targets;
        }

        ResultService.Facts of(String code, int year) {
            return cache.computeIfAbsent(code + "/" + year, k -> {
                Indicator ind = cat.indicators.get(code);
                Map<String, Indicator> related = new HashMap<>();
                related.put(code, ind);
                if (ind.aggregation == Aggregation.WEIGHTED) {
                    related.put(ind.numeratorCode, cat.indicators.get(ind.numeratorCode));
                    related.put(ind.denominatorCode, cat.indicators.get(ind.denominatorCode));
                }
                Map<String, List<FigurePoint>> byCode = new HashMap<>();
                for (String rc : related.keySet()) {
                    List<FigurePoint> list = new ArrayList<>();
                    Map<Integer, List<FigurePoint>> byYear = points.getOrDefault(rc, Map.of());
                    list.addAll(byYear.getOrDefault(year - 1, List.of()));
                    list.addAll(byYear.getOrDefault(year, List.of()));
                    byCode.put(rc, list);
                }
                List<TargetPoint> t = targets.getOrDefault(code + "/" + year, List.of());
                return new ResultService.Facts(ind, related, successions, units, byCode, t);
            });
        }
    }

    private Facts facts(Connection c, Catalogue cat, Set<String> codes, Set<Integer> years) throws SQLException {
        Set<Integer> allYears = new HashSet<>(years);
        years.forEach(y -> allYears.add(y - 1));
        Array codeArray = c.createArrayOf("text", codes.toArray());
        Array yearArray = c.createArrayOf("int4", allYears.toArray());
        Map<String, Map<Integer, List<FigurePoint>>> points = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("""
                select indicator_code, unit_code, period, version, value, year_to_date, submitted_at, period_year
                from figure_submission where indicator_code = any(?) and period_year = any(?)""")) {
            st.setArray(1, codeArray);
            st.setArray(2, yearArray);
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery()) {
                Map<String, Period> periods = new HashMap<>();
                while (rs.next()) {
                    Period p = periods.computeIfAbsent(rs.getString(3), Period::parse);
                    FigurePoint fp = new FigurePoint(rs.getString(2).intern(), p, FigureVersion.valueOf(rs.getString(4)),
                            ValueRules.normal(rs.getBigDecimal(5)), ValueRules.normal(rs.getBigDecimal(6)),
                            rs.getObject(7, OffsetDateTime.class).toInstant());
                    points.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getInt(8), k -> new ArrayList<>()).add(fp);
                }
            }
        }
        Map<String, List<TargetPoint>> targets = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("""
                select indicator_code, year, unit_code, value, revision, set_at from target
                where indicator_code = any(?) and year = any(?) order by revision desc""")) {
            st.setArray(1, codeArray);
            st.setArray(2, yearArray);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    targets.computeIfAbsent(rs.getString(1) + "/" + rs.getInt(2), k -> new ArrayList<>())
                            .add(new TargetPoint(rs.getString(3), rs.getBigDecimal(4), rs.getInt(5),
                                    rs.getObject(6, OffsetDateTime.class).toInstant()));
                }
            }
        }
        List<UnitSuccession> successions = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select predecessor_code, successor_code, kind, effective_date from unit_succession")) {
            while (rs.next()) {
                UnitSuccession s = new UnitSuccession();
                s.predecessorCode = rs.getString(1);
                s.successorCode = rs.getString(2);
                s.kind = SuccessionKind.valueOf(rs.getString(3));
                s.effectiveDate = rs.getObject(4, java.time.LocalDate.class);
                successions.add(s);
            }
        }
        return new Facts(cat, successions, points, targets);
    }

    // ---------------------------------------------------------------------------------------------- the job row

    /**
     * Registers a job for a file by its hash. Answers the id of a new job, or of the job that already imported (or
     * is importing) the same file; a file whose earlier job failed is imported again under that job.
     */
    public Registration register(String hash, String format, String by, long bytes) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            UUID id = UUID.randomUUID();
            try (PreparedStatement st = c.prepareStatement("""
                    insert into import_job (id, file_hash, format, state, submitted_by, created_at, bytes)
                    values (?, ?, ?, 'QUEUED', ?, now(), ?) on conflict (file_hash) do nothing""")) {
                st.setObject(1, id);
                st.setString(2, hash);
                st.setString(3, format);
                st.setString(4, by);
                st.setLong(5, bytes);
                if (st.executeUpdate() == 1) {
                    return new Registration(id, false);
                }
            }
            try (PreparedStatement st = c.prepareStatement("""
                    update import_job set state = 'QUEUED', rows_read = 0, rows_rejected = 0, rows_written = 0,
                        percent = 0, errors = '[]', message = null, finished_at = null, submitted_by = ?,
                        created_at = now()
                    where file_hash = ? and state = 'FAILED' returning id""")) {
                st.setString(1, by);
                st.setString(2, hash);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return new Registration(rs.getObject(1, UUID.class), false);
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("select id from import_job where file_hash = ?")) {
                st.setString(1, hash);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return new Registration(rs.getObject(1, UUID.class), true);
                }
            }
        }
    }

    /** A job for a file: {@code repeated} when the same file was already imported (or is being imported). */
    public record Registration(UUID id, boolean repeated) {
    }

    private void progress(UUID id, String state, int read, int rejected, int written, int percent,
                          List<Problem.FieldViolation> errors, String message) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                update import_job set state = ?, rows_read = ?, rows_rejected = ?, rows_written = ?, percent = ?,
                    errors = coalesce(?, errors), message = coalesce(?, message),
                    finished_at = case when ? in ('SUCCEEDED', 'FAILED') then now() end
                where id = ?""")) {
            st.setString(1, state);
            st.setInt(2, read);
            st.setInt(3, rejected);
            st.setInt(4, written);
            st.setInt(5, percent);
            try {
                st.setString(6, errors == null ? null : mapper.writeValueAsString(errors));
            } catch (IOException e) {
                st.setString(6, "[]");
            }
            st.setString(7, message);
            st.setString(8, state);
            st.setObject(9, id);
            st.executeUpdate();
        }
    }
}

package vn.city.indicator.cache;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import vn.city.indicator.catalogue.Indicator;
import vn.city.common.period.PeriodKind;
import vn.city.indicator.catalogue.Aggregation;
import vn.city.indicator.catalogue.ChangeKind;
import vn.city.indicator.result.CityAggregation;
import vn.city.indicator.catalogue.Direction;
import vn.city.indicator.catalogue.Nature;
import vn.city.indicator.result.service.ResultService;
import vn.city.indicator.result.TargetPoint;
import vn.city.indicator.unit.OrgUnit;
import vn.city.indicator.unit.SuccessionKind;
import vn.city.indicator.unit.UnitKind;
import vn.city.indicator.unit.UnitSuccession;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The catalogue, units, successions, targets and deadline days held in memory, so a submission reads none of them
 * from the database. Refreshed on every change: the replica that made it invalidates after its commit, and every
 * replica LISTENs for the notification the tables' triggers send at commit (another replica's change). A snapshot
 * is immutable; a new one is loaded (one round of queries) on the first use after an invalidation.
 */
@ApplicationScoped
public class CatalogueCache implements vn.city.indicator.CatalogueChanges {

    private static final Logger LOG = Logger.getLogger(CatalogueCache.class);

    /** One consistent view of the cached tables. */
    public record Snapshot(Map<String, Indicator> indicators, Map<String, OrgUnit> units,
                           List<UnitSuccession> successions, Map<String, List<TargetPoint>> targets,
                           Map<PeriodKind, Integer> deadlines, Map<String, List<Indicator>> dependents,
                           List<CityAggregation.Unit> tree) {

        public Indicator indicator(String code) {
            return code == null ? null : indicators.get(code);
        }

        public OrgUnit unit(String code) {
            return code == null ? null : units.get(code);
        }

        /** The targets of an indicator and year, newest revision first. */
        public List<TargetPoint> targets(String indicatorCode, int year) {
            return targets.getOrDefault(indicatorCode + "/" + year, List.of());
        }

        /** The weighted rates that use the indicator as numerator or denominator. */
        public List<Indicator> dependents(String indicatorCode) {
            return dependents.getOrDefault(indicatorCode, List.of());
        }
    }

    private final Pool pool;
    private final AgroalDataSource dataSource;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot current;
    private volatile boolean running;
    private Thread listener;

    public CatalogueCache(Pool pool, AgroalDataSource dataSource) {
        this.pool = pool;
        this.dataSource = dataSource;
    }

    public Uni<Snapshot> snapshot() {
        Snapshot s = current;
        return s != null ? Uni.createFrom().item(s) : load();
    }

    /** Forgets the snapshot; the next use loads a new one. */
    @Override
    public void invalidate() {
        generation.incrementAndGet();
        current = null;
    }

    public Uni<Snapshot> reload() {
        invalidate();
        return load();
    }

    private Uni<Snapshot> load() {
        long gen = generation.get();
        Uni<RowSet<Row>> ind = pool.query("""
                select code, name, measure_unit, nature, direction, owner_unit, category, active, allow_negative,
                       reporting_units, aggregation, numerator_code, denominator_code, change_kind, decimals
                from indicator""").execute();
        Uni<RowSet<Row>> units = pool.query(
                "select code, name, kind, parent_code, active, valid_from, valid_to from org_unit").execute();
        Uni<RowSet<Row>> succ = pool.query(
                "select predecessor_code, successor_code, kind, effective_date from unit_succession").execute();
        Uni<RowSet<Row>> targets = pool.query("""
                select indicator_code, year, unit_code, value, kind, revision, set_at from target
                order by revision desc""").execute();
        Uni<RowSet<Row>> deadlines = pool.query("select period_kind, deadline_day from reporting_deadline").execute();
        return Uni.combine().all().unis(ind, units, succ, targets, deadlines).asTuple().map(t -> {
            Map<String, Indicator> indicators = new HashMap<>();
            Map<String, List<Indicator>> dependents = new HashMap<>();
            for (Row r : t.getItem1()) {
                Indicator i = new Indicator();
                i.code = r.getString(0);
                i.name = r.getString(1);
                i.measureUnit = r.getString(2);
                i.nature = Nature.valueOf(r.getString(3));
                i.direction = Direction.valueOf(r.getString(4));
                i.ownerUnit = r.getString(5);
                i.category = r.getString(6);
                i.active = r.getBoolean(7);
                i.allowNegative = r.getBoolean(8);
                i.reportingUnits = r.getString(9);
                i.aggregation = Aggregation.valueOf(r.getString(10));
                i.numeratorCode = r.getString(11);
                i.denominatorCode = r.getString(12);
                i.changeKind = ChangeKind.valueOf(r.getString(13));
                i.decimals = r.getInteger(14);
                indicators.put(i.code, i);
            }
            for (Indicator i : indicators.values()) {
                if (i.aggregation == Aggregation.WEIGHTED) {
                    dependents.computeIfAbsent(i.numeratorCode, k -> new ArrayList<>()).add(i);
                    dependents.computeIfAbsent(i.denominatorCode, k -> new ArrayList<>()).add(i);
                }
            }
            Map<String, OrgUnit> unitMap = new HashMap<>();
            for (Row r : t.getItem2()) {
                OrgUnit u = new OrgUnit();
                u.code = r.getString(0);
                u.name = r.getString(1);
                u.kind = UnitKind.valueOf(r.getString(2));
                u.parentCode = r.getString(3);
                u.active = r.getBoolean(4);
                u.validFrom = r.getLocalDate(5);
                u.validTo = r.getLocalDate(6);
                unitMap.put(u.code, u);
            }
            List<UnitSuccession> successions = new ArrayList<>();
            for (Row r : t.getItem3()) {
                UnitSuccession s = new UnitSuccession();
                s.predecessorCode = r.getString(0);
                s.successorCode = r.getString(1);
                s.kind = SuccessionKind.valueOf(r.getString(2));
                s.effectiveDate = r.getLocalDate(3);
                successions.add(s);
            }
            Map<String, List<TargetPoint>> targetMap = new HashMap<>();
            for (Row r : t.getItem4()) {
                targetMap.computeIfAbsent(r.getString(0) + "/" + r.getInteger(1), k -> new ArrayList<>())
                        .add(new TargetPoint(r.getString(2), r.getBigDecimal(3), r.getInteger(5),
                                r.getOffsetDateTime(6).toInstant()));
            }
            Map<PeriodKind, Integer> days = new EnumMap<>(PeriodKind.class);
            for (Row r : t.getItem5()) {
                days.put(PeriodKind.valueOf(r.getString(0)), r.getInteger(1));
            }
            Snapshot s = new Snapshot(Collections.unmodifiableMap(indicators), Collections.unmodifiableMap(unitMap),
                    List.copyOf(successions), targetMap, days, dependents,
                    ResultService.units(new ArrayList<>(unitMap.values())));
            if (generation.get() == gen) {
                current = s;
            }
            return s;
        });
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "catalogue-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN indicator_catalogue");
                }
                invalidate();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    var notes = pg.getNotifications(1000);
                    if (notes != null && notes.length > 0) {
                        invalidate();
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("catalogue listener: %s; reconnecting (the cache is reloaded then)", e.getMessage());
                    invalidate();
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}

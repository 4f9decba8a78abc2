package vn.city.indicator.figure.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.outbox.Outbox;
import vn.city.common.problem.Problem;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.indicator.IndicatorConfig;
import vn.city.indicator.cache.CatalogueCache;
import vn.city.indicator.catalogue.Indicator;
import vn.city.indicator.EventNames;
import vn.city.indicator.figure.event.FigureSubmitted;
import vn.city.indicator.result.event.IndicatorOffTrack;
import vn.city.indicator.figure.FigureReceipt;
import vn.city.indicator.figure.FigureSubmission;
import vn.city.indicator.figure.FigureView;
import vn.city.indicator.figure.repository.FigureRepository;
import vn.city.indicator.figure.OutlierRule;
import vn.city.indicator.figure.SubmissionRules;
import vn.city.indicator.figure.ValueRules;
import vn.city.indicator.figure.VietnameseNumber;
import vn.city.indicator.figure.FigureCommand;
import vn.city.common.period.Period;
import vn.city.indicator.reporting.ReportingCalendar;
import vn.city.indicator.reporting.ReportingWindow;
import vn.city.indicator.result.Attainment;
import vn.city.indicator.result.FigurePoint;
import vn.city.indicator.result.FigureVersion;
import vn.city.indicator.result.Result;
import vn.city.indicator.result.Series;
import vn.city.indicator.result.service.CityResultPublisher;
import vn.city.indicator.result.service.ResultService;
import vn.city.indicator.result.event.CityResultChanged;
import vn.city.indicator.catalogue.Aggregation;
import vn.city.indicator.result.CityAggregation;
import vn.city.indicator.result.CityResultView;
import vn.city.indicator.unit.OrgUnit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Submissions of figures: checked, kept for ever, judged, and announced. */
@ApplicationScoped
public class FigureService {

    /** A submission whose every field passed the rules. */
    public record Checked(Indicator indicator, OrgUnit unit, Period period, FigureVersion version, BigDecimal value,
                          BigDecimal yearToDate, String note) {
    }

    private final Outbox outbox;
    private final Clock clock;
    private final ReportingCalendar calendar;
    private final ResultService results;
    private final CityResultPublisher cityResults;
    private final IndicatorConfig config;
    private final CatalogueCache cache;
    private final FigureWriter writer;
    private final FigureRepository figureRepository;

    public FigureService(Outbox outbox, Clock clock, ReportingCalendar calendar, ResultService results,
                         CityResultPublisher cityResults, IndicatorConfig config, CatalogueCache cache,
                         FigureWriter writer, FigureRepository figureRepository) {
        this.figureRepository = figureRepository;
        this.cache = cache;
        this.writer = writer;
        this.outbox = outbox;
        this.clock = clock;
        this.calendar = calendar;
        this.results = results;
        this.cityResults = cityResults;
        this.config = config;
    }

    /**
     * One figure: checked against the cached catalogue (reloaded once when a code is unknown to it, in case it was
     * just created), then written in two round trips by {@link FigureWriter}.
     */
    public Uni<FigureReceipt> submit(FigureCommand request, CurrentUser user, String channel) {
        return cache.snapshot().chain(cat -> {
            List<Problem.FieldViolation> errors = new ArrayList<>();
            Checked checked = new SubmissionRules(cat::indicator, cat::unit, calendar.today())
                    .check(request, "", user, errors);
            if (errors.isEmpty()) {
                return writer.write(checked, cat, calendar.rules(cat.deadlines()).window(checked.period()),
                        user.username(), channel);
            }
            if (errors.stream().noneMatch(e -> STALE.contains(e.rule()))) {
                throw ProblemException.invalid(errors);
            }
            return cache.reload().chain(fresh -> {
                List<Problem.FieldViolation> again = new ArrayList<>();
                Checked c = new SubmissionRules(fresh::indicator, fresh::unit, calendar.today())
                        .check(request, "", user, again);
                if (!again.isEmpty()) {
                    throw ProblemException.invalid(again);
                }
                return writer.write(c, fresh, calendar.rules(fresh.deadlines()).window(c.period()), user.username(),
                        channel);
            });
        });
    }

    /** Rules whose breach may come from a catalogue change the cache has not seen yet. */
    private static final Set<String> STALE = Set.of("unknown-indicator", "unknown-unit", "inactive",
            "not-a-reporting-unit", "unit-not-valid", "unit-mismatch");

    /** Several figures at once, all or nothing: every row is checked first; one bad row stores none. */
    @WithTransaction
    public Uni<List<FigureReceipt>> submitAll(List<FigureCommand> rows, CurrentUser user, String channel,
                                              String rowPrefix, int firstIndex) {
        return catalogue(rows).chain(refs -> {
            List<Problem.FieldViolation> errors = new ArrayList<>();
            List<Checked> checked = new ArrayList<>();
            for (int n = 0; n < rows.size(); n++) {
                checked.add(check(rows.get(n), rowPrefix + "[" + (n + firstIndex) + "].", refs, user, errors));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            Uni<List<FigureReceipt>> chain = Uni.createFrom().item(new ArrayList<>());
            for (Checked c : checked) {
                chain = chain.chain(list -> record(c, user.username(), channel).map(r -> {
                    list.add(r);
                    return list;
                }));
            }
            return chain;
        });
    }

    @WithSession
    public Uni<List<FigureView>> history(String indicatorCode, String unitCode, String period, Instant asOf) {
        return figureRepository.history(indicatorCode, unitCode, period, asOf)
                .map(list -> list.stream().map(FigureView::of).toList());
    }

    @WithSession
    public Uni<FigureView> current(String indicatorCode, String unitCode, String period, Instant asOf) {
        return figureRepository.history(indicatorCode, unitCode, period, asOf)
                .map(list -> list.stream().max((a, b) -> FigurePoint.PRECEDENCE.compare(a.point(), b.point()))
                        .map(FigureView::of)
                        .orElseThrow(() -> ProblemException.notFound("figure",
                                indicatorCode + "/" + unitCode + "/" + period)));
    }

    private record Refs(Map<String, Indicator> indicators, Map<String, OrgUnit> units) {
    }

    private static Uni<Refs> catalogue(List<FigureCommand> rows) {
        Set<String> indicatorCodes = new HashSet<>();
        Set<String> unitCodes = new HashSet<>();
        for (FigureCommand r : rows) {
            if (r.indicatorCode() != null) {
                indicatorCodes.add(r.indicatorCode());
            }
            if (r.unitCode() != null) {
                unitCodes.add(r.unitCode());
            }
        }
        indicatorCodes.add("");
        unitCodes.add("");
        return Indicator.<Indicator>list("code in ?1", indicatorCodes)
                .chain(inds -> OrgUnit.<OrgUnit>list("code in ?1", unitCodes).map(us -> {
                    Map<String, Indicator> im = new HashMap<>();
                    inds.forEach(i -> im.put(i.code, i));
                    Map<String, OrgUnit> um = new HashMap<>();
                    us.forEach(u -> um.put(u.code, u));
                    return new Refs(im, um);
                }));
    }

    private Checked check(FigureCommand r, String prefix, Refs refs, CurrentUser user,
                          List<Problem.FieldViolation> errors) {
        return new SubmissionRules(refs.indicators()::get, refs.units()::get, calendar.today())
                .check(r, prefix, user, errors);
    }

    private Uni<FigureReceipt> record(Checked c, String by, String channel) {
        return calendar.rules().chain(rules -> record(c, by, channel, rules.window(c.period())));
    }

    private Uni<FigureReceipt> record(Checked c, String by, String channel, ReportingWindow window) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        FigureSubmission s = new FigureSubmission();
        s.id = UUID.randomUUID();
        s.indicatorCode = c.indicator().code;
        s.unitCode = c.unit().code;
        s.period = c.period().toString();
        s.periodKind = c.period().kind().name();
        s.periodYear = c.period().year();
        s.version = c.version();
        s.value = c.value();
        s.yearToDate = c.yearToDate();
        s.submittedBy = by;
        s.submittedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        s.note = c.note();
        s.onTime = window.onTime(now);
        s.channel = channel;
        return CityResultPublisher.lock(c.indicator().code, c.period().year())
                .chain(() -> outlier(c, now))
                .chain(outlier -> {
                    s.outlier = outlier;
                    return s.persistAndFlush();
                })
                .chain(() -> results.facts(c.indicator(), c.period()))
                .chain(facts -> {
                    Result result = results.unitResult(facts, s.unitCode, c.period(), now);
                    CityAggregation.CityResult city = results.cityResult(facts, c.period(), now);
                    return announce(c, s, result, city)
                            .chain(() -> cityResults.publish(facts,
                                    CityResultPublisher.affected(c.period(), facts.own()), now,
                                    CityResultChanged.Cause.FIGURE))
                            .chain(() -> dependents(c, now))
                            .replaceWith(new FigureReceipt(FigureView.of(s), window.deadline(), result,
                                    CityResultView.of(city)));
                });
    }

    /** The weighted rates that use this indicator as numerator or denominator: their city results change too. */
    private Uni<Void> dependents(Checked c, Instant now) {
        return Indicator.<Indicator>list("aggregation = ?1 and (numeratorCode = ?2 or denominatorCode = ?2) order by code",
                        Aggregation.WEIGHTED, c.indicator().code)
                .chain(list -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Indicator w : list) {
                        chain = chain.chain(() -> CityResultPublisher.lock(w.code, c.period().year()))
                                .chain(() -> results.facts(w, c.period()))
                                .chain(facts -> cityResults.publish(facts,
                                        CityResultPublisher.affected(c.period(), facts.points().values().stream()
                                                .flatMap(List::stream).toList()), now,
                                        CityResultChanged.Cause.FIGURE));
                    }
                    return chain;
                });
    }

    private Uni<Boolean> outlier(Checked c, Instant now) {
        OutlierRule rule = new OutlierRule(config.outlier().stddevFactor(), config.outlier().medianRatio(),
                config.outlier().minHistory());
        return FigureSubmission.<FigureSubmission>list("indicatorCode = ?1 and unitCode = ?2 and periodKind = ?3",
                        c.indicator().code, c.unit().code, c.period().kind().name())
                .map(rows -> {
                    List<BigDecimal> history = Series.asOf(rows.stream().map(FigureSubmission::point).toList(), now)
                            .figures().stream().filter(p -> !p.period().equals(c.period()))
                            .map(FigurePoint::value).toList();
                    return rule.isOutlier(c.value(), history);
                });
    }

    private Uni<Void> announce(Checked c, FigureSubmission s, Result result, CityAggregation.CityResult city) {
        Indicator ind = c.indicator();
        FigureSubmitted event = FigureSubmitted.of(s.id, ind, s.unitCode, s.period, s.version,
                ValueRules.normal(s.value), s.submittedBy, s.submittedAt, s.onTime, s.outlier, result, city);
        Uni<Void> chain = outbox.append(EventNames.FIGURE_SUBMITTED, ind.code + "/" + s.unitCode + "/" + s.period, event)
                .replaceWithVoid();
        List<Result> judged = new ArrayList<>();
        judged.add(result);
        if (city != null && !ResultService.CITY.equals(s.unitCode)) {
            judged.add(city.result());
        }
        for (Result r : judged) {
            chain = chain.chain(() -> offTrack(ind, r));
        }
        return chain;
    }

    /** The first time a result falls behind by more than the margin, it is announced; never again for that key. */
    private Uni<Void> offTrack(Indicator ind, Result r) {
        BigDecimal gap = Attainment.gapPoints(r, ind.nature, ind.direction);
        if (gap == null || gap.compareTo(config.offTrackMarginPoints()) <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into off_track_alert (indicator_code, unit_code, period, attainment_percent, expected_percent)
                        values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, ind.code).setParameter(2, r.unitCode()).setParameter(3, r.period())
                .setParameter(4, r.attainmentPercent()).setParameter(5, r.expectedPercent())
                .executeUpdate())
                .chain(inserted -> inserted == 0 ? Uni.createFrom().voidItem()
                        : outbox.append(EventNames.INDICATOR_OFF_TRACK, ind.code + "/" + r.unitCode() + "/" + r.period(),
                                new IndicatorOffTrack(ind.code, ind.name, r.unitCode(), ind.ownerUnit, r.period(),
                                        r.attainmentPercent(), r.expectedPercent(), gap)).replaceWithVoid());
    }

    private static Problem.FieldViolation v(String field, String rule, String message) {
        return new Problem.FieldViolation(field, rule, message);
    }
}

package vn.city.indicator.figure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.Problem;
import vn.city.common.problem.ProblemException;

/**
 * Operations metrics of figure submissions (a hook, kept apart from the domain code):
 * {@code city_figures_submitted_total{channel}} for each stored figure and
 * {@code city_figures_refused_total{rule}} for each rule a refused submission broke (the problem+json
 * {@code errors[].rule}; a refusal without field errors counts under {@code status-<code>}, e.g. 403 other unit).
 */
@ApplicationScoped
public class FigureMetrics {

    private final MeterRegistry registry;

    public FigureMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void submitted(String channel) {
        Counter.builder("city.figures.submitted")
                .description("Figures stored, by channel (API, CSV import)")
                .tag("channel", channel)
                .register(registry)
                .increment();
    }

    public void refused(Throwable failure) {
        if (!(failure instanceof ProblemException problem)) {
            return;
        }
        if (problem.errors() == null || problem.errors().isEmpty()) {
            count("status-" + problem.status());
            return;
        }
        problem.errors().stream().map(Problem.FieldViolation::rule).distinct().forEach(this::count);
    }

    private void count(String rule) {
        Counter.builder("city.figures.refused")
                .description("Figure submissions refused, by the rule they broke")
                .tag("rule", rule == null ? "unknown" : rule)
                .register(registry)
                .increment();
    }
}

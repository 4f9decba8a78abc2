package vn.city.task.followup;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.city.common.event.MalformedEventException;
import vn.city.task.TaskConfig;
import vn.city.common.period.Period;
import vn.city.task.task.Priority;
import vn.city.task.task.SourceKind;
import vn.city.task.task.Task;
import vn.city.task.task.service.TaskCommands;
import vn.city.task.time.TaskTime;

/**
 * When an indicator falls behind, its owner unit gets a follow-up task (if enabled): one per indicator, unit and
 * period, however often the signal arrives. Runs inside the consumer's transaction.
 */
@ApplicationScoped
public class OffTrackFollowUp {

    private static final Logger LOG = Logger.getLogger(OffTrackFollowUp.class);
    static final String ACTOR = "task-service";

    private final TaskCommands commands;
    private final TaskTime time;
    private final TaskConfig config;

    public OffTrackFollowUp(TaskCommands commands, TaskTime time, TaskConfig config) {
        this.commands = commands;
        this.time = time;
        this.config = config;
    }

    public Uni<Void> apply(IndicatorOffTrack signal) {
        if (!config.followUpOffTrack().enabled()) {
            return Uni.createFrom().voidItem();
        }
        if (signal.indicatorCode() == null || signal.period() == null) {
            throw new MalformedEventException("indicator-off-track without indicatorCode or period");
        }
        String owner = signal.ownerUnit() != null ? signal.ownerUnit() : signal.unitCode();
        if (owner == null) {
            throw new MalformedEventException("indicator-off-track without ownerUnit");
        }
        String ref = signal.indicatorCode() + "/" + signal.unitCode() + "/" + signal.period();
        return Task.count("sourceRef", ref).chain(existing -> {
            if (existing > 0) {
                LOG.debugf("follow-up task for %s exists already", ref);
                return Uni.createFrom().voidItem();
            }
            String name = signal.indicatorName() == null ? signal.indicatorCode() : signal.indicatorName();
            Task task = new Task();
            task.sourceKind = SourceKind.INDICATOR;
            task.sourceRef = ref;
            task.title = "Khắc phục chỉ tiêu chậm tiến độ: " + name + " (" + signal.period() + ")";
            task.content = "Chỉ tiêu " + name + " của đơn vị " + signal.unitCode() + " kỳ " + signal.period()
                    + " đạt " + plain(signal.attainmentPercent()) + "% so với mức cần đạt "
                    + plain(signal.expectedPercent()) + "% (chênh " + plain(signal.gapPoints())
                    + " điểm). Đề nghị đơn vị chủ trì rà soát nguyên nhân và đề xuất giải pháp.";
            task.leadUnit = owner;
            if (signal.unitCode() != null && !signal.unitCode().equals(owner)) {
                task.coordinatingUnits = new String[] {signal.unitCode()};
            }
            task.deadline = time.today().plusDays(config.followUpOffTrack().days());
            task.ongoing = false;
            task.priority = Priority.HIGH;
            task.indicatorCodes = new String[] {signal.indicatorCode()};
            task.period = Period.tryParse(signal.period()).map(Period::toString).orElse(signal.period());
            task.assignedBy = ACTOR;
            return commands.open(task, ACTOR).replaceWithVoid();
        });
    }

    private static String plain(java.math.BigDecimal n) {
        return n == null ? "?" : n.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}

package vn.city.task.task;

import org.junit.jupiter.api.Test;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.common.security.Roles;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskAccessTest {

    private static final CurrentUser LEADER = new CurrentUser("leader", Set.of(Roles.LEADER), "CITY");
    private static final CurrentUser VIEWER = new CurrentUser("viewer", Set.of(Roles.VIEWER), "CITY");
    private static final CurrentUser ENV = new CurrentUser("officer-env", Set.of(Roles.OFFICER), "ENV");
    private static final CurrentUser COMMUNE = new CurrentUser("officer-nt", Set.of(Roles.OFFICER), "C-NONGTHUONG");
    private static final CurrentUser FIN = new CurrentUser("officer-fin", Set.of(Roles.OFFICER), "FIN");

    private static Task task() {
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.leadUnit = "ENV";
        t.coordinatingUnits = new String[] {"C-NONGTHUONG", "C-DUONGQUANG"};
        return t;
    }

    @Test
    void officersSeeOnlyTheirUnitsTasks() {
        assertThatCode(() -> TaskAccess.requireRead(ENV, task())).doesNotThrowAnyException();
        assertThatCode(() -> TaskAccess.requireRead(COMMUNE, task())).doesNotThrowAnyException();
        assertThatCode(() -> TaskAccess.requireRead(VIEWER, task())).doesNotThrowAnyException();
        assertThatThrownBy(() -> TaskAccess.requireRead(FIN, task())).isInstanceOf(ProblemException.class);
    }

    @Test
    void theLeadUnitSubmitsACoordinatingUnitReportsForItselfOnly() {
        assertThatCode(() -> TaskAccess.requireLeadUnit(ENV, task())).doesNotThrowAnyException();
        assertThatThrownBy(() -> TaskAccess.requireLeadUnit(COMMUNE, task())).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> TaskAccess.requireLeadUnit(VIEWER, task())).isInstanceOf(ProblemException.class);
        assertThatCode(() -> TaskAccess.requireReportsFor(COMMUNE, task(), "C-NONGTHUONG")).doesNotThrowAnyException();
        assertThatThrownBy(() -> TaskAccess.requireReportsFor(COMMUNE, task(), "ENV")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> TaskAccess.requireReportsFor(FIN, task(), "FIN")).isInstanceOf(ProblemException.class);
    }

    @Test
    void onlyLeadersDecide() {
        assertThatCode(() -> TaskAccess.requireLeader(LEADER)).doesNotThrowAnyException();
        assertThatThrownBy(() -> TaskAccess.requireLeader(ENV)).isInstanceOf(ProblemException.class);
    }
}

package vn.city.task.task;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class OnTimeTest {

    private static final LocalDate DEADLINE = LocalDate.of(2022, 7, 31);

    @Test
    void onTheDeadlineIsOnTimeTheDayAfterIsLate() {
        assertThat(OnTime.judge(DEADLINE, DEADLINE)).isTrue();
        assertThat(OnTime.judge(DEADLINE, DEADLINE.plusDays(1))).isFalse();
    }

    @Test
    void anOngoingTaskIsNeverLate() {
        assertThat(OnTime.judge(null, LocalDate.of(2030, 1, 1))).isTrue();
    }

    @Test
    void overdueOnlyWhileOpenAndAfterTheWholeDay() {
        assertThat(OnTime.overdue(TaskStatus.IN_PROGRESS, DEADLINE, DEADLINE)).isFalse();
        assertThat(OnTime.overdue(TaskStatus.IN_PROGRESS, DEADLINE, DEADLINE.plusDays(1))).isTrue();
        assertThat(OnTime.overdue(TaskStatus.SUBMITTED, DEADLINE, DEADLINE.plusDays(1))).isTrue();
        assertThat(OnTime.overdue(TaskStatus.DONE, DEADLINE, DEADLINE.plusDays(9))).isFalse();
        assertThat(OnTime.overdue(TaskStatus.CANCELLED, DEADLINE, DEADLINE.plusDays(9))).isFalse();
        assertThat(OnTime.overdue(TaskStatus.ASSIGNED, null, DEADLINE)).isFalse();
    }
}

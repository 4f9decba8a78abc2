package vn.city.meeting.meeting;

import org.junit.jupiter.api.Test;
import vn.city.common.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeetingStatusTest {

    @Test
    void scheduledStartsThenConcludes() {
        assertThat(MeetingStatus.SCHEDULED.start()).isEqualTo(MeetingStatus.IN_PROGRESS);
        assertThat(MeetingStatus.IN_PROGRESS.conclude()).isEqualTo(MeetingStatus.CONCLUDED);
        assertThat(MeetingStatus.SCHEDULED.cancel()).isEqualTo(MeetingStatus.CANCELLED);
    }

    @Test
    void aConcludedOrCancelledMeetingCannotChange() {
        for (MeetingStatus closed : new MeetingStatus[]{MeetingStatus.CONCLUDED, MeetingStatus.CANCELLED}) {
            assertThatThrownBy(closed::requireOpen).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.status()).isEqualTo(409));
            assertThatThrownBy(closed::conclude).isInstanceOf(ProblemException.class);
            assertThatThrownBy(closed::cancel).isInstanceOf(ProblemException.class);
            assertThatThrownBy(closed::start).isInstanceOf(ProblemException.class);
        }
        assertThatThrownBy(MeetingStatus.IN_PROGRESS::start).isInstanceOf(ProblemException.class);
    }
}

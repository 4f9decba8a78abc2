package vn.city.task.task;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskLifecycleTest {

    @Test
    void theHappyPathAndTheReturn() {
        assertThat(TaskLifecycle.next(TaskStatus.ASSIGNED, TaskAction.START)).contains(TaskStatus.IN_PROGRESS);
        assertThat(TaskLifecycle.next(TaskStatus.IN_PROGRESS, TaskAction.SUBMIT)).contains(TaskStatus.SUBMITTED);
        assertThat(TaskLifecycle.next(TaskStatus.SUBMITTED, TaskAction.RETURN)).contains(TaskStatus.IN_PROGRESS);
        assertThat(TaskLifecycle.next(TaskStatus.SUBMITTED, TaskAction.ACCEPT)).contains(TaskStatus.DONE);
    }

    @Test
    void cancelWhileOpenOnly() {
        for (TaskStatus open : new TaskStatus[] {TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED}) {
            assertThat(TaskLifecycle.next(open, TaskAction.CANCEL)).contains(TaskStatus.CANCELLED);
        }
        assertThat(TaskLifecycle.next(TaskStatus.DONE, TaskAction.CANCEL)).isEmpty();
        assertThat(TaskLifecycle.next(TaskStatus.CANCELLED, TaskAction.CANCEL)).isEmpty();
    }

    @Test
    void illegalStepsAreRefusedAndTheAllowedOnesListed() {
        assertThat(TaskLifecycle.next(TaskStatus.ASSIGNED, TaskAction.SUBMIT)).isEmpty();
        assertThat(TaskLifecycle.next(TaskStatus.IN_PROGRESS, TaskAction.ACCEPT)).isEmpty();
        assertThat(TaskLifecycle.next(TaskStatus.DONE, TaskAction.RETURN)).isEmpty();
        assertThat(TaskLifecycle.allowed(TaskStatus.SUBMITTED))
                .containsExactlyInAnyOrder(TaskAction.ACCEPT, TaskAction.RETURN, TaskAction.CANCEL);
        assertThat(TaskLifecycle.allowed(TaskStatus.DONE)).isEmpty();
    }

    @Test
    void progressAndExtensionsWhileWorkIsUnderWay() {
        assertThat(TaskLifecycle.acceptsProgress(TaskStatus.ASSIGNED)).isTrue();
        assertThat(TaskLifecycle.acceptsProgress(TaskStatus.SUBMITTED)).isFalse();
        assertThat(TaskLifecycle.acceptsExtension(TaskStatus.IN_PROGRESS)).isTrue();
        assertThat(TaskLifecycle.acceptsExtension(TaskStatus.DONE)).isFalse();
    }
}

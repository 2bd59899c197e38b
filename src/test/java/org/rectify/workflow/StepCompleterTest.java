package org.rectify.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.rectify.common.ConflictException;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The one way a waiting step is completed: exactly one step, or the caller's conflict; a lost race is a 409. */
class StepCompleterTest {

    private final TaskService steps = mock(TaskService.class);
    private final StepCompleter completer = new StepCompleter(steps);

    @Test
    void completesTheOneWaitingStepWithTheVariables() {
        completer.complete(query(step("7")), Map.of("approved", true), StepCompleterTest::notWaiting);
        verify(steps).complete("7", Map.of("approved", true));
    }

    @Test
    void noStepOrSeveralIsTheCallersConflict() {
        assertThatThrownBy(() -> completer.complete(query(), Map.of(), StepCompleterTest::notWaiting))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("not waiting");
        assertThatThrownBy(
                        () -> completer.complete(query(step("1"), step("2")), Map.of(), StepCompleterTest::notWaiting))
                .isInstanceOf(ConflictException.class);
        verify(steps, never()).complete(anyString(), anyMap());
    }

    @Test
    void aStepCompletedByAnotherAtTheSameMomentIsALostRace() {
        doThrow(new OptimisticLockingException("raced")).when(steps).complete("7", Map.of());
        assertThatThrownBy(() -> completer.complete(query(step("7")), Map.of(), StepCompleterTest::notWaiting))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    private static ConflictException notWaiting() {
        return new ConflictException("rule.process.notWaiting", "not waiting");
    }

    private static TaskQuery query(Task... found) {
        TaskQuery query = mock(TaskQuery.class);
        when(query.list()).thenReturn(List.of(found));
        return query;
    }

    private static Task step(String id) {
        Task task = mock(Task.class);
        when(task.getId()).thenReturn(id);
        return task;
    }
}

package org.rectify.task;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.rectify.common.ConflictException;
import org.rectify.common.InvalidInputException;
import org.rectify.deadline.DeadlineType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RectificationTaskTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    private static RectificationTask started(DeadlineType type, ReportCycle cycle) {
        RectificationTask task = new RectificationTask(
                1L,
                1,
                new TaskDraft("建立比对机制", "每季度比对", null, type, type.needsDate() ? TODAY.plusDays(30) : null, cycle),
                17L,
                NOW,
                "staff");
        task.start();
        return task;
    }

    private static void throughSignOff(RectificationTask task) {
        task.requestSignOff();
        task.headConfirmed();
        task.signOffApproved(NOW, TODAY);
    }

    @Test
    void aLongTermTaskBecomesAStandingMeasureWithItsNextReportDue() {
        RectificationTask task = started(DeadlineType.LONG_TERM, ReportCycle.QUARTERLY);
        throughSignOff(task);
        assertThat(task.getStatus()).isEqualTo(TaskStatus.STANDING);
        assertThat(task.view().nextReportDue()).isEqualTo(TODAY.plusMonths(3));
        task.reportProgress(100, 9L, TODAY.plusMonths(3));
        assertThat(task.view().nextReportDue()).isEqualTo(TODAY.plusMonths(3).plusMonths(3));
    }

    @Test
    void aTimeLimitedTaskIsSignedOffAtFullProgress() {
        RectificationTask task = started(DeadlineType.TIME_LIMITED, null);
        throughSignOff(task);
        assertThat(task.getStatus()).isEqualTo(TaskStatus.SIGNED_OFF);
        assertThat(task.view().progressPercent()).isEqualTo(100);
        assertThat(task.view().reportCycle()).isNull();
    }

    @Test
    void rejectionAndReturnSendTheTaskBackToWork() {
        RectificationTask task = started(DeadlineType.IMMEDIATE, null);
        task.requestSignOff();
        task.headReturned();
        assertThat(task.getStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
        task.requestSignOff();
        task.headConfirmed();
        task.signOffRejected();
        assertThat(task.getStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
    }

    @Test
    void progressIsAPercentageAndOnlyWhileWorkGoesOn() {
        RectificationTask task = started(DeadlineType.IMMEDIATE, null);
        assertThatThrownBy(() -> task.reportProgress(101, 1L, TODAY)).isInstanceOf(InvalidInputException.class);
        task.requestSignOff();
        assertThatThrownBy(() -> task.reportProgress(50, 1L, TODAY)).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlySignedOffTasksCanBeReopened() {
        RectificationTask task = started(DeadlineType.IMMEDIATE, null);
        assertThatThrownBy(() -> task.reopen("x")).isInstanceOf(ConflictException.class);
        throughSignOff(task);
        task.reopen("补充回访");
        assertThat(task.getStatus()).isEqualTo(TaskStatus.REOPENED);
        assertThat(task.getStatus().isPlanned()).isTrue();
    }
}

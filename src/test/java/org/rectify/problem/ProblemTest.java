package org.rectify.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectify.audit.AuditEntry;
import org.rectify.common.ConflictException;
import org.rectify.deadline.DeadlineType;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemTest {

    private static final Responsibility FPJ = new Responsibility(
            new ProblemUnit(17L, "/1/17/", UnitRole.LEAD, "/1/"),
            List.of(new ProblemUnit(18L, "/1/18/", UnitRole.CO, "/1/")),
            5L,
            DeadlineType.TIME_LIMITED,
            LocalDate.of(2027, 3, 31));

    private static Problem registered() {
        return new Problem(
                1L,
                1L,
                "/1/",
                new NewProblem(1L, "7", "资金拨付滞后", "部分资金滞留。", "FUNDS", null, null, null),
                Instant.parse("2026-11-29T08:00:00Z"),
                "office");
    }

    private static Collection<?> events(Problem p) {
        return ReflectionTestUtils.invokeMethod(p, "domainEvents");
    }

    @Test
    void triageAssignsTheLeadAndCoUnitsAndRecordsBeforeAndAfter() {
        Problem p = registered();
        p.triage("FUNDS", Severity.SERIOUS, "资金及时拨付", FPJ);
        assertThat(p.getStatus()).isEqualTo(ProblemStatus.ASSIGNED);
        assertThat(p.getLeadUnitId()).isEqualTo(17L);
        assertThat(p.coUnitIds()).containsExactly(18L);
        assertThat(p.unitPaths()).containsExactlyInAnyOrder("/1/17/", "/1/18/");
        ProblemEvent.Triaged event = (ProblemEvent.Triaged) events(p).iterator().next();
        AuditEntry entry = event.auditEntry();
        assertThat(entry.before()).containsEntry("status", ProblemStatus.REGISTERED);
        assertThat(entry.after())
                .containsEntry("status", ProblemStatus.ASSIGNED)
                .containsEntry("leadUnitId", 17L);
    }

    @Test
    void aStepOutOfOrderIsAConflictAndChangesNothing() {
        Problem p = registered();
        assertThatThrownBy(() -> p.claim(3L, 4L))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("REGISTERED");
        assertThat(p.getStatus()).isEqualTo(ProblemStatus.REGISTERED);
        assertThat(events(p)).isEmpty();
    }

    @Test
    void aPlanWithoutOpenTasksCannotBeSubmitted() {
        Problem p = registered();
        p.triage("FUNDS", Severity.GENERAL, null, FPJ);
        p.claim(3L, 4L);
        assertThatThrownBy(() -> p.submitPlan(0)).isInstanceOf(ConflictException.class);
        p.submitPlan(2);
        assertThat(p.getStatus()).isEqualTo(ProblemStatus.PLAN_REVIEW);
    }

    @Test
    void aReturnCarriesItsReasonAndReassignmentClearsTheClaim() {
        Problem p = registered();
        p.triage("FUNDS", Severity.GENERAL, null, FPJ);
        p.returnToOffice("不属本单位职责");
        assertThat(((ProblemEvent.Returned) events(p).toArray()[1]).auditEntry().reason())
                .isEqualTo("不属本单位职责");
        p.reassign(
                new Responsibility(
                        new ProblemUnit(18L, "/1/18/", UnitRole.LEAD, "/1/"),
                        List.of(),
                        5L,
                        DeadlineType.LONG_TERM,
                        null),
                "改由配合单位牵头");
        assertThat(p.getStatus()).isEqualTo(ProblemStatus.ASSIGNED);
        assertThat(p.getLeadUnitId()).isEqualTo(18L);
        assertThat(p.coUnitIds()).isEmpty();
        assertThat(p.view().unitHeadId()).isNull();
    }

    @Test
    void closingNeedsTheLeadersReviewState() {
        Problem p = registered();
        assertThatThrownBy(() -> p.close(Instant.now(), null)).isInstanceOf(ConflictException.class);
    }
}

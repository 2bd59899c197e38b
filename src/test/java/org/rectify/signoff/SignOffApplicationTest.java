package org.rectify.signoff;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rectify.audit.AuditEntry;
import org.rectify.common.ConflictException;
import org.rectify.common.Label;
import org.rectify.support.DomainEvents;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignOffApplicationTest {

    private static final Instant APPLIED = Instant.parse("2026-11-20T01:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-21T02:00:00Z");
    private static final Instant LAST = Instant.parse("2026-11-22T03:00:00Z");

    private static SignOffApplication submitted() {
        SignOffApplication app = new SignOffApplication(5L, 7L, "done", "staff.fpj", APPLIED);
        ReflectionTestUtils.setField(app, "id", 11L);
        return app;
    }

    private static SignOffApplication confirmed() {
        SignOffApplication app = submitted();
        app.confirm("head.fpj", LATER, "true");
        return app;
    }

    private static List<Object> events(SignOffApplication app) {
        return DomainEvents.of(app);
    }

    private static SignOffEvent last(SignOffApplication app) {
        return DomainEvents.last(app, SignOffEvent.class);
    }

    @Test
    void theHeadConfirms() {
        SignOffApplication app = submitted();
        app.confirm("head.fpj", LATER, "true");

        SignOffView view = app.view();
        assertThat(view.status()).isEqualTo(SignOffStatus.CONFIRMED);
        assertThat(List.of(view.confirmedBy(), view.confirmedAt(), view.headComment()))
                .containsExactly("head.fpj", LATER, "true");
        assertThat(view.reviewedBy()).isNull();
        SignOffEvent event = last(app);
        assertThat(event).isInstanceOf(SignOffEvent.Confirmed.class);
        assertEntry(event.auditEntry(), "SIGN_OFF_CONFIRMED", "SUBMITTED", "CONFIRMED", "true");
    }

    @Test
    void theHeadReturns() {
        SignOffApplication app = submitted();
        app.returnByHead("head.fpj", LATER, "no signature");

        SignOffView view = app.view();
        assertThat(view.status()).isEqualTo(SignOffStatus.RETURNED);
        assertThat(List.of(view.confirmedBy(), view.confirmedAt(), view.headComment()))
                .containsExactly("head.fpj", LATER, "no signature");
        SignOffEvent event = last(app);
        assertThat(event).isInstanceOf(SignOffEvent.ReturnedByHead.class);
        assertEntry(event.auditEntry(), "SIGN_OFF_RETURNED", "SUBMITTED", "RETURNED", "no signature");
    }

    @Test
    void theOfficeApproves() {
        SignOffApplication app = confirmed();
        app.approve("office", LAST, null);

        SignOffView view = app.view();
        assertThat(view.status()).isEqualTo(SignOffStatus.APPROVED);
        assertThat(view.headComment()).isEqualTo("true");
        assertThat(view.reviewedBy()).isEqualTo("office");
        assertThat(view.reviewedAt()).isEqualTo(LAST);
        assertThat(view.reviewComment()).isNull();
        SignOffEvent event = last(app);
        assertThat(event).isInstanceOf(SignOffEvent.Approved.class);
        assertEntry(event.auditEntry(), "SIGN_OFF_APPROVED", "CONFIRMED", "APPROVED", null);
    }

    @Test
    void theOfficeRejects() {
        SignOffApplication app = confirmed();
        app.reject("office", LAST, "no dates");

        SignOffView view = app.view();
        assertThat(view.status()).isEqualTo(SignOffStatus.REJECTED);
        assertThat(List.of(view.reviewedBy(), view.reviewedAt(), view.reviewComment()))
                .containsExactly("office", LAST, "no dates");
        SignOffEvent event = last(app);
        assertThat(event).isInstanceOf(SignOffEvent.Rejected.class);
        assertEntry(event.auditEntry(), "SIGN_OFF_REJECTED", "CONFIRMED", "REJECTED", "no dates");
    }

    @Test
    void theHeadCannotDecideTwice() {
        SignOffApplication app = confirmed();
        assertWrongStatus(() -> app.confirm("head.fpj", LAST, null), "CONFIRMED", "SUBMITTED");
        assertWrongStatus(() -> app.returnByHead("head.fpj", LAST, "why"), "CONFIRMED", "SUBMITTED");
        assertThat(events(app)).hasSize(1);
        assertThat(app.view().confirmedAt()).isEqualTo(LATER);
    }

    @Test
    void theOfficeDecidesOnlyOnAConfirmedApplication() {
        SignOffApplication app = submitted();
        assertWrongStatus(() -> app.approve("office", LAST, null), "SUBMITTED", "CONFIRMED");
        assertWrongStatus(() -> app.reject("office", LAST, "why"), "SUBMITTED", "CONFIRMED");
        assertThat(events(app)).isEmpty();
        assertThat(app.view().status()).isEqualTo(SignOffStatus.SUBMITTED);
    }

    @Test
    void nothingFollowsTheOfficesDecision() {
        SignOffApplication app = confirmed();
        app.approve("office", LAST, null);
        assertWrongStatus(() -> app.reject("office", LAST, "why"), "APPROVED", "CONFIRMED");
        assertWrongStatus(() -> app.confirm("head.fpj", LAST, null), "APPROVED", "SUBMITTED");
    }

    private static void assertWrongStatus(Runnable step, String current, String needed) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("rule.signOff.wrongStatus");
            assertThat(e.args())
                    .containsExactly(
                            11L,
                            Label.of("task.signOffStatus.", SignOffStatus.valueOf(current)),
                            Label.of("task.signOffStatus.", SignOffStatus.valueOf(needed)));
            assertThat(e.getMessage())
                    .isEqualTo("sign-off application 11 is " + current + "; this action needs " + needed);
        });
    }

    private static void assertEntry(AuditEntry entry, String action, String before, String after, String reason) {
        assertThat(entry.action()).isEqualTo(action);
        assertThat(entry.targetType()).isEqualTo("SIGN_OFF");
        assertThat(entry.targetId()).isEqualTo(11L);
        assertThat(entry.problemId()).isEqualTo(5L);
        assertThat(entry.before()).isEqualTo(Map.of("status", SignOffStatus.valueOf(before)));
        assertThat(entry.after()).isEqualTo(Map.of("taskId", 7L, "status", SignOffStatus.valueOf(after)));
        assertThat(entry.reason()).isEqualTo(reason);
    }
}

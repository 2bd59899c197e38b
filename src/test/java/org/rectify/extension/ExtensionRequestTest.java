package org.rectify.extension;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rectify.audit.AuditEntry;
import org.rectify.common.ConflictException;
import org.rectify.common.Label;
import org.rectify.extension.ExtensionRequest.Status;
import org.rectify.support.DomainEvents;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtensionRequestTest {

    private static final LocalDate NOW_DUE = LocalDate.of(2026, 12, 1);
    private static final LocalDate ASKED_FOR = LocalDate.of(2026, 12, 15);
    private static final Instant ASKED = Instant.parse("2026-11-20T01:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-21T02:00:00Z");
    private static final Instant LAST = Instant.parse("2026-11-22T03:00:00Z");

    private static ExtensionRequest requested() {
        ExtensionRequest request =
                new ExtensionRequest(5L, 7L, 1L, 2L, NOW_DUE, ASKED_FOR, "flood", "staff.fpj", ASKED);
        ReflectionTestUtils.setField(request, "id", 13L);
        return request;
    }

    private static ExtensionRequest confirmed() {
        ExtensionRequest request = requested();
        request.confirm("head.fpj", LATER, "agreed");
        return request;
    }

    private static List<Object> events(ExtensionRequest request) {
        return DomainEvents.of(request);
    }

    private static ExtensionEvent last(ExtensionRequest request) {
        return DomainEvents.last(request, ExtensionEvent.class);
    }

    @Test
    void theHeadConfirms() {
        ExtensionRequest request = requested();
        request.confirm("head.fpj", LATER, "agreed");

        ExtensionView view = request.view();
        assertThat(view.status()).isEqualTo("CONFIRMED");
        assertThat(List.of(view.confirmedBy(), view.confirmedAt(), view.headComment()))
                .containsExactly("head.fpj", LATER, "agreed");
        assertThat(view.decidedBy()).isNull();
        ExtensionEvent event = last(request);
        assertThat(event).isInstanceOf(ExtensionEvent.Confirmed.class);
        assertEntry(
                event.auditEntry(),
                "EXTENSION_CONFIRMED",
                Map.of("status", Status.REQUESTED),
                Map.of("status", Status.CONFIRMED),
                "agreed");
    }

    @Test
    void theHeadReturns() {
        ExtensionRequest request = requested();
        request.returnToStaff("head.fpj", LATER, "say why");

        ExtensionView view = request.view();
        assertThat(view.status()).isEqualTo("RETURNED");
        assertThat(List.of(view.confirmedBy(), view.confirmedAt(), view.headComment()))
                .containsExactly("head.fpj", LATER, "say why");
        ExtensionEvent event = last(request);
        assertThat(event).isInstanceOf(ExtensionEvent.Returned.class);
        assertEntry(
                event.auditEntry(),
                "EXTENSION_RETURNED",
                Map.of("status", Status.REQUESTED),
                Map.of("status", Status.RETURNED),
                "say why");
    }

    @Test
    void theOfficeApprovesAndTheDeadlineMoves() {
        ExtensionRequest request = confirmed();
        request.approve("office", LAST, "ok");

        ExtensionView view = request.view();
        assertThat(view.status()).isEqualTo("APPROVED");
        assertThat(List.of(view.decidedBy(), view.decidedAt(), view.decisionComment()))
                .containsExactly("office", LAST, "ok");
        assertThat(view.headComment()).isEqualTo("agreed");
        ExtensionEvent event = last(request);
        assertThat(event).isInstanceOf(ExtensionEvent.Approved.class);
        assertEntry(
                event.auditEntry(),
                "EXTENSION_APPROVED",
                Map.of("status", Status.CONFIRMED, "deadline", NOW_DUE),
                Map.of("status", Status.APPROVED, "deadline", ASKED_FOR),
                "ok");
    }

    @Test
    void theOfficeRefuses() {
        ExtensionRequest request = confirmed();
        request.refuse("office", LAST, "too late");

        ExtensionView view = request.view();
        assertThat(view.status()).isEqualTo("REFUSED");
        assertThat(List.of(view.decidedBy(), view.decidedAt(), view.decisionComment()))
                .containsExactly("office", LAST, "too late");
        ExtensionEvent event = last(request);
        assertThat(event).isInstanceOf(ExtensionEvent.Refused.class);
        assertEntry(
                event.auditEntry(),
                "EXTENSION_REFUSED",
                Map.of("status", Status.CONFIRMED),
                Map.of("status", Status.REFUSED),
                "too late");
    }

    @Test
    void theHeadCannotDecideTwice() {
        ExtensionRequest request = confirmed();
        assertWrongStatus(() -> request.confirm("head.fpj", LAST, null), Status.CONFIRMED, Status.REQUESTED);
        assertWrongStatus(() -> request.returnToStaff("head.fpj", LAST, "why"), Status.CONFIRMED, Status.REQUESTED);
        assertThat(events(request)).hasSize(1);
        assertThat(request.view().confirmedAt()).isEqualTo(LATER);
    }

    @Test
    void theOfficeDecidesOnlyOnAConfirmedRequest() {
        ExtensionRequest request = requested();
        assertWrongStatus(() -> request.approve("office", LAST, null), Status.REQUESTED, Status.CONFIRMED);
        assertWrongStatus(() -> request.refuse("office", LAST, "why"), Status.REQUESTED, Status.CONFIRMED);
        assertThat(events(request)).isEmpty();
        assertThat(request.view().status()).isEqualTo("REQUESTED");
    }

    @Test
    void nothingFollowsTheOfficesDecision() {
        ExtensionRequest request = confirmed();
        request.refuse("office", LAST, "no");
        assertWrongStatus(() -> request.approve("office", LAST, null), Status.REFUSED, Status.CONFIRMED);
        assertWrongStatus(() -> request.confirm("head.fpj", LAST, null), Status.REFUSED, Status.REQUESTED);
    }

    private static void assertWrongStatus(Runnable step, Status current, Status needed) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("rule.extension.wrongStatus");
            assertThat(e.args())
                    .containsExactly(
                            13L, Label.of("task.extensionStatus.", current), Label.of("task.extensionStatus.", needed));
            assertThat(e.getMessage()).isEqualTo("extension request 13 is " + current + "; this needs " + needed);
        });
    }

    private static void assertEntry(
            AuditEntry entry, String action, Map<String, Object> before, Map<String, Object> after, String reason) {
        assertThat(entry.action()).isEqualTo(action);
        assertThat(entry.targetType()).isEqualTo("EXTENSION");
        assertThat(entry.targetId()).isEqualTo(13L);
        assertThat(entry.problemId()).isEqualTo(5L);
        assertThat(entry.before()).isEqualTo(before);
        assertThat(entry.after()).isEqualTo(after);
        assertThat(entry.reason()).isEqualTo(reason);
    }
}

package org.rectify.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rectify.audit.AuditEntry;
import org.rectify.common.ConflictException;
import org.rectify.common.Label;
import org.rectify.supervision.SupervisionOrder.Status;
import org.rectify.support.DomainEvents;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupervisionOrderTest {

    private static final Instant ISSUED = Instant.parse("2026-11-20T01:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-21T02:00:00Z");
    private static final Instant LAST = Instant.parse("2026-11-22T03:00:00Z");

    /** Issued and numbered, as after it is saved: 督办〔2026〕17号. */
    private static SupervisionOrder issued() {
        SupervisionOrder order = new SupervisionOrder(
                5L, 7L, 1L, 2L, null, false, "explain", LocalDate.of(2026, 11, 27), "office", ISSUED);
        ReflectionTestUtils.setField(order, "id", 17L);
        order.issued();
        return order;
    }

    private static SupervisionOrder answered() {
        SupervisionOrder order = issued();
        order.answer("we will", "head.fpj", LATER);
        return order;
    }

    private static List<Object> events(SupervisionOrder order) {
        return DomainEvents.of(order);
    }

    private static SupervisionEvent last(SupervisionOrder order) {
        return DomainEvents.last(order, SupervisionEvent.class);
    }

    @Test
    void theUnitAnswers() {
        SupervisionOrder order = issued();
        order.answer("we will", "head.fpj", LATER);

        SupervisionOrderView view = order.view();
        assertThat(view.status()).isEqualTo("ANSWERED");
        assertThat(List.of(view.response(), view.respondedBy(), view.respondedAt()))
                .containsExactly("we will", "head.fpj", LATER);
        assertThat(view.reviewedBy()).isNull();
        SupervisionEvent event = last(order);
        assertThat(event).isInstanceOf(SupervisionEvent.OrderAnswered.class);
        assertEntry(
                event.auditEntry(),
                "SUPERVISION_ORDER_ANSWERED",
                Map.of("status", Status.ISSUED),
                Map.of("status", Status.ANSWERED, "response", "we will"),
                null);
    }

    @Test
    void theOfficeAccepts() {
        SupervisionOrder order = answered();
        order.accept("office", LAST, null);

        SupervisionOrderView view = order.view();
        assertThat(view.status()).isEqualTo("ACCEPTED");
        assertThat(view.reviewedBy()).isEqualTo("office");
        assertThat(view.reviewedAt()).isEqualTo(LAST);
        assertThat(view.reviewComment()).isNull();
        assertThat(view.response()).isEqualTo("we will");
        SupervisionEvent event = last(order);
        assertThat(event).isInstanceOf(SupervisionEvent.OrderAccepted.class);
        assertEntry(
                event.auditEntry(),
                "SUPERVISION_ORDER_ACCEPTED",
                Map.of("status", Status.ANSWERED),
                Map.of("status", Status.ACCEPTED),
                null);
    }

    @Test
    void theOfficeSendsTheAnswerBackAndTheUnitAnswersAgain() {
        SupervisionOrder order = answered();
        order.sendBack("office", LAST, "not specific");

        SupervisionOrderView view = order.view();
        assertThat(view.status()).isEqualTo("ISSUED");
        assertThat(List.of(view.reviewedBy(), view.reviewedAt(), view.reviewComment()))
                .containsExactly("office", LAST, "not specific");
        SupervisionEvent event = last(order);
        assertThat(event).isInstanceOf(SupervisionEvent.OrderSentBack.class);
        assertEntry(
                event.auditEntry(),
                "SUPERVISION_ORDER_SENT_BACK",
                Map.of("status", Status.ANSWERED),
                Map.of("status", Status.ISSUED),
                "not specific");

        order.answer("by Friday", "head.fpj", LAST);
        assertThat(order.view().status()).isEqualTo("ANSWERED");
        assertThat(order.view().response()).isEqualTo("by Friday");
        assertThat(order.view().reviewComment()).isEqualTo("not specific");
    }

    @Test
    void anAnsweredOrderIsNotAnsweredAgain() {
        SupervisionOrder order = answered();
        assertWrongStatus(() -> order.answer("again", "head.fpj", LAST), Status.ANSWERED, Status.ISSUED);
        assertThat(order.view().response()).isEqualTo("we will");
    }

    @Test
    void theOfficeDecidesOnlyOnAnAnswer() {
        SupervisionOrder order = issued();
        assertWrongStatus(() -> order.accept("office", LAST, null), Status.ISSUED, Status.ANSWERED);
        assertWrongStatus(() -> order.sendBack("office", LAST, "why"), Status.ISSUED, Status.ANSWERED);
        assertThat(events(order)).hasSize(1);
    }

    @Test
    void nothingFollowsAcceptance() {
        SupervisionOrder order = answered();
        order.accept("office", LAST, "fine");
        assertWrongStatus(() -> order.sendBack("office", LAST, "why"), Status.ACCEPTED, Status.ANSWERED);
        assertWrongStatus(() -> order.answer("more", "head.fpj", LAST), Status.ACCEPTED, Status.ISSUED);
    }

    private static void assertWrongStatus(Runnable step, Status current, Status needed) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("rule.order.wrongStatus");
            assertThat(e.args())
                    .containsExactly(
                            "督办〔2026〕17号", Label.of("order.status.", current), Label.of("order.status.", needed));
            assertThat(e.getMessage())
                    .isEqualTo("supervision order 督办〔2026〕17号 is " + current + "; this needs " + needed);
        });
    }

    private static void assertEntry(
            AuditEntry entry, String action, Map<String, Object> before, Map<String, Object> after, String reason) {
        assertThat(entry.action()).isEqualTo(action);
        assertThat(entry.targetType()).isEqualTo("SUPERVISION_ORDER");
        assertThat(entry.targetId()).isEqualTo(17L);
        assertThat(entry.problemId()).isEqualTo(5L);
        assertThat(entry.before()).isEqualTo(before);
        assertThat(entry.after()).isEqualTo(after);
        assertThat(entry.reason()).isEqualTo(reason);
    }
}

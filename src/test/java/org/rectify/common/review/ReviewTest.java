package org.rectify.common.review;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewTest {

    enum Step {
        ASKED,
        CONFIRMED,
        RETURNED,
        APPROVED,
        REJECTED
    }

    /** A refusal that says what it was given, so the tests see the current and the needed status. */
    static final class WrongStep extends RuntimeException {
        final Step current;
        final Step needed;

        WrongStep(Step current, Step needed) {
            this.current = current;
            this.needed = needed;
        }
    }

    private final Review<Step> review =
            Review.of(Step.ASKED, Step.CONFIRMED, Step.RETURNED, Step.APPROVED, Step.REJECTED);
    private final Review<Step> sendingBack = Review.sendingBack(Step.ASKED, Step.CONFIRMED, Step.APPROVED);

    @Test
    void theFirstStepConfirmsOrReturns() {
        assertThat(review.confirm(Step.ASKED, WrongStep::new)).isEqualTo(Step.CONFIRMED);
        assertThat(review.returnFirst(Step.ASKED, WrongStep::new)).isEqualTo(Step.RETURNED);
    }

    @Test
    void theOfficeApprovesOrRejectsWhatWasConfirmed() {
        assertThat(review.approve(Step.CONFIRMED, WrongStep::new)).isEqualTo(Step.APPROVED);
        assertThat(review.reject(Step.CONFIRMED, WrongStep::new)).isEqualTo(Step.REJECTED);
    }

    @Test
    void theFirstStepOutOfTurnIsRefusedWithTheStatusItNeeds() {
        for (Step current : new Step[] {Step.CONFIRMED, Step.RETURNED, Step.APPROVED, Step.REJECTED}) {
            assertRefused(() -> review.confirm(current, WrongStep::new), current, Step.ASKED);
            assertRefused(() -> review.returnFirst(current, WrongStep::new), current, Step.ASKED);
        }
    }

    @Test
    void theOfficesDecisionOutOfTurnIsRefusedWithTheStatusItNeeds() {
        for (Step current : new Step[] {Step.ASKED, Step.RETURNED, Step.APPROVED, Step.REJECTED}) {
            assertRefused(() -> review.approve(current, WrongStep::new), current, Step.CONFIRMED);
            assertRefused(() -> review.reject(current, WrongStep::new), current, Step.CONFIRMED);
        }
    }

    @Test
    void sendingBackLeadsToTheFirstStepAgain() {
        assertThat(sendingBack.confirm(Step.ASKED, WrongStep::new)).isEqualTo(Step.CONFIRMED);
        assertThat(sendingBack.reject(Step.CONFIRMED, WrongStep::new)).isEqualTo(Step.ASKED);
        assertThat(sendingBack.approve(Step.CONFIRMED, WrongStep::new)).isEqualTo(Step.APPROVED);
        assertRefused(() -> sendingBack.confirm(Step.APPROVED, WrongStep::new), Step.APPROVED, Step.ASKED);
        assertRefused(() -> sendingBack.reject(Step.ASKED, WrongStep::new), Step.ASKED, Step.CONFIRMED);
    }

    @Test
    void aReviewThatSendsBackHasNoReturnAtTheFirstStep() {
        assertThatThrownBy(() -> sendingBack.returnFirst(Step.ASKED, WrongStep::new))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEmptyDecisionReadsAsNone() {
        assertThat(Decision.orNone(null)).isEqualTo(new Decision(null, null, null));
        Decision made = new Decision("head.fpj", java.time.Instant.EPOCH, "ok");
        assertThat(Decision.orNone(made)).isSameAs(made);
    }

    private static void assertRefused(Runnable step, Step current, Step needed) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(WrongStep.class, refusal -> {
            assertThat(refusal.current).isEqualTo(current);
            assertThat(refusal.needed).isEqualTo(needed);
        });
    }
}

package org.rectify.ui;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.common.NotPermittedException;
import org.rectify.inspection.InspectionRounds;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.rectify.similar.SimilarProblems;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The entry form's hints: what is asked of the look-up, and what the fragment is given in each case. */
class ProblemEntryHintsTest {

    private final SimilarProblems similar = mock(SimilarProblems.class);
    private final CurrentActor current = mock(CurrentActor.class);
    private final ProblemEntryHints hints = new ProblemEntryHints(mock(InspectionRounds.class), similar, current);
    private final ExtendedModelMap model = new ExtendedModelMap();

    @BeforeEach
    void signedIn() {
        signIn(Role.OFFICE);
    }

    @Test
    void anEmptyTextAsksNothingAndShowsNothing() {
        hints.hints(1L, " ", "\n ", "INDUSTRY", model);
        verifyNoInteractions(similar);
        assertThat(model).doesNotContainKeys("similar", "building");
    }

    @Test
    void theTitleAndDescriptionAreAskedAsOneTextWithTheCategoryForFive() {
        when(similar.likeText(anyString(), any(), anyInt())).thenReturn(List.of());
        hints.hints(1L, " 低保对象认定不精准 ", "有车家庭享受低保。", "", model);
        verify(similar).likeText("低保对象认定不精准\n有车家庭享受低保。", null, 5);
        assertThat(model.get("similar")).isEqualTo(List.of());
    }

    @Test
    void aTextLongerThanTheLookUpTakesIsCut() {
        assertThat(SimilarProblems.text("标题", "长".repeat(SimilarProblems.MAX_TEXT)))
                .hasSize(SimilarProblems.MAX_TEXT)
                .startsWith("标题\n长");
    }

    @Test
    void whileTheIndexIsBuiltTheFragmentSaysSo() {
        when(similar.likeText(anyString(), any(), anyInt())).thenThrow(SimilarProblems.IndexNotReadyException.class);
        hints.hints(1L, "危房改造", null, null, model);
        assertThat(model).containsEntry("building", true).doesNotContainKey("similar");
    }

    @Test
    void onlyTheOfficeMayAsk() {
        signIn(Role.UNIT_STAFF);
        assertThatThrownBy(() -> hints.hints(1L, "危房改造", null, null, model)).isInstanceOf(NotPermittedException.class);
        verifyNoInteractions(similar);
    }

    private void signIn(Role role) {
        when(current.get()).thenReturn(new Actor(1L, "someone", "Someone", 1L, "/1/", 1L, "/1/", Set.of(role)));
    }
}

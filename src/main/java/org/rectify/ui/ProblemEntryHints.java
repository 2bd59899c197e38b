package org.rectify.ui;

import org.rectify.inspection.InspectionRounds;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.rectify.similar.SimilarProblems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Possibly already registered": while the office enters a problem, the registered problems most like its title and
 * description (举一反三's look-up for a text being written, within the office's scope), as a fragment the entry form
 * fetches with htmx. An extra: the form works the same without it.
 */
@Controller
class ProblemEntryHints {

    static final int HINTS = 5;

    private final InspectionRounds rounds;
    private final SimilarProblems similar;
    private final CurrentActor current;

    ProblemEntryHints(InspectionRounds rounds, SimilarProblems similar, CurrentActor current) {
        this.rounds = rounds;
        this.similar = similar;
        this.current = current;
    }

    /** Nothing for an empty text; a line saying so while this node builds its index (the line asks again). */
    @GetMapping("/office/rounds/{roundId}/problems/similar")
    String hints(
            @PathVariable Long roundId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String categoryCode,
            Model model) {
        current.get().require(Role.OFFICE);
        model.addAttribute("round", rounds.get(roundId));
        String text = SimilarProblems.text(title, description);
        if (!text.isEmpty()) {
            try {
                model.addAttribute("similar", similar.likeText(text, OfficePages.blankToNull(categoryCode), HINTS));
            } catch (SimilarProblems.IndexNotReadyException building) {
                model.addAttribute("building", true);
            }
        }
        return "office/problem-hints :: hints";
    }
}

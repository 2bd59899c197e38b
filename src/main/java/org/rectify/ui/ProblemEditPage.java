package org.rectify.ui;

import java.util.Locale;

import jakarta.validation.Valid;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.rectify.problem.EditProblem;
import org.rectify.problem.ProblemLifecycle;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.problem.Severity;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's edit of a problem's classification and goal. The form carries the version it was read at; when
 * someone else saved the problem in between, the service refuses the edit and {@link UiAdvice} brings the user
 * back here with the reason, and the form, read afresh, shows what was saved (and its version).
 */
@Controller
@RequestMapping("/problems/{id}/edit")
class ProblemEditPage {

    private final Problems problems;
    private final ProblemLifecycle lifecycle;
    private final ProblemChoices choices;
    private final CurrentActor current;
    private final MessageSource messages;

    ProblemEditPage(
            Problems problems,
            ProblemLifecycle lifecycle,
            ProblemChoices choices,
            CurrentActor current,
            MessageSource messages) {
        this.problems = problems;
        this.lifecycle = lifecycle;
        this.choices = choices;
        this.current = current;
        this.messages = messages;
    }

    /** An empty goal means none, as an absent field does in the API. */
    @InitBinder
    void blankIsNotGiven(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping
    String form(@PathVariable Long id, Model model) {
        ProblemView problem = problems.get(id);
        current.get().require(Role.OFFICE);
        model.addAttribute("p", problem);
        model.addAttribute("categoryChoices", choices.categories(true));
        model.addAttribute("severities", Severity.values());
        return "problems/edit";
    }

    @PostMapping
    String save(@PathVariable Long id, @Valid EditProblem form, RedirectAttributes redirect, Locale locale) {
        lifecycle.edit(id, form);
        redirect.addFlashAttribute("notice", messages.getMessage("case.done.edited", null, locale));
        return "redirect:/problems/" + id;
    }
}

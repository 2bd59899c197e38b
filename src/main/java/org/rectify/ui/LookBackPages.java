package org.rectify.ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rectify.lookback.LookBackChecks;
import org.rectify.lookback.LookBackVerdict;
import org.rectify.lookback.LookBackView;
import org.rectify.problem.Problems;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Look-back checks (回头看): the office schedules a round's; an inspector or the office verifies one. */
@Controller
class LookBackPages {

    private final LookBackChecks checks;
    private final Problems problems;
    private final MessageSource messages;

    LookBackPages(LookBackChecks checks, Problems problems, MessageSource messages) {
        this.checks = checks;
        this.problems = problems;
        this.messages = messages;
    }

    record ScheduleForm(
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate date) {}

    /** The fix holds, or it relapsed; a relapse reopens the problem by a new deadline. */
    record VerdictForm(
            @NotNull Boolean holds,
            @NotBlank @Size(max = 2000) String finding,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadlineDate)
            implements Serializable {

        LookBackVerdict verdict() {
            return new LookBackVerdict(holds, finding, holds ? null : deadlineDate, null);
        }
    }

    @PostMapping("/office/rounds/{roundId}/look-back")
    String schedule(@PathVariable Long roundId, @Valid ScheduleForm form, RedirectAttributes redirect, Locale locale) {
        int count = checks.scheduleForRound(roundId, form.date());
        redirect.addFlashAttribute(
                "notice",
                messages.getMessage(
                        "lookBack.scheduled", new Object[] {count, form.date().toString()}, locale));
        return "redirect:/office/rounds";
    }

    @GetMapping("/look-backs/{id}")
    String check(@PathVariable Long id, Model model) {
        LookBackView check = checks.get(id);
        model.addAttribute("check", check);
        model.addAttribute("problem", problems.get(check.problemId()));
        return "supervision/look-back";
    }

    @PostMapping("/look-backs/{id}/verify")
    String verify(
            @PathVariable Long id,
            @Valid VerdictForm form,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        LookBackView check = FormMemory.submit(request, form, () -> checks.verify(id, form.verdict()));
        redirect.addFlashAttribute("notice", messages.getMessage("lookBack.verified." + check.status(), null, locale));
        return "redirect:/look-backs/" + id;
    }
}

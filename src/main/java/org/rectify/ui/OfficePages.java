package org.rectify.ui;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.rectify.common.ConflictException;
import org.rectify.common.Zones;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.NewRound;
import org.rectify.inspection.ReferenceData;
import org.rectify.inspection.ReferenceItem;
import org.rectify.inspection.RoundView;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.rectify.problem.NewProblem;
import org.rectify.problem.ProblemLifecycle;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Severity;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's inspection rounds and the entry of a round's feedback list, problem by problem. */
@Controller
class OfficePages {

    private final InspectionRounds rounds;
    private final ReferenceData reference;
    private final ProblemLifecycle lifecycle;
    private final CurrentActor current;
    private final MessageSource messages;
    private final Clock clock;

    OfficePages(
            InspectionRounds rounds,
            ReferenceData reference,
            ProblemLifecycle lifecycle,
            CurrentActor current,
            MessageSource messages,
            Clock clock) {
        this.rounds = rounds;
        this.reference = reference;
        this.lifecycle = lifecycle;
        this.current = current;
        this.messages = messages;
        this.clock = clock;
    }

    record RoundForm(
            @NotBlank @Size(max = 32) String sourceType,
            @NotBlank @Size(max = 64) String code,
            @NotBlank @Size(max = 300) String name,
            @Size(max = 200) String inspectingBody,

            @NotNull @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate feedbackReceivedOn)
            implements Serializable {

        NewRound command() {
            return new NewRound(
                    sourceType, code.strip(), name.strip(), blankToNull(inspectingBody), feedbackReceivedOn);
        }
    }

    record ProblemForm(
            @NotBlank @Size(max = 32) String number,
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 4000) String description,
            @Size(max = 32) String categoryCode,
            Severity severity,
            @Size(max = 2000) String rectificationGoal)
            implements Serializable {

        static final ProblemForm EMPTY = new ProblemForm(null, null, null, null, null, null);

        NewProblem command(Long roundId) {
            return new NewProblem(
                    roundId,
                    number.strip(),
                    title.strip(),
                    description,
                    blankToNull(categoryCode),
                    severity,
                    blankToNull(rectificationGoal),
                    null);
        }
    }

    @GetMapping("/office/rounds")
    String rounds(Model model) {
        current.get().require(Role.OFFICE);
        model.addAttribute("rounds", rounds.list());
        model.addAttribute(
                "sources",
                reference.sourceTypes().stream().filter(ReferenceItem::active).toList());
        if (!model.containsAttribute(FormMemory.ATTRIBUTE)) {
            model.addAttribute(FormMemory.ATTRIBUTE, new RoundForm(null, null, null, null, Zones.today(clock)));
        }
        return "office/rounds";
    }

    @PostMapping("/office/rounds")
    String register(@Valid RoundForm form, HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        RoundView round;
        try {
            round = FormMemory.submit(request, form, () -> rounds.register(form.command()));
        } catch (ConflictException taken) {
            // A round conflicts only on a code in use: say so in the user's words (the values stay).
            redirect.addFlashAttribute("error", msg("office.round.codeTaken", locale, form.code()));
            return "redirect:/office/rounds";
        }
        redirect.addFlashAttribute("notice", msg("office.round.registered", locale, round.code(), round.name()));
        return "redirect:/office/rounds";
    }

    @GetMapping("/office/rounds/{roundId}/problems/new")
    String problemForm(@PathVariable Long roundId, Model model) {
        current.get().require(Role.OFFICE);
        model.addAttribute("round", rounds.get(roundId));
        model.addAttribute(
                "categories",
                reference.categories().stream().filter(ReferenceItem::active).toList());
        model.addAttribute("severities", Severity.values());
        if (!model.containsAttribute(FormMemory.ATTRIBUTE)) {
            model.addAttribute(FormMemory.ATTRIBUTE, ProblemForm.EMPTY);
        }
        return "office/problem-new";
    }

    @PostMapping("/office/rounds/{roundId}/problems/new")
    String enterProblem(
            @PathVariable Long roundId,
            @Valid ProblemForm form,
            @RequestParam(defaultValue = "false") boolean another,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        ProblemView problem;
        try {
            problem = FormMemory.submit(request, form, () -> lifecycle.register(form.command(roundId)));
        } catch (ConflictException taken) {
            // A problem conflicts only on a number already in the round: say so in the user's words.
            redirect.addFlashAttribute("error", msg("office.problem.numberTaken", locale, form.number()));
            return "redirect:/office/rounds/" + roundId + "/problems/new";
        }
        redirect.addFlashAttribute(
                "notice", msg("office.problem.registered", locale, problem.number(), problem.title()));
        return another ? "redirect:/office/rounds/" + roundId + "/problems/new" : "redirect:/problems/" + problem.id();
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package org.rectify.ui;

import java.util.Locale;

import jakarta.validation.Valid;
import org.rectify.problem.ProblemLifecycle;
import org.rectify.problem.ReassignProblem;
import org.rectify.problem.SelfInspections;
import org.rectify.problem.SpawnSelfInspections;
import org.rectify.problem.TriageProblem;
import org.rectify.task.TaskBreakdown;
import org.rectify.task.TaskDraft;
import org.rectify.web.Bodies.Comment;
import org.rectify.web.Bodies.Reason;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The problem page's forms. Each binds the same command record as the API, calls the same service,
 * and goes back to the problem with a notice; a refusal goes back with the reason (see {@link UiAdvice}).
 */
@Controller
@RequestMapping("/problems/{id}")
class ProblemActions {

    private final ProblemLifecycle lifecycle;
    private final TaskBreakdown breakdown;
    private final MessageSource messages;
    private final SelfInspections selfInspections;

    ProblemActions(
            ProblemLifecycle lifecycle,
            TaskBreakdown breakdown,
            MessageSource messages,
            SelfInspections selfInspections) {
        this.lifecycle = lifecycle;
        this.selfInspections = selfInspections;
        this.breakdown = breakdown;
        this.messages = messages;
    }

    /** An empty optional field means "not given", as an absent field does in the API. */
    @InitBinder
    void blankIsNotGiven(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @PostMapping("/triage")
    String triage(@PathVariable Long id, @Valid TriageProblem form, RedirectAttributes redirect, Locale locale) {
        lifecycle.triage(id, form);
        return done(id, "triaged", redirect, locale);
    }

    /** 举一反三: a self-inspection problem for each unit ticked. */
    @PostMapping("/self-inspections")
    String selfInspect(
            @PathVariable Long id, @Valid SpawnSelfInspections form, RedirectAttributes redirect, Locale locale) {
        selfInspections.spawn(id, form);
        return done(id, "selfInspected", redirect, locale);
    }

    @PostMapping("/claim")
    String claim(
            @PathVariable Long id,
            @RequestParam(required = false) Long personInChargeId,
            RedirectAttributes redirect,
            Locale locale) {
        lifecycle.claim(id, personInChargeId);
        return done(id, "claimed", redirect, locale);
    }

    @PostMapping("/return")
    String returnToOffice(@PathVariable Long id, @Valid Reason form, RedirectAttributes redirect, Locale locale) {
        lifecycle.returnToOffice(id, form.reason());
        return done(id, "returned", redirect, locale);
    }

    @PostMapping("/reassign")
    String reassign(@PathVariable Long id, @Valid ReassignProblem form, RedirectAttributes redirect, Locale locale) {
        lifecycle.reassign(id, form);
        return done(id, "reassigned", redirect, locale);
    }

    @PostMapping("/tasks")
    String addTask(@PathVariable Long id, @Valid TaskDraft form, RedirectAttributes redirect, Locale locale) {
        breakdown.add(id, form);
        return done(id, "taskAdded", redirect, locale);
    }

    @PostMapping("/tasks/{taskId}/revise")
    String reviseTask(
            @PathVariable Long id,
            @PathVariable Long taskId,
            @Valid TaskDraft form,
            RedirectAttributes redirect,
            Locale locale) {
        breakdown.revise(taskId, form);
        return done(id, "taskRevised", redirect, locale);
    }

    @PostMapping("/tasks/{taskId}/withdraw")
    String withdrawTask(
            @PathVariable Long id,
            @PathVariable Long taskId,
            @Valid Reason form,
            RedirectAttributes redirect,
            Locale locale) {
        breakdown.withdraw(taskId, form.reason());
        return done(id, "taskWithdrawn", redirect, locale);
    }

    @PostMapping("/tasks/{taskId}/reopen")
    String reopenTask(
            @PathVariable Long id,
            @PathVariable Long taskId,
            @Valid Reason form,
            RedirectAttributes redirect,
            Locale locale) {
        breakdown.reopen(taskId, form.reason());
        return done(id, "taskReopened", redirect, locale);
    }

    @PostMapping("/plan/submit")
    String submitPlan(@PathVariable Long id, RedirectAttributes redirect, Locale locale) {
        breakdown.submitPlan(id);
        return done(id, "planSubmitted", redirect, locale);
    }

    @PostMapping("/plan/approve")
    String approvePlan(@PathVariable Long id, RedirectAttributes redirect, Locale locale) {
        breakdown.approvePlan(id);
        return done(id, "planApproved", redirect, locale);
    }

    @PostMapping("/plan/send-back")
    String sendBackPlan(@PathVariable Long id, @Valid Reason form, RedirectAttributes redirect, Locale locale) {
        breakdown.sendBackPlan(id, form.reason());
        return done(id, "planSentBack", redirect, locale);
    }

    @PostMapping("/closure/approve")
    String approveClosure(@PathVariable Long id, @Valid Comment form, RedirectAttributes redirect, Locale locale) {
        lifecycle.approveClosure(id, form.comment());
        return done(id, "closureApproved", redirect, locale);
    }

    @PostMapping("/closure/send-back")
    String sendBackClosure(@PathVariable Long id, @Valid Reason form, RedirectAttributes redirect, Locale locale) {
        lifecycle.sendBackClosure(id, form.reason());
        return done(id, "closureSentBack", redirect, locale);
    }

    private String done(Long id, String what, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("notice", messages.getMessage("case.done." + what, null, locale));
        return "redirect:/problems/" + id;
    }
}

package org.rectify.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.rectify.problem.ProblemLifecycle;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.task.TaskStatus;
import org.rectify.task.TaskView;
import org.rectify.task.Tasks;
import org.rectify.web.Bodies.Comment;
import org.rectify.web.Bodies.Reason;
import org.rectify.workflow.ProcessModels;
import org.rectify.workflow.WorkItem;
import org.rectify.workflow.Worklist;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The responsible leader's approvals queue: the problems whose tasks are all signed off and that wait
 * for this leader to approve closing them (销号) or send them back, oldest first; and how the leader's
 * problems stand, by status.
 */
@Controller
class LeaderPages {

    private static final int PAGE_SIZE = 20;

    private final Worklist worklist;
    private final Problems problems;
    private final Tasks tasks;
    private final ProblemLifecycle lifecycle;
    private final CurrentActor current;
    private final MessageSource messages;

    LeaderPages(
            Worklist worklist,
            Problems problems,
            Tasks tasks,
            ProblemLifecycle lifecycle,
            CurrentActor current,
            MessageSource messages) {
        this.worklist = worklist;
        this.problems = problems;
        this.tasks = tasks;
        this.lifecycle = lifecycle;
        this.current = current;
        this.messages = messages;
    }

    /** One problem waiting for the leader's decision, with how many of its tasks are signed off. */
    record Closure(WorkItem step, ProblemView problem, long signedOff, long tasks) {}

    /** The leader's problems in one state, for the summary table and chart. */
    record StatusCount(ProblemStatus status, String label, long count) {}

    @GetMapping("/leader")
    String queue(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        current.get().require(Role.LEADER);
        Page<WorkItem> steps = worklist.mine(ProcessModels.APPROVE_CLOSURE, Math.max(page, 0), PAGE_SIZE);
        Map<Long, ProblemView> byId =
                problems.visibleByIds(steps.map(WorkItem::problemId).toList());
        model.addAttribute("closures", steps.map(step -> closure(step, byId.get(step.problemId()))));
        model.addAttribute("statusCounts", statusCounts(locale));
        return "leader/queue";
    }

    @PostMapping("/leader/problems/{id}/approve")
    String approve(@PathVariable Long id, @Valid Comment form, RedirectAttributes redirect, Locale locale) {
        ProblemView closed = lifecycle.approveClosure(id, TaskForms.optional(form.comment()));
        return done("leader.done.approved", closed, redirect, locale);
    }

    @PostMapping("/leader/problems/{id}/send-back")
    String sendBack(@PathVariable Long id, @Valid Reason form, RedirectAttributes redirect, Locale locale) {
        ProblemView sent = lifecycle.sendBackClosure(id, form.reason());
        return done("leader.done.sentBack", sent, redirect, locale);
    }

    private Closure closure(WorkItem step, ProblemView problem) {
        List<TaskView> all = tasks.ofProblem(step.problemId()).stream()
                .filter(t -> t.status() != TaskStatus.WITHDRAWN)
                .toList();
        long signedOff = all.stream().filter(t -> t.status().isDone()).count();
        return new Closure(step, problem, signedOff, all.size());
    }

    private List<StatusCount> statusCounts(Locale locale) {
        Map<ProblemStatus, Long> counts = problems.countByStatusAsLeader();
        List<StatusCount> rows = new ArrayList<>();
        for (ProblemStatus status : ProblemStatus.values()) {
            rows.add(new StatusCount(
                    status,
                    messages.getMessage("problemStatus." + status, null, locale),
                    counts.getOrDefault(status, 0L)));
        }
        return rows;
    }

    private String done(String key, ProblemView problem, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("notice", messages.getMessage(key, new Object[] {problem.number()}, locale));
        return "redirect:/leader";
    }
}

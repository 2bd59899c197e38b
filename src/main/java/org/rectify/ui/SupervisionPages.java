package org.rectify.ui;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rectify.audit.AuditTrail;
import org.rectify.common.Zones;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.supervision.NewSupervisionOrder;
import org.rectify.supervision.Nudges;
import org.rectify.supervision.SupervisionOrderView;
import org.rectify.supervision.SupervisionOrders;
import org.rectify.task.Tasks;
import org.rectify.web.Bodies.Comment;
import org.rectify.web.Bodies.Reason;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Supervision (督办) and reminders (催办): the office's list of the region's orders, issuing an order
 * and nudging a unit about a problem, and the order itself, where the unit answers in writing and the
 * office accepts the answer or sends it back.
 */
@Controller
class SupervisionPages {

    /** How the order list may be sorted: newest first, or by the day the answer is due. */
    private static final Set<String> SORTS = Set.of("newest", "due");

    private final SupervisionOrders orders;
    private final Nudges nudges;
    private final Problems problems;
    private final Tasks tasks;
    private final AuditTrail audit;
    private final CurrentActor current;
    private final MessageSource messages;
    private final Clock clock;

    SupervisionPages(
            SupervisionOrders orders,
            Nudges nudges,
            Problems problems,
            Tasks tasks,
            AuditTrail audit,
            CurrentActor current,
            MessageSource messages,
            Clock clock) {
        this.orders = orders;
        this.nudges = nudges;
        this.problems = problems;
        this.tasks = tasks;
        this.audit = audit;
        this.current = current;
        this.messages = messages;
        this.clock = clock;
    }

    /** The order is about the problem (its lead unit answers) or one of its tasks (the task's unit answers). */
    record OrderForm(
            Long taskId,
            @NotBlank @Size(max = 2000) String content,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requiredResponseDate)
            implements Serializable {

        static final OrderForm EMPTY = new OrderForm(null, null, null);

        NewSupervisionOrder command() {
            return new NewSupervisionOrder(taskId, content, requiredResponseDate, null);
        }
    }

    record NudgeForm(
            Long taskId, @NotBlank @Size(max = 1000) String message) implements Serializable {

        static final NudgeForm EMPTY = new NudgeForm(null, null);
    }

    record AnswerForm(@NotBlank @Size(max = 4000) String response) implements Serializable {}

    @GetMapping("/office/supervision")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "newest") String sort,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        current.get().require(Role.OFFICE);
        String order = SORTS.contains(sort) ? sort : "newest";
        Sort by = order.equals("due") ? Sort.by("requiredResponseDate", "id") : Sort.by(Sort.Direction.DESC, "id");
        Page<SupervisionOrderView> found = orders.list(status, PageRequest.of(Math.max(page, 0), 20, by));
        model.addAttribute("orders", found);
        model.addAttribute(
                "problems",
                problems.visibleByIds(found.getContent().stream()
                        .map(SupervisionOrderView::problemId)
                        .toList()));
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("sort", order);
        model.addAttribute("today", Zones.today(clock));
        return "supervision/list";
    }

    @GetMapping("/problems/{id}/supervision-orders/new")
    String orderForm(@PathVariable Long id, Model model) {
        current.get().require(Role.OFFICE);
        problemWithTasks(id, model);
        if (!model.containsAttribute(FormMemory.ATTRIBUTE)) {
            model.addAttribute(FormMemory.ATTRIBUTE, OrderForm.EMPTY);
        }
        return "supervision/order-new";
    }

    @PostMapping("/problems/{id}/supervision-orders/new")
    String issue(
            @PathVariable Long id,
            @Valid OrderForm form,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        SupervisionOrderView order = FormMemory.submit(request, form, () -> orders.issue(id, form.command()));
        redirect.addFlashAttribute("notice", msg("order.issued", locale, order.number()));
        return "redirect:/supervision-orders/" + order.id();
    }

    @GetMapping("/problems/{id}/nudge")
    String nudgeForm(@PathVariable Long id, Model model) {
        current.get().require(Role.OFFICE);
        problemWithTasks(id, model);
        if (!model.containsAttribute(FormMemory.ATTRIBUTE)) {
            model.addAttribute(FormMemory.ATTRIBUTE, NudgeForm.EMPTY);
        }
        return "supervision/nudge";
    }

    @PostMapping("/problems/{id}/nudge")
    String nudge(
            @PathVariable Long id,
            @Valid NudgeForm form,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        FormMemory.run(request, form, () -> nudges.nudge(id, form.taskId(), form.message()));
        redirect.addFlashAttribute("notice", msg("nudge.sent", locale));
        return "redirect:/problems/" + id;
    }

    @GetMapping("/supervision-orders/{id}")
    String order(@PathVariable Long id, Model model) {
        SupervisionOrderView order = orders.get(id);
        model.addAttribute("order", order);
        model.addAttribute("problem", problems.get(order.problemId()));
        model.addAttribute("task", order.taskId() == null ? null : tasks.get(order.taskId()));
        model.addAttribute("history", audit.forTarget("SUPERVISION_ORDER", id));
        model.addAttribute(
                "overdue",
                "ISSUED".equals(order.status()) && order.requiredResponseDate().isBefore(Zones.today(clock)));
        return "supervision/order";
    }

    @PostMapping("/supervision-orders/{id}/answer")
    String answer(
            @PathVariable Long id,
            @Valid AnswerForm form,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        FormMemory.submit(request, form, () -> orders.answer(id, form.response()));
        redirect.addFlashAttribute("notice", msg("order.answered", locale));
        return "redirect:/supervision-orders/" + id;
    }

    @PostMapping("/supervision-orders/{id}/accept")
    String accept(@PathVariable Long id, @Valid Comment form, RedirectAttributes redirect, Locale locale) {
        orders.accept(id, OfficePages.blankToNull(form.comment()));
        redirect.addFlashAttribute("notice", msg("order.accepted", locale));
        return "redirect:/supervision-orders/" + id;
    }

    @PostMapping("/supervision-orders/{id}/send-back")
    String sendBack(@PathVariable Long id, @Valid Reason form, RedirectAttributes redirect, Locale locale) {
        orders.sendBack(id, form.reason());
        redirect.addFlashAttribute("notice", msg("order.sentBack", locale));
        return "redirect:/supervision-orders/" + id;
    }

    private void problemWithTasks(Long problemId, Model model) {
        ProblemView problem = problems.get(problemId);
        model.addAttribute("problem", problem);
        model.addAttribute("tasks", tasks.ofProblem(problemId));
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}

package org.rectify.ui;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rectify.extension.Extensions;
import org.rectify.signoff.SignOffs;
import org.rectify.task.TaskProgress;
import org.rectify.web.Bodies.Comment;
import org.rectify.web.Bodies.Reason;
import org.rectify.web.UploadReceipts;
import org.rectify.web.Uploads;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task page's forms: progress reports, sign-off applications and extension requests, and the
 * unit head's and the office's decisions on them. Each calls the service the API calls and goes back
 * to the task page with a notice; a refusal goes back with the reason (see {@link UiAdvice}), and so
 * does an upload that is too large or of a type not accepted. An upload sent again with the same key (a phone
 * retrying) is recorded once ({@link UploadReceipts}).
 */
@Controller
class TaskForms {

    record ProgressForm(
            @NotNull @Min(0) @Max(100) Integer percent,
            @NotBlank @Size(max = 4000) String content,
            String uploadKey) {}

    record SignOffForm(@NotBlank @Size(max = 4000) String statement, String uploadKey) {}

    record ExtensionForm(
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate requestedDate,

            @NotBlank @Size(max = 2000) String reason,
            String uploadKey) {}

    private final TaskProgress progress;
    private final SignOffs signOffs;
    private final Extensions extensions;
    private final MessageSource messages;
    private final UploadReceipts receipts;

    TaskForms(
            TaskProgress progress,
            SignOffs signOffs,
            Extensions extensions,
            MessageSource messages,
            UploadReceipts receipts) {
        this.receipts = receipts;
        this.progress = progress;
        this.signOffs = signOffs;
        this.extensions = extensions;
        this.messages = messages;
    }

    @PostMapping("/tasks/{id}/progress")
    String report(
            @PathVariable Long id,
            @Valid ProgressForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String originals,
            Principal user,
            RedirectAttributes redirect,
            Locale locale) {
        boolean recorded = receipts.once(
                user.getName(),
                form.uploadKey(),
                () -> progress.report(id, form.percent(), form.content(), Uploads.of(files, originals)));
        return toTask(id, recorded ? "task.done.progress" : "task.done.received", redirect, locale);
    }

    @PostMapping("/tasks/{id}/sign-off")
    String applyForSignOff(
            @PathVariable Long id,
            @Valid SignOffForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String originals,
            Principal user,
            RedirectAttributes redirect,
            Locale locale) {
        boolean recorded = receipts.once(
                user.getName(),
                form.uploadKey(),
                () -> signOffs.apply(id, form.statement(), Uploads.of(files, originals)));
        return toTask(id, recorded ? "task.done.applied" : "task.done.received", redirect, locale);
    }

    @PostMapping("/sign-offs/{id}/confirm")
    String confirmSignOff(@PathVariable Long id, @Valid Comment form, RedirectAttributes redirect, Locale locale) {
        Long task = signOffs.confirm(id, optional(form.comment())).taskId();
        return toTask(task, "task.done.confirmed", redirect, locale);
    }

    @PostMapping("/sign-offs/{id}/return")
    String returnSignOff(@PathVariable Long id, @Valid Reason form, RedirectAttributes redirect, Locale locale) {
        Long task = signOffs.returnToStaff(id, form.reason()).taskId();
        return toTask(task, "task.done.returned", redirect, locale);
    }

    @PostMapping("/sign-offs/{id}/approve")
    String approveSignOff(@PathVariable Long id, @Valid Comment form, RedirectAttributes redirect, Locale locale) {
        Long task = signOffs.approve(id, optional(form.comment())).taskId();
        return toTask(task, "task.done.approved", redirect, locale);
    }

    @PostMapping("/sign-offs/{id}/reject")
    String rejectSignOff(@PathVariable Long id, @Valid Reason form, RedirectAttributes redirect, Locale locale) {
        Long task = signOffs.reject(id, form.reason()).taskId();
        return toTask(task, "task.done.rejected", redirect, locale);
    }

    @PostMapping("/tasks/{id}/extensions")
    String requestExtension(
            @PathVariable Long id,
            @Valid ExtensionForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String originals,
            Principal user,
            RedirectAttributes redirect,
            Locale locale) {
        boolean recorded = receipts.once(
                user.getName(),
                form.uploadKey(),
                () -> extensions.request(id, form.requestedDate(), form.reason(), Uploads.of(files, originals)));
        return toTask(id, recorded ? "task.done.extensionRequested" : "task.done.received", redirect, locale);
    }

    @PostMapping("/extensions/{id}/confirm")
    String confirmExtension(@PathVariable Long id, @Valid Comment form, RedirectAttributes redirect, Locale locale) {
        Long task = extensions.confirm(id, optional(form.comment())).taskId();
        return toTask(task, "task.done.extensionConfirmed", redirect, locale);
    }

    @PostMapping("/extensions/{id}/return")
    String returnExtension(@PathVariable Long id, @Valid Reason form, RedirectAttributes redirect, Locale locale) {
        Long task = extensions.returnToStaff(id, form.reason()).taskId();
        return toTask(task, "task.done.extensionReturned", redirect, locale);
    }

    @PostMapping("/extensions/{id}/approve")
    String approveExtension(@PathVariable Long id, @Valid Comment form, RedirectAttributes redirect, Locale locale) {
        Long task = extensions.approve(id, optional(form.comment())).taskId();
        return toTask(task, "task.done.extensionApproved", redirect, locale);
    }

    @PostMapping("/extensions/{id}/refuse")
    String refuseExtension(@PathVariable Long id, @Valid Reason form, RedirectAttributes redirect, Locale locale) {
        Long task = extensions.refuse(id, form.reason()).taskId();
        return toTask(task, "task.done.extensionRefused", redirect, locale);
    }

    /** An empty comment field means no comment. */
    static String optional(String comment) {
        return comment == null || comment.isBlank() ? null : comment;
    }

    private String toTask(Long taskId, String notice, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("notice", messages.getMessage(notice, null, locale));
        return "redirect:/tasks/" + taskId;
    }
}

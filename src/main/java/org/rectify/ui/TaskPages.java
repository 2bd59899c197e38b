package org.rectify.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import org.rectify.deadline.DeadlineSettings;
import org.rectify.extension.ExtensionView;
import org.rectify.extension.Extensions;
import org.rectify.org.CurrentActor;
import org.rectify.org.OrgDirectory;
import org.rectify.org.UserView;
import org.rectify.problem.Problems;
import org.rectify.signoff.SignOffStatus;
import org.rectify.signoff.SignOffView;
import org.rectify.signoff.SignOffs;
import org.rectify.task.EvidenceView;
import org.rectify.task.Evidences;
import org.rectify.task.ProgressReportView;
import org.rectify.task.TaskProgress;
import org.rectify.task.TaskView;
import org.rectify.task.Tasks;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The task page: the task with its problem, progress reports, evidence, sign-off applications and
 * extension requests, and the forms the signed-in user may use now (posted to {@link TaskForms});
 * and the evidence files themselves. Every read is scope-checked by its service: another unit's
 * task or file is a 404.
 */
@Controller
class TaskPages {

    private final Tasks tasks;
    private final Problems problems;
    private final TaskProgress progress;
    private final Evidences evidences;
    private final SignOffs signOffs;
    private final Extensions extensions;
    private final DeadlineSettings deadlines;
    private final OrgDirectory directory;
    private final CurrentActor current;
    private final TaskFiles files;

    TaskPages(
            Tasks tasks,
            Problems problems,
            TaskProgress progress,
            Evidences evidences,
            SignOffs signOffs,
            Extensions extensions,
            DeadlineSettings deadlines,
            OrgDirectory directory,
            CurrentActor current,
            TaskFiles files) {
        this.tasks = tasks;
        this.problems = problems;
        this.progress = progress;
        this.evidences = evidences;
        this.signOffs = signOffs;
        this.extensions = extensions;
        this.deadlines = deadlines;
        this.directory = directory;
        this.current = current;
        this.files = files;
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable Long id, Model model) {
        TaskView task = tasks.get(id);
        List<ProgressReportView> reports = progress.ofTask(id);
        List<EvidenceView> evidence = evidences.ofTask(id);
        List<SignOffView> applications = signOffs.ofTask(id);
        List<ExtensionView> requests = extensions.ofTask(id);
        long approved =
                requests.stream().filter(r -> "APPROVED".equals(r.status())).count();
        SignOffView pendingSignOff = applications.stream()
                .filter(a -> a.status() == SignOffStatus.SUBMITTED || a.status() == SignOffStatus.CONFIRMED)
                .reduce((first, last) -> last)
                .orElse(null);
        ExtensionView pendingExtension = requests.stream()
                .filter(r -> "REQUESTED".equals(r.status()) || "CONFIRMED".equals(r.status()))
                .reduce((first, last) -> last)
                .orElse(null);
        model.addAttribute("task", task);
        model.addAttribute("problem", problems.get(task.problemId()));
        model.addAttribute("reports", reports);
        model.addAttribute("evidence", new EvidenceIndex(evidence));
        model.addAttribute("signOffs", applications);
        model.addAttribute("extensions", requests);
        model.addAttribute("maxExtensions", deadlines.maxExtensions());
        model.addAttribute("approvedExtensions", approved);
        model.addAttribute(
                "can",
                TaskFormsOffered.of(
                        current.get(), task, pendingSignOff, pendingExtension, approved < deadlines.maxExtensions()));
        model.addAttribute(
                "people",
                people(Stream.of(
                                reports.stream().map(ProgressReportView::reportedBy),
                                evidence.stream().map(EvidenceView::uploadedBy),
                                applications.stream()
                                        .flatMap(a -> Stream.of(a.appliedBy(), a.confirmedBy(), a.reviewedBy())),
                                requests.stream()
                                        .flatMap(r -> Stream.of(r.requestedBy(), r.confirmedBy(), r.decidedBy())))
                        .flatMap(Function.identity())));
        return "tasks/task";
    }

    /**
     * An evidence file. Images (not SVG) and PDF may be shown in the page ({@code ?inline=true});
     * anything else, and everything by default, is a download. nosniff keeps the browser from
     * guessing a more dangerous type than the one we send.
     */
    @GetMapping("/evidence/{id}")
    ResponseEntity<Resource> evidence(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean inline) {
        Evidences.EvidenceFile file = evidences.open(id);
        EvidenceView meta = file.metadata();
        boolean show = inline && files.inline(meta.contentType());
        ContentDisposition disposition = (show ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(meta.fileName(), UTF_8)
                .build();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Content-SHA256", meta.sha256())
                .contentType(MediaType.parseMediaType(meta.contentType()))
                .contentLength(meta.sizeBytes())
                .body(file.content());
    }

    /** Display names of the users who acted, by username (a few per task, looked up once). */
    private Map<String, String> people(Stream<String> usernames) {
        Map<String, String> names = new HashMap<>();
        usernames
                .filter(Objects::nonNull)
                .distinct()
                .forEach(u -> names.put(
                        u,
                        directory.userByUsername(u).map(UserView::displayName).orElse(u)));
        return names;
    }

    /** The task's evidence, and which progress report, sign-off application or extension request brought it. */
    record EvidenceIndex(List<EvidenceView> all) {

        public List<EvidenceView> ofReport(Long id) {
            return all.stream().filter(e -> id.equals(e.progressReportId())).toList();
        }

        public List<EvidenceView> ofSignOff(Long id) {
            return all.stream().filter(e -> id.equals(e.signOffId())).toList();
        }

        public List<EvidenceView> ofExtension(Long id) {
            return all.stream().filter(e -> id.equals(e.extensionId())).toList();
        }
    }
}

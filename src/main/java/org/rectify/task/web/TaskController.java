package org.rectify.task.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rectify.task.EvidenceView;
import org.rectify.task.Evidences;
import org.rectify.task.FourLists;
import org.rectify.task.FourListsReader;
import org.rectify.task.ProgressReportView;
import org.rectify.task.TaskBreakdown;
import org.rectify.task.TaskDraft;
import org.rectify.task.TaskProgress;
import org.rectify.task.TaskView;
import org.rectify.task.Tasks;
import org.rectify.web.Bodies.Reason;
import org.rectify.web.Uploads;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

import static java.nio.charset.StandardCharsets.UTF_8;

@RestController
@RequestMapping("/api")
class TaskController {

    private final Tasks tasks;
    private final TaskBreakdown breakdown;
    private final TaskProgress progress;
    private final Evidences evidences;
    private final FourListsReader fourLists;

    TaskController(
            Tasks tasks,
            TaskBreakdown breakdown,
            TaskProgress progress,
            Evidences evidences,
            FourListsReader fourLists) {
        this.tasks = tasks;
        this.breakdown = breakdown;
        this.progress = progress;
        this.evidences = evidences;
        this.fourLists = fourLists;
    }

    /** The four lists (四个清单) of a problem. */
    @GetMapping("/problems/{id}/four-lists")
    FourLists fourLists(@PathVariable Long id) {
        return fourLists.of(id);
    }

    @GetMapping("/problems/{id}/tasks")
    List<TaskView> tasksOf(@PathVariable Long id) {
        return tasks.ofProblem(id);
    }

    @PostMapping("/problems/{id}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    TaskView draft(@PathVariable Long id, @Valid @RequestBody TaskDraft body) {
        return breakdown.add(id, body);
    }

    @PostMapping("/problems/{id}/plan/submit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void submitPlan(@PathVariable Long id) {
        breakdown.submitPlan(id);
    }

    @PostMapping("/problems/{id}/plan/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void approvePlan(@PathVariable Long id) {
        breakdown.approvePlan(id);
    }

    @PostMapping("/problems/{id}/plan/send-back")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void sendBackPlan(@PathVariable Long id, @Valid @RequestBody Reason body) {
        breakdown.sendBackPlan(id, body.reason());
    }

    @GetMapping("/tasks/{id}")
    TaskView task(@PathVariable Long id) {
        return tasks.get(id);
    }

    @PutMapping("/tasks/{id}")
    TaskView revise(@PathVariable Long id, @Valid @RequestBody TaskDraft body) {
        return breakdown.revise(id, body);
    }

    @PostMapping("/tasks/{id}/withdraw")
    TaskView withdraw(@PathVariable Long id, @Valid @RequestBody Reason body) {
        return breakdown.withdraw(id, body.reason());
    }

    @PostMapping("/tasks/{id}/reopen")
    TaskView reopen(@PathVariable Long id, @Valid @RequestBody Reason body) {
        return breakdown.reopen(id, body.reason());
    }

    @PostMapping(path = "/tasks/{id}/progress", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ProgressReportView report(
            @PathVariable Long id,
            @RequestParam @Min(0) @Max(100) int percent,
            @RequestParam @NotBlank @Size(max = 4000) String content,
            @RequestPart(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String originals) {
        return progress.report(id, percent, content, Uploads.of(files, originals));
    }

    @GetMapping("/tasks/{id}/progress")
    List<ProgressReportView> reports(@PathVariable Long id) {
        return progress.ofTask(id);
    }

    @GetMapping("/tasks/{id}/evidence")
    List<EvidenceView> evidenceOf(@PathVariable Long id) {
        return evidences.ofTask(id);
    }

    @GetMapping("/evidence/{id}")
    ResponseEntity<Resource> download(@PathVariable Long id) {
        Evidences.EvidenceFile file = evidences.open(id);
        EvidenceView meta = file.metadata();
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(meta.fileName(), UTF_8)
                                .build()
                                .toString())
                .header("X-Content-SHA256", meta.sha256())
                .contentType(MediaType.parseMediaType(meta.contentType()))
                .contentLength(meta.sizeBytes())
                .body(file.content());
    }
}

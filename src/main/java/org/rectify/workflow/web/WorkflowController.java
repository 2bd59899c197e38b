package org.rectify.workflow.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.rectify.workflow.ProcessPosition;
import org.rectify.workflow.Timeline;
import org.rectify.workflow.TimelineEntry;
import org.rectify.workflow.WaitingStep;
import org.rectify.workflow.WorkItem;
import org.rectify.workflow.Worklist;
import org.springframework.data.domain.Page;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Validated
class WorkflowController {

    private final Worklist worklist;
    private final Timeline timeline;
    private final ProcessPosition position;

    WorkflowController(Worklist worklist, Timeline timeline, ProcessPosition position) {
        this.worklist = worklist;
        this.timeline = timeline;
        this.position = position;
    }

    /** The caller's open process steps with their problem context, overdue first. */
    @GetMapping("/worklist")
    Page<WorkItem> worklist(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return worklist.mine(page, size);
    }

    /** The problem's history: audited actions merged with its process steps, in time order. */
    @GetMapping("/problems/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable Long id) {
        return timeline.of(id);
    }

    /** The steps the problem's process is waiting at. */
    @GetMapping("/problems/{id}/process")
    List<WaitingStep> process(@PathVariable Long id) {
        return position.of(id);
    }
}

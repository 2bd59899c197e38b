package org.rectify.problem.web;

import java.time.LocalDate;

import jakarta.validation.Valid;
import org.rectify.deadline.DeadlineColour;
import org.rectify.problem.EditProblem;
import org.rectify.problem.NewProblem;
import org.rectify.problem.ProblemFilter;
import org.rectify.problem.ProblemLifecycle;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.problem.ReassignProblem;
import org.rectify.problem.SelfInspections;
import org.rectify.problem.Severity;
import org.rectify.problem.SpawnSelfInspections;
import org.rectify.problem.TriageProblem;
import org.rectify.web.Bodies.Comment;
import org.rectify.web.Bodies.Reason;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/problems")
class ProblemController {

    private final Problems problems;
    private final ProblemLifecycle lifecycle;
    private final SelfInspections selfInspections;

    ProblemController(Problems problems, ProblemLifecycle lifecycle, SelfInspections selfInspections) {
        this.problems = problems;
        this.lifecycle = lifecycle;
        this.selfInspections = selfInspections;
    }

    /** 举一反三: a self-inspection problem for each unit named, all or none. */
    @PostMapping("/{id}/self-inspections")
    @ResponseStatus(HttpStatus.CREATED)
    java.util.List<ProblemView> spawnSelfInspections(
            @PathVariable Long id, @Valid @RequestBody SpawnSelfInspections body) {
        return selfInspections.spawn(id, body);
    }

    /** The problem's self-inspections, and the problem it is a self-inspection after. */
    @GetMapping("/{id}/self-inspections")
    SelfInspections.Links selfInspections(@PathVariable Long id) {
        return selfInspections.links(id);
    }

    record Claim(Long personInChargeId) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProblemView register(@Valid @RequestBody NewProblem body) {
        return lifecycle.register(body);
    }

    @GetMapping
    Page<ProblemView> list(
            @RequestParam(required = false) Long roundId,
            @RequestParam(required = false) ProblemStatus status,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String categoryCode,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) DeadlineColour colour,
            @RequestParam(required = false) String sourceType,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadlineFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadlineTo,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.ASC) Pageable page) {
        return problems.list(
                new ProblemFilter(
                        roundId,
                        status,
                        unitId,
                        categoryCode,
                        severity,
                        q,
                        colour,
                        sourceType,
                        deadlineFrom,
                        deadlineTo),
                page);
    }

    @GetMapping("/{id}")
    ProblemView get(@PathVariable Long id) {
        return problems.get(id);
    }

    /**
     * The office corrects an open problem's classification and goal; the body names the version it was made on
     * (409 with the current state in {@code current} when someone saved the problem in between).
     */
    @PutMapping("/{id}")
    ProblemView edit(@PathVariable Long id, @Valid @RequestBody EditProblem body) {
        return lifecycle.edit(id, body);
    }

    @PostMapping("/{id}/triage")
    ProblemView triage(@PathVariable Long id, @Valid @RequestBody TriageProblem body) {
        return lifecycle.triage(id, body);
    }

    @PostMapping("/{id}/claim")
    ProblemView claim(@PathVariable Long id, @RequestBody(required = false) Claim body) {
        return lifecycle.claim(id, body == null ? null : body.personInChargeId());
    }

    @PostMapping("/{id}/return")
    ProblemView returnToOffice(@PathVariable Long id, @Valid @RequestBody Reason body) {
        return lifecycle.returnToOffice(id, body.reason());
    }

    @PostMapping("/{id}/reassign")
    ProblemView reassign(@PathVariable Long id, @Valid @RequestBody ReassignProblem body) {
        return lifecycle.reassign(id, body);
    }

    @PostMapping("/{id}/closure/approve")
    ProblemView approveClosure(@PathVariable Long id, @Valid @RequestBody(required = false) Comment body) {
        return lifecycle.approveClosure(id, body == null ? null : body.comment());
    }

    @PostMapping("/{id}/closure/send-back")
    ProblemView sendBackClosure(@PathVariable Long id, @Valid @RequestBody Reason body) {
        return lifecycle.sendBackClosure(id, body.reason());
    }
}

package org.rectify.similar.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.rectify.similar.SimilarProblem;
import org.rectify.similar.SimilarProblems;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 举一反三: problems of other units like a problem, and problems like a text being written. */
@RestController
@Validated
class SimilarController {

    private final SimilarProblems similar;

    SimilarController(SimilarProblems similar) {
        this.similar = similar;
    }

    @GetMapping("/api/problems/{id}/similar")
    List<SimilarProblem> like(@PathVariable long id, @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        return similar.like(id, limit);
    }

    @GetMapping("/api/similar")
    List<SimilarProblem> likeText(
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String categoryCode,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        return similar.likeText(text, categoryCode, limit);
    }
}

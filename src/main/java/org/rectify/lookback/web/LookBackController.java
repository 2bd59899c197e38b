package org.rectify.lookback.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.rectify.lookback.LookBackChecks;
import org.rectify.lookback.LookBackVerdict;
import org.rectify.lookback.LookBackView;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api")
class LookBackController {

    private final LookBackChecks checks;

    LookBackController(LookBackChecks checks) {
        this.checks = checks;
    }

    record Schedule(@NotNull LocalDate date) {}

    /** The office schedules a look-back check (回头看) of every closed problem of a round for one day. */
    @PostMapping("/rounds/{id}/look-back")
    Map<String, Integer> scheduleForRound(@PathVariable Long id, @Valid @RequestBody Schedule body) {
        return Map.of("scheduled", checks.scheduleForRound(id, body.date()));
    }

    @GetMapping("/problems/{id}/look-backs")
    List<LookBackView> ofProblem(@PathVariable Long id) {
        return checks.ofProblem(id);
    }

    @PostMapping("/look-backs/{id}/verify")
    LookBackView verify(@PathVariable Long id, @Valid @RequestBody LookBackVerdict body) {
        return checks.verify(id, body);
    }
}

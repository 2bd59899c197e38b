package org.rectify.dashboard.web;

import java.io.IOException;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.dashboard.LedgerExports;
import org.rectify.dashboard.LedgerFilter;
import org.rectify.dashboard.LedgerKind;
import org.rectify.dashboard.ProblemLedger;
import org.rectify.dashboard.ProblemLedgerRow;
import org.rectify.dashboard.TaskLedger;
import org.rectify.dashboard.TaskLedgerRow;
import org.rectify.deadline.DeadlineColour;
import org.rectify.issue.ProblemStatus;
import org.rectify.issue.Severity;
import org.rectify.task.TaskStatus;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledgers (台账) as JSON pages and as Excel files, with the same filters and scope: the file is the
 * same query as the pages, all of its rows. Texts of the file follow Accept-Language (Chinese by default).
 */
@RestController
@RequestMapping("/api/ledger")
class LedgerController {

    private final TaskLedger tasks;
    private final ProblemLedger problems;
    private final LedgerExports exports;

    LedgerController(TaskLedger tasks, ProblemLedger problems, LedgerExports exports) {
        this.tasks = tasks;
        this.problems = problems;
        this.exports = exports;
    }

    /** The task ledger's filters; its status is the task's. */
    record TaskFilters(Long roundId, Long leadUnitId,
                       @Schema(implementation = TaskStatus.class) String status,
                       @Schema(implementation = DeadlineColour.class) String colour,
                       String sourceType, String categoryCode,
                       @Schema(implementation = Severity.class) String severity) {

        LedgerFilter filter() {
            return new LedgerFilter(roundId, leadUnitId, status, colour, sourceType, categoryCode, severity);
        }
    }

    /** The problem ledger's filters; its status is the problem's. */
    record ProblemFilters(Long roundId, Long leadUnitId,
                          @Schema(implementation = ProblemStatus.class) String status,
                          @Schema(implementation = DeadlineColour.class) String colour,
                          String sourceType, String categoryCode,
                          @Schema(implementation = Severity.class) String severity) {

        LedgerFilter filter() {
            return new LedgerFilter(roundId, leadUnitId, status, colour, sourceType, categoryCode, severity);
        }
    }

    @GetMapping("/tasks")
    @Operation(summary = "The task ledger: one row per task (withdrawn ones left out) with its problem's columns,"
            + " by round, problem number and task number")
    Page<TaskLedgerRow> tasks(@ParameterObject TaskFilters filters,
                              @ParameterObject @PageableDefault(size = 50) Pageable page) {
        return tasks.list(filters.filter(), page);
    }

    @GetMapping("/problems")
    @Operation(summary = "The problem ledger: one row per problem with its task counts, closure date and relapses")
    Page<ProblemLedgerRow> problems(@ParameterObject ProblemFilters filters,
                                    @ParameterObject @PageableDefault(size = 50) Pageable page) {
        return problems.list(filters.filter(), page);
    }

    @GetMapping("/tasks.xlsx")
    @Operation(summary = "The task ledger as an Excel file, all its rows; 400 above rectify.export.max-rows")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = LedgerExports.XLSX))
    void tasksXlsx(@ParameterObject TaskFilters filters, Locale locale, HttpServletResponse response)
            throws IOException {
        exports.prepare(LedgerKind.TASKS, filters.filter()).send(locale, response);
    }

    @GetMapping("/problems.xlsx")
    @Operation(summary = "The problem ledger as an Excel file, all its rows; 400 above rectify.export.max-rows")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = LedgerExports.XLSX))
    void problemsXlsx(@ParameterObject ProblemFilters filters, Locale locale, HttpServletResponse response)
            throws IOException {
        exports.prepare(LedgerKind.PROBLEMS, filters.filter()).send(locale, response);
    }
}

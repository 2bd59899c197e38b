package org.rectify.dashboard.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.common.KnownParameters;
import org.rectify.dashboard.LedgerExports;
import org.rectify.dashboard.LedgerFilter;
import org.rectify.dashboard.LedgerKind;
import org.rectify.dashboard.ProblemLedger;
import org.rectify.dashboard.ProblemLedgerRow;
import org.rectify.dashboard.TaskLedger;
import org.rectify.dashboard.TaskLedgerRow;
import org.rectify.deadline.DeadlineColour;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.Severity;
import org.rectify.task.TaskStatus;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
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

    static final String LEAD_UNIT = "the lead unit, with the units below it; 0: problems without a lead unit yet";
    static final String LEAD_UNIT_ONLY = "true: the lead unit itself, not the units below it";
    static final String CATEGORY = "a category code; NONE: problems without a category";
    static final String FIGURE = "only the rows a dashboard figure counts (a Figure of this ledger's kind)";
    static final String AS_OF = "the ledger as it stood at the end of this past day (China time); none: now";
    static final String FROM = "the first day of the period of the figures NEW and CLOSED_IN_PERIOD";
    static final String AT =
            "the ledger as it stood at this instant (ISO-8601, e.g. a dashboard's takenAt), instead of" + " asOf";

    private final TaskLedger tasks;
    private final ProblemLedger problems;
    private final LedgerExports exports;

    LedgerController(TaskLedger tasks, ProblemLedger problems, LedgerExports exports) {
        this.tasks = tasks;
        this.problems = problems;
        this.exports = exports;
    }

    /** The task ledger's filters; its status is the task's. */
    record TaskFilters(
            Long roundId,
            @Parameter(description = LEAD_UNIT) Long leadUnitId,
            @Parameter(description = LEAD_UNIT_ONLY) Boolean leadUnitOnly,
            @Schema(implementation = TaskStatus.class) String status,
            @Schema(implementation = DeadlineColour.class) String colour,
            String sourceType,
            @Parameter(description = CATEGORY) String categoryCode,
            @Schema(implementation = Severity.class) String severity,
            @Parameter(description = FIGURE) String figure,

            @Parameter(description = AS_OF) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate asOf,

            @Parameter(description = FROM) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,

            @Parameter(description = AT) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            Instant at) {

        LedgerFilter filter() {
            return new LedgerFilter(
                    roundId,
                    leadUnitId,
                    Boolean.TRUE.equals(leadUnitOnly),
                    status,
                    colour,
                    sourceType,
                    categoryCode,
                    severity,
                    figure,
                    asOf,
                    from,
                    at);
        }
    }

    /** The problem ledger's filters; its status is the problem's. */
    record ProblemFilters(
            Long roundId,
            @Parameter(description = LEAD_UNIT) Long leadUnitId,
            @Parameter(description = LEAD_UNIT_ONLY) Boolean leadUnitOnly,
            @Schema(implementation = ProblemStatus.class) String status,
            @Schema(implementation = DeadlineColour.class) String colour,
            String sourceType,
            @Parameter(description = CATEGORY) String categoryCode,
            @Schema(implementation = Severity.class) String severity,
            @Parameter(description = FIGURE) String figure,

            @Parameter(description = AS_OF) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate asOf,

            @Parameter(description = FROM) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,

            @Parameter(description = AT) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            Instant at) {

        LedgerFilter filter() {
            return new LedgerFilter(
                    roundId,
                    leadUnitId,
                    Boolean.TRUE.equals(leadUnitOnly),
                    status,
                    colour,
                    sourceType,
                    categoryCode,
                    severity,
                    figure,
                    asOf,
                    from,
                    at);
        }
    }

    @GetMapping("/tasks")
    @Operation(
            summary = "The task ledger: one row per task (withdrawn ones left out) with its problem's columns,"
                    + " by round, problem number and task number")
    Page<TaskLedgerRow> tasks(
            @ParameterObject TaskFilters filters,
            @ParameterObject @PageableDefault(size = 50) Pageable page,
            HttpServletRequest request) {
        KnownParameters.check(request.getParameterMap().keySet(), TaskFilters.class, "page", "size", "sort");
        return tasks.list(filters.filter(), page);
    }

    @GetMapping("/problems")
    @Operation(summary = "The problem ledger: one row per problem with its task counts, closure date and relapses")
    Page<ProblemLedgerRow> problems(
            @ParameterObject ProblemFilters filters,
            @ParameterObject @PageableDefault(size = 50) Pageable page,
            HttpServletRequest request) {
        KnownParameters.check(request.getParameterMap().keySet(), ProblemFilters.class, "page", "size", "sort");
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

package org.rectify.dashboard.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.rectify.common.KnownParameters;
import org.rectify.dashboard.Dashboard;
import org.rectify.dashboard.Dashboards;
import org.rectify.dashboard.FigureFilter;
import org.rectify.problem.Severity;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leadership's figures as JSON: the same {@link Dashboard} the page shows. Every line carries the ledger
 * filter of its rows; with {@code figure} added it is the drill-down list
 * ({@code /api/ledger/problems} or {@code /tasks}, as the figure's kind), whose total equals the count.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    private final Dashboards dashboards;

    DashboardController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    /** The dashboard's parameters. */
    record DashboardQuery(
            @Parameter(description = "the day the figures stand at the end of (China time); none: now")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate asOf,

            @Parameter(description = "first day of the period of NEW and CLOSED_IN_PERIOD; none: six days before asOf")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,

            @Parameter(
                    description = "the unit whose figures (as lead unit, with the units below it) are shown,"
                            + " broken down by the units right below it; none: the caller's whole scope")
            Long unitId,

            Long roundId,
            String sourceType,

            @Parameter(description = "a category code; NONE: problems without a category")
            String categoryCode,

            @Schema(implementation = Severity.class) String severity) {

        FigureFilter filter() {
            return new FigureFilter(asOf, from, unitId, roundId, sourceType, categoryCode, severity);
        }
    }

    @GetMapping
    @Operation(
            summary =
                    "Key figures, the same by unit, source, category, severity and round, the ranking of"
                            + " units with the change since the week before, and the 12-week trend; 404 for a unit outside the"
                            + " caller's scope, 400 naming an unknown parameter or value, or a period that ends before it starts")
    Dashboard dashboard(@ParameterObject DashboardQuery query, HttpServletRequest request) {
        KnownParameters.check(request.getParameterMap().keySet(), DashboardQuery.class);
        return dashboards.dashboard(query.filter());
    }
}

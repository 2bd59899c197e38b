package org.rectify.dashboard.web;

import java.io.IOException;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.dashboard.FigureFilter;
import org.rectify.dashboard.ReportKind;
import org.rectify.dashboard.Reports;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's official reports as files, with the dashboard's own query parameters and scope:
 * the dispatch report (调度通报) as PDF and the progress report (进展情况报告) as Word. Their texts follow
 * Accept-Language (Chinese by default).
 */
@RestController
@RequestMapping("/api/dashboard")
class ReportController {

    private static final String WHO = " For OFFICE, LEADER, INSPECTOR and UNIT_HEAD (else 403); a unit out of"
            + " the caller's scope is 404; every download leaves an audit record REPORT_EXPORTED.";

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/report.pdf")
    @Operation(
            summary = "The dispatch report (调度通报) as PDF: key figures, the ranking of the units with their"
                    + " change since last week and the laggards, charts of closure by unit and of the weekly trend, and the"
                    + " overdue problems." + WHO)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf"))
    void dispatch(@ParameterObject FigureFilter filter, Locale locale, HttpServletResponse response)
            throws IOException {
        reports.prepare(ReportKind.DISPATCH, filter).send(locale, response);
    }

    @GetMapping("/progress.docx")
    @Operation(
            summary = "The progress report (进展情况报告) as a Word document drafted from the figures, with"
                    + " headed places for the office to write what the data cannot say." + WHO)
    @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
    void progress(@ParameterObject FigureFilter filter, Locale locale, HttpServletResponse response)
            throws IOException {
        reports.prepare(ReportKind.PROGRESS, filter).send(locale, response);
    }
}

package org.rectify.ui;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.rectify.dashboard.FigureFilter;
import org.rectify.dashboard.ReportKind;
import org.rectify.dashboard.Reports;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The dashboard's reports as downloads for the browser, with the dashboard page's filters and in the
 * page's language: the API's reports, on the signed-in session.
 */
@Controller
class DashboardFiles {

    private final Reports reports;

    DashboardFiles(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/dashboard/report.pdf")
    void dispatch(@ModelAttribute FigureFilter filter, Locale locale, HttpServletResponse response) throws IOException {
        reports.prepare(ReportKind.DISPATCH, filter).send(locale, response);
    }

    @GetMapping("/dashboard/progress.docx")
    void progress(@ModelAttribute FigureFilter filter, Locale locale, HttpServletResponse response) throws IOException {
        reports.prepare(ReportKind.PROGRESS, filter).send(locale, response);
    }
}

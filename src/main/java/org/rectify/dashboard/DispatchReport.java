package org.rectify.dashboard;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The dispatch report (调度通报) as PDF, for the weekly dispatch meeting: title with scope and as-of day,
 * the key figures, the ranking of the units (their move since the week before and the laggards said in
 * words, not only shaded), the charts, and the overdue problems (the first {@link Reports#OVERDUE_LISTED},
 * then a line with how many more). Every text is in the embedded {@link ReportFont}.
 */
final class DispatchReport {

    private static final Color HEADER = new Color(0xe8, 0xed, 0xf3);
    private static final Color LAGGARD = new Color(0xfd, 0xe8, 0xe8);

    private final ReportData data;
    private final ReportText text;
    private final ReportFont reportFont;
    private final Font title;
    private final Font heading;
    private final Font body;
    private final Font small;
    private final Font bold;

    DispatchReport(ReportData data, ReportText text, ReportFont reportFont) {
        this.data = data;
        this.text = text;
        this.reportFont = reportFont;
        BaseFont base = reportFont.pdf();
        this.title = new Font(base, 18, Font.BOLD);
        this.heading = new Font(base, 13, Font.BOLD);
        this.body = new Font(base, 10.5f);
        this.small = new Font(base, 9);
        this.bold = new Font(base, 9, Font.BOLD);
    }

    void write(OutputStream out) throws IOException {
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter.getInstance(document, out);
        String scope = text.scope(data.scope());
        document.addTitle(text.text("report.dispatch.title") + " — " + scope);
        document.addCreator("Rectify");
        HeaderFooter footer = new HeaderFooter(new Phrase("— ", small), new Phrase(" —", small));
        footer.setAlignment(Element.ALIGN_CENTER);
        footer.setBorder(Rectangle.NO_BORDER);
        document.setFooter(footer);
        document.open();
        header(document, scope);
        keyFigures(document);
        rankings(document);
        charts(document);
        overdue(document);
        document.close();
    }

    private void header(Document document, String scope) {
        Paragraph t = new Paragraph(text.text("report.dispatch.title"), title);
        t.setAlignment(Element.ALIGN_CENTER);
        t.setSpacingAfter(4);
        document.add(t);
        Paragraph s = new Paragraph(text.text("report.scope", scope), body);
        s.setAlignment(Element.ALIGN_CENTER);
        document.add(s);
        Dashboard d = data.dashboard();
        Paragraph asOf = new Paragraph(
                text.text("report.asOf", text.date(d.asOf())) + "    "
                        + text.text("report.period", text.date(d.from()), text.date(d.asOf())),
                body);
        asOf.setAlignment(Element.ALIGN_CENTER);
        asOf.setSpacingAfter(10);
        document.add(asOf);
    }

    private void keyFigures(Document document) {
        section(document, "report.dispatch.figures");
        Figures f = data.totals();
        String[][] figures = {
            {"report.figure.problems", text.count(f, Figure.PROBLEMS)},
            {"report.figure.closed", text.count(f, Figure.CLOSED)},
            {"report.figure.closureRate", ReportText.percent(f.closureRate())},
            {"report.figure.onTimeRate", ReportText.percent(f.onTimeRate())},
            {"report.figure.open", text.count(f, Figure.OPEN)},
            {"report.figure.overdue", text.count(f, Figure.OVERDUE)},
            {"report.figure.yellow", text.count(f, Figure.YELLOW)},
            {"report.figure.supervised", text.count(f, Figure.SUPERVISED)},
            {"report.figure.tasks", text.count(f, Figure.TASKS)},
            {"report.figure.tasksDone", text.count(f, Figure.TASKS_DONE)},
            {"report.figure.taskCompletionRate", ReportText.percent(f.taskCompletionRate())},
            {"report.figure.tasksOverdue", text.count(f, Figure.TASKS_OVERDUE)},
            {"report.figure.new", text.count(f, Figure.NEW)},
            {"report.figure.closedInPeriod", text.count(f, Figure.CLOSED_IN_PERIOD)},
            {"report.figure.relapseRate", ReportText.percent(f.relapseRate())},
            {
                "report.figure.daysToClose",
                ReportText.decimal(f.meanDaysToClose()) + " / " + ReportText.decimal(f.medianDaysToClose())
            },
        };
        PdfPTable table = table(new float[] {3, 1.4f, 3, 1.4f});
        for (String[] figure : figures) {
            table.addCell(cell(text.text(figure[0]), small, HEADER, Element.ALIGN_LEFT));
            table.addCell(cell(figure[1], bold, null, Element.ALIGN_RIGHT));
        }
        document.add(table);
    }

    private void rankings(Document document) {
        section(document, "report.dispatch.ranking");
        if (data.dashboard().rankings().isEmpty()) {
            document.add(new Paragraph(text.text("report.none"), body));
        }
        for (Dashboard.Ranking ranking : data.dashboard().rankings()) {
            Paragraph name = new Paragraph(text.section(ranking.section()), bold);
            name.setSpacingBefore(4);
            name.setSpacingAfter(3);
            document.add(name);
            PdfPTable table = table(new float[] {0.8f, 4, 1.1f, 1.1f, 1.4f, 1.4f, 1.6f, 1.2f});
            head(
                    table,
                    "report.col.rank",
                    "report.col.unit",
                    "report.col.problems",
                    "report.col.closed",
                    "report.figure.closureRate",
                    "report.figure.onTimeRate",
                    "report.col.change",
                    "report.col.note");
            for (Dashboard.Ranked r : ranking.units()) {
                Color fill = r.laggard() ? LAGGARD : null;
                Figures f = r.line().figures();
                table.addCell(cell(String.valueOf(r.rank()), small, fill, Element.ALIGN_CENTER));
                table.addCell(cell(text.name(r.line().name()), small, fill, Element.ALIGN_LEFT));
                table.addCell(cell(text.count(f, Figure.PROBLEMS), small, fill, Element.ALIGN_RIGHT));
                table.addCell(cell(text.count(f, Figure.CLOSED), small, fill, Element.ALIGN_RIGHT));
                table.addCell(cell(ReportText.percent(f.closureRate()), small, fill, Element.ALIGN_RIGHT));
                table.addCell(cell(ReportText.percent(f.onTimeRate()), small, fill, Element.ALIGN_RIGHT));
                table.addCell(cell(text.change(r), small, fill, Element.ALIGN_CENTER));
                table.addCell(cell(r.laggard() ? text.text("report.laggard") : "", bold, fill, Element.ALIGN_CENTER));
            }
            document.add(table);
        }
    }

    private void charts(Document document) throws IOException {
        section(document, "report.dispatch.charts");
        ReportCharts charts = new ReportCharts(text, reportFont);
        document.add(image(charts.closureByUnit(data.units())));
        document.add(image(charts.trend(data.dashboard().trend())));
    }

    private void overdue(Document document) {
        document.add(new Paragraph(" ", body));
        Paragraph h =
                new Paragraph(text.text("report.dispatch.overdue", ReportText.count(data.overdueTotal())), heading);
        h.setSpacingAfter(6);
        document.add(h);
        if (data.overdue().isEmpty()) {
            document.add(new Paragraph(text.text("report.overdue.none"), body));
            return;
        }
        PdfPTable table = table(new float[] {1.3f, 5, 2.4f, 1.6f, 1.6f});
        head(
                table,
                "report.col.number",
                "report.col.problem",
                "report.col.leadUnit",
                "report.col.deadline",
                "report.col.status");
        for (ProblemLedgerRow row : data.overdue()) {
            ProblemColumns p = row.problem();
            table.addCell(cell(p.number(), small, null, Element.ALIGN_LEFT));
            table.addCell(cell(p.title(), small, null, Element.ALIGN_LEFT));
            table.addCell(cell(text.name(p.leadUnit()), small, null, Element.ALIGN_LEFT));
            table.addCell(cell(
                    p.deadlineDate() == null
                            ? ReportText.NONE
                            : p.deadlineDate().toString(),
                    small,
                    null,
                    Element.ALIGN_CENTER));
            table.addCell(cell(text.labels().of("problemStatus.", p.status()), small, null, Element.ALIGN_CENTER));
        }
        document.add(table);
        if (data.overdueNotListed() > 0) {
            document.add(
                    new Paragraph(text.text("report.overdue.more", ReportText.count(data.overdueNotListed())), body));
        }
    }

    private void section(Document document, String key) {
        Paragraph p = new Paragraph(text.text(key), heading);
        p.setSpacingBefore(10);
        p.setSpacingAfter(6);
        document.add(p);
    }

    private static Image image(byte[] png) throws IOException {
        Image image = Image.getInstance(png);
        image.scaleToFit(ReportCharts.WIDTH * 0.95f, PageSize.A4.getHeight() * 0.6f);
        image.setAlignment(Element.ALIGN_CENTER);
        image.setSpacingAfter(8);
        return image;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private void head(PdfPTable table, String... keys) {
        for (String key : keys) {
            table.addCell(cell(text.text(key), bold, HEADER, Element.ALIGN_CENTER));
        }
        table.setHeaderRows(1);
    }

    private static PdfPCell cell(String content, Font font, Color fill, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(content == null ? ReportText.NONE : content, font));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(4);
        cell.setBorderColor(Color.GRAY);
        if (fill != null) {
            cell.setBackgroundColor(fill);
        }
        return cell;
    }
}

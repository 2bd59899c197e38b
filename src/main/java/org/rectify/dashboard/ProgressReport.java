package org.rectify.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The progress report (整改工作进展情况报告) as a Word document, drafted from the dashboard in the style of
 * an official report: title and as-of day, the totals in sentences, a paragraph per source type, a table
 * of the units, the overdue problems, and headed empty places for what the data cannot say (what was
 * done, the problems met, the next steps), which the office writes before it sends the report on. The
 * fonts are named per language in the bundle (仿宋, 黑体 ... in Chinese); Word and LibreOffice use their own.
 */
final class ProgressReport {

    /** Points: 22 pt (二号) for the title, 16 pt (三号) for the text, 10.5 pt (五号) in tables. */
    private static final int TITLE_SIZE = 22;

    private static final int TEXT_SIZE = 16;
    private static final double TABLE_SIZE = 10.5;
    /** Two characters of the text, in twentieths of a point. */
    private static final int INDENT = 2 * TEXT_SIZE * 20;

    private static final String[] TO_FILL = {"practices", "issues", "next"};

    private final ReportData data;
    private final ReportText text;

    ProgressReport(ReportData data, ReportText text) {
        this.data = data;
        this.text = text;
    }

    void write(OutputStream out) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            String scope = text.scope(data.scope());
            document.getProperties().getCoreProperties().setTitle(text.text("report.progress.title") + " — " + scope);
            document.getProperties().getCoreProperties().setCreator("Rectify");
            XWPFParagraph title = centred(document);
            run(title, text.text("report.progress.title"), "title", TITLE_SIZE).setBold(true);
            run(centred(document), text.text("report.scope", scope), "subheading", TEXT_SIZE);
            run(
                    centred(document),
                    text.text("report.progress.asOf", text.date(data.dashboard().asOf())),
                    "body",
                    TEXT_SIZE);
            heading(document, "report.progress.h.progress");
            totals(document);
            subheading(document, "report.progress.h.sources");
            sources(document);
            subheading(document, "report.progress.h.units");
            units(document);
            subheading(document, "report.progress.h.overdue");
            overdue(document);
            for (String part : TO_FILL) {
                heading(document, "report.progress.h." + part);
                XWPFParagraph p = text(document, text.text("report.progress.fill." + part));
                p.getRuns().get(0).setColor("808080");
                p.getRuns().get(0).setItalic(true);
            }
            document.write(out);
        }
    }

    private void totals(XWPFDocument document) {
        Figures f = data.totals();
        Dashboard d = data.dashboard();
        text(
                document,
                text.text(
                        "report.progress.totals",
                        text.date(d.asOf()),
                        text.unit(data.scope()),
                        text.count(f, Figure.PROBLEMS),
                        text.count(f, Figure.TASKS),
                        text.count(f, Figure.TASKS_DONE),
                        ReportText.percent(f.taskCompletionRate()),
                        text.count(f, Figure.CLOSED),
                        ReportText.percent(f.closureRate())));
        text(
                document,
                text.text(
                        "report.progress.period",
                        text.date(d.from()),
                        text.date(d.asOf()),
                        text.count(f, Figure.NEW),
                        text.count(f, Figure.CLOSED_IN_PERIOD),
                        text.count(f, Figure.OVERDUE),
                        text.count(f, Figure.TASKS_OVERDUE),
                        ReportText.percent(f.onTimeRate())));
    }

    private void sources(XWPFDocument document) {
        List<Dashboard.Line> lines = data.sources().stream()
                .filter(l -> l.figures().count(Figure.PROBLEMS) > 0)
                .toList();
        if (lines.isEmpty()) {
            text(document, text.text("report.none"));
        }
        for (Dashboard.Line l : lines) {
            Figures f = l.figures();
            text(
                    document,
                    text.text(
                            "report.progress.source",
                            text.name(l.name()),
                            text.count(f, Figure.PROBLEMS),
                            text.count(f, Figure.CLOSED),
                            ReportText.percent(f.closureRate()),
                            text.count(f, Figure.TASKS),
                            text.count(f, Figure.TASKS_DONE),
                            ReportText.percent(f.taskCompletionRate())));
        }
    }

    private void units(XWPFDocument document) {
        List<Dashboard.Line> lines = data.units();
        if (lines.isEmpty()) {
            text(document, text.text("report.none"));
            return;
        }
        XWPFTable table = table(
                document,
                "report.col.unit",
                "report.col.problems",
                "report.col.closed",
                "report.figure.closureRate",
                "report.col.tasks",
                "report.col.tasksDone",
                "report.figure.taskCompletionRate",
                "report.col.overdue");
        for (Dashboard.Line l : lines) {
            row(table, text.name(l.name()), l.figures());
        }
        row(table, text.text("report.total"), data.totals());
    }

    private void row(XWPFTable table, String name, Figures f) {
        cells(
                table.createRow(),
                false,
                name,
                text.count(f, Figure.PROBLEMS),
                text.count(f, Figure.CLOSED),
                ReportText.percent(f.closureRate()),
                text.count(f, Figure.TASKS),
                text.count(f, Figure.TASKS_DONE),
                ReportText.percent(f.taskCompletionRate()),
                text.count(f, Figure.OVERDUE));
    }

    private void overdue(XWPFDocument document) {
        if (data.overdue().isEmpty()) {
            text(document, text.text("report.overdue.none"));
            return;
        }
        text(document, text.text("report.progress.overdue", ReportText.count(data.overdueTotal())));
        XWPFTable table = table(
                document, "report.col.number", "report.col.problem", "report.col.leadUnit", "report.col.deadline");
        for (ProblemLedgerRow row : data.overdue()) {
            ProblemColumns p = row.problem();
            cells(
                    table.createRow(),
                    false,
                    p.number(),
                    p.title(),
                    text.name(p.leadUnit()),
                    p.deadlineDate() == null ? ReportText.NONE : text.date(p.deadlineDate()));
        }
        if (data.overdueNotListed() > 0) {
            text(document, text.text("report.overdue.more", ReportText.count(data.overdueNotListed())));
        }
    }

    private XWPFTable table(XWPFDocument document, String... headerKeys) {
        XWPFTable table = document.createTable(1, headerKeys.length);
        table.setWidth("100%");
        String[] header = new String[headerKeys.length];
        for (int i = 0; i < header.length; i++) {
            header[i] = text.text(headerKeys[i]);
        }
        cells(table.getRow(0), true, header);
        table.getRow(0).setRepeatHeader(true);
        return table;
    }

    private void cells(XWPFTableRow row, boolean bold, String... values) {
        for (int i = 0; i < values.length; i++) {
            XWPFParagraph p = (i < row.getTableCells().size() ? row.getCell(i) : row.addNewTableCell())
                    .getParagraphs()
                    .get(0);
            XWPFRun r = p.createRun();
            font(r, "body");
            r.setFontSize(TABLE_SIZE);
            r.setBold(bold);
            r.setText(values[i] == null ? ReportText.NONE : values[i]);
        }
    }

    private void heading(XWPFDocument document, String key) {
        XWPFParagraph p = document.createParagraph();
        p.setIndentationFirstLine(INDENT);
        p.setSpacingBefore(240);
        run(p, text.text(key), "heading", TEXT_SIZE);
    }

    private void subheading(XWPFDocument document, String key) {
        XWPFParagraph p = document.createParagraph();
        p.setIndentationFirstLine(INDENT);
        run(p, text.text(key), "subheading", TEXT_SIZE);
    }

    private XWPFParagraph text(XWPFDocument document, String content) {
        XWPFParagraph p = document.createParagraph();
        p.setIndentationFirstLine(INDENT);
        p.setAlignment(ParagraphAlignment.BOTH);
        run(p, content, "body", TEXT_SIZE);
        return p;
    }

    private static XWPFParagraph centred(XWPFDocument document) {
        XWPFParagraph p = document.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(200);
        return p;
    }

    private XWPFRun run(XWPFParagraph p, String content, String font, int size) {
        XWPFRun r = p.createRun();
        font(r, font);
        r.setFontSize(size);
        r.setText(content);
        return r;
    }

    /** The bundle's font of this kind of text, for Chinese and for Latin characters. */
    private void font(XWPFRun r, String kind) {
        r.setFontFamily(text.text("report.docx.font." + kind), XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(text.text("report.docx.font.latin"), XWPFRun.FontCharRange.ascii);
        r.setFontFamily(text.text("report.docx.font.latin"), XWPFRun.FontCharRange.hAnsi);
    }
}

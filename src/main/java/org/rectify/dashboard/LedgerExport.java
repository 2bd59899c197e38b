package org.rectify.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A prepared export (checked, counted, audited), ready to stream. The rows are read in chunks by keyset,
 * each chunk in a read-only transaction of its own, so no transaction or connection is held while the
 * client downloads, and memory does not grow with the ledger.
 */
public final class LedgerExport {

    static final int CHUNK = 1000;

    private final LedgerCriteria criteria;
    private final long rows;
    private final TaskLedger tasks;
    private final ProblemLedger problems;
    private final LedgerSummaries summaries;
    private final MessageSource messages;

    LedgerExport(LedgerCriteria criteria, long rows, TaskLedger tasks, ProblemLedger problems,
                 LedgerSummaries summaries, MessageSource messages) {
        this.criteria = criteria;
        this.rows = rows;
        this.tasks = tasks;
        this.problems = problems;
        this.summaries = summaries;
        this.messages = messages;
    }

    /** The rows counted when the export was prepared. */
    public long rows() {
        return rows;
    }

    /** Writes the workbook as the response, its texts in this language. */
    public void send(Locale locale, HttpServletResponse response) throws IOException {
        Labels labels = new Labels(messages, locale);
        String kind = criteria.kind().name();
        String fileName = labels.text("ledger.xlsx.file." + kind, criteria.today()) + ".xlsx";
        response.setContentType(LedgerExports.XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        try (LedgerWorkbook book = new LedgerWorkbook(labels)) {
            String round = criteria.round() == null ? labels.text("ledger.all") : criteria.round().name();
            String title = labels.text("ledger.xlsx.title." + kind, round, criteria.today().toString());
            String sheet = labels.text("ledger.xlsx.sheet." + kind);
            if (criteria.kind() == LedgerKind.TASKS) {
                writeTasks(new TaskLedgerSheet(book, sheet, title));
            } else {
                writeProblems(new ProblemLedgerSheet(book, sheet, title));
            }
            SummarySheet.write(book, labels.text("ledger.xlsx.sheet.summary"),
                    labels.text("ledger.xlsx.summary.title", round, criteria.today().toString()),
                    summaries.of(criteria));
            book.write(response.getOutputStream());
        }
    }

    private void writeTasks(TaskLedgerSheet sheet) {
        TaskLedgerRow last = null;
        List<TaskLedgerRow> chunk;
        do {
            chunk = tasks.after(criteria, last, CHUNK);
            sheet.append(chunk);
            last = chunk.isEmpty() ? last : chunk.get(chunk.size() - 1);
        } while (chunk.size() == CHUNK);
        sheet.finish();
    }

    private void writeProblems(ProblemLedgerSheet sheet) {
        ProblemLedgerRow last = null;
        List<ProblemLedgerRow> chunk;
        do {
            chunk = problems.after(criteria, last, CHUNK);
            sheet.append(chunk);
            last = chunk.isEmpty() ? last : chunk.get(chunk.size() - 1);
        } while (chunk.size() == CHUNK);
    }
}

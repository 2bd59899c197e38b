package org.rectify.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A prepared export (checked, counted, audited), ready to stream. One query reads the ids of every row
 * in the ledger's order (one sort, a few MB of longs at the export limit); the rows are then read in
 * chunks of ids, each by its index and in a read-only transaction of its own, so no transaction or
 * connection is held while the client downloads, and the rows in memory do not grow with the ledger.
 * (A keyset in the ledger's order made every chunk read and sort the rest of the ledger again: at
 * 1,000,000 problems a province's 143,000 tasks took about 45 minutes.)
 */
public final class LedgerExport {

    private final LedgerCriteria criteria;
    private final long rows;
    private final int chunkRows;
    private final TaskLedger tasks;
    private final ProblemLedger problems;
    private final LedgerSummaries summaries;
    private final MessageSource messages;

    LedgerExport(LedgerCriteria criteria, long rows, int chunkRows, TaskLedger tasks, ProblemLedger problems,
                 LedgerSummaries summaries, MessageSource messages) {
        this.criteria = criteria;
        this.rows = rows;
        this.chunkRows = chunkRows;
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
        for (List<Long> chunk : chunks(tasks.ids(criteria))) {
            sheet.append(tasks.rows(criteria, chunk));
        }
        sheet.finish();
    }

    private void writeProblems(ProblemLedgerSheet sheet) {
        for (List<Long> chunk : chunks(problems.ids(criteria))) {
            sheet.append(problems.rows(criteria, chunk));
        }
    }

    private List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += chunkRows) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + chunkRows)));
        }
        return chunks;
    }
}

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
 * A prepared export (checked, counted, audited), ready to stream. Preparing read the problems of its
 * rows in the ledger's order, each with its number of rows ({@link Part}: one query, grouped by problem,
 * a few MB at the export limit), which also counted them; the rows are then read a chunk of whole
 * problems at a time (about {@code chunkRows} rows), each by its index, so the rows in memory do not grow
 * with the ledger, and a problem's task rows are never split between chunks. The summary sheet is added
 * up from the rows written ({@link SummaryTally}). (A keyset in the ledger's order made every chunk read
 * and sort the rest of the ledger again: at 1,000,000 problems a province's 143,000 tasks took about 45
 * minutes.)
 */
public final class LedgerExport {

    /** A problem of the ledger and its number of rows there. */
    record Part(long problemId, int rows) {}

    private final LedgerCriteria criteria;
    private final List<Part> parts;
    private final long rows;
    private final int chunkRows;
    private final TaskLedger tasks;
    private final ProblemLedger problems;
    private final MessageSource messages;

    LedgerExport(
            LedgerCriteria criteria,
            List<Part> parts,
            int chunkRows,
            TaskLedger tasks,
            ProblemLedger problems,
            MessageSource messages) {
        this.criteria = criteria;
        this.parts = parts;
        this.rows = parts.stream().mapToLong(Part::rows).sum();
        this.chunkRows = chunkRows;
        this.tasks = tasks;
        this.problems = problems;
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
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        try (LedgerWorkbook book = new LedgerWorkbook(labels)) {
            String round = criteria.round() == null
                    ? labels.text("ledger.all")
                    : criteria.round().name();
            String title = labels.text(
                    "ledger.xlsx.title." + kind, round, criteria.today().toString());
            String sheet = labels.text("ledger.xlsx.sheet." + kind);
            SummaryTally tally = new SummaryTally();
            if (criteria.kind() == LedgerKind.TASKS) {
                writeTasks(new TaskLedgerSheet(book, sheet, title), tally);
            } else {
                writeProblems(new ProblemLedgerSheet(book, sheet, title), tally);
            }
            SummarySheet.write(
                    book,
                    labels.text("ledger.xlsx.sheet.summary"),
                    labels.text(
                            "ledger.xlsx.summary.title", round, criteria.today().toString()),
                    tally.lines());
            book.write(response.getOutputStream());
        }
    }

    private void writeTasks(TaskLedgerSheet sheet, SummaryTally tally) {
        for (List<Long> chunk : chunks()) {
            List<TaskLedgerRow> chunkRows = tasks.rows(criteria, chunk);
            chunkRows.forEach(tally::add);
            sheet.append(chunkRows);
        }
        sheet.finish();
    }

    private void writeProblems(ProblemLedgerSheet sheet, SummaryTally tally) {
        for (List<Long> chunk : chunks()) {
            List<ProblemLedgerRow> chunkRows = problems.rows(criteria, chunk);
            chunkRows.forEach(tally::add);
            sheet.append(chunkRows);
        }
    }

    /** The problems in chunks of whole problems, each closed once it holds {@code chunkRows} rows or more. */
    private List<List<Long>> chunks() {
        List<List<Long>> chunks = new ArrayList<>();
        List<Long> chunk = new ArrayList<>();
        int inChunk = 0;
        for (Part part : parts) {
            chunk.add(part.problemId());
            inChunk += part.rows();
            if (inChunk >= chunkRows) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                inChunk = 0;
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}

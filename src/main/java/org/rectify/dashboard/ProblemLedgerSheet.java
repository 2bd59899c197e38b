package org.rectify.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/** The problem ledger's sheet, one row per problem, written chunk by chunk. */
final class ProblemLedgerSheet {

    private final LedgerWorkbook book;
    private final SXSSFSheet sheet;
    private int next = LedgerWorkbook.FIRST_ROW;

    ProblemLedgerSheet(LedgerWorkbook book, String name, String title) {
        this.book = book;
        List<Column<?>> all = new ArrayList<>(LedgerColumns.PROBLEM);
        all.addAll(LedgerColumns.PROBLEM_LEDGER);
        List<String> headers = new ArrayList<>(Column.headers(LedgerColumns.PROBLEM, book.labels()));
        headers.addAll(Column.headers(LedgerColumns.PROBLEM_LEDGER, book.labels()));
        this.sheet = book.sheet(
                name, title, headers, all.stream().mapToInt(Column::width).toArray());
    }

    void append(List<ProblemLedgerRow> rows) {
        int problemColumns = LedgerColumns.PROBLEM.size();
        for (ProblemLedgerRow problem : rows) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < problemColumns; c++) {
                book.cell(row, c, LedgerColumns.PROBLEM.get(c).value().apply(problem.problem(), book.labels()));
            }
            for (int c = 0; c < LedgerColumns.PROBLEM_LEDGER.size(); c++) {
                book.cell(
                        row,
                        problemColumns + c,
                        LedgerColumns.PROBLEM_LEDGER.get(c).value().apply(problem, book.labels()));
            }
        }
    }
}

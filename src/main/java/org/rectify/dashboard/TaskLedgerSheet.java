package org.rectify.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The task ledger's sheet, written chunk by chunk in the ledger's order. A problem's columns are written
 * on its first task row and merged down over its other task rows (which the order keeps together).
 */
final class TaskLedgerSheet {

    private static final int PROBLEM_COLUMNS = LedgerColumns.PROBLEM.size();

    private final LedgerWorkbook book;
    private final SXSSFSheet sheet;
    private int next = LedgerWorkbook.FIRST_ROW;
    private Long problemId;
    private int problemFirstRow;

    TaskLedgerSheet(LedgerWorkbook book, String name, String title) {
        this.book = book;
        List<Column<?>> all = new ArrayList<>(LedgerColumns.PROBLEM);
        all.addAll(LedgerColumns.TASK);
        List<String> headers = new ArrayList<>(Column.headers(LedgerColumns.PROBLEM, book.labels()));
        headers.addAll(Column.headers(LedgerColumns.TASK, book.labels()));
        this.sheet = book.sheet(
                name, title, headers, all.stream().mapToInt(Column::width).toArray());
    }

    void append(List<TaskLedgerRow> rows) {
        for (TaskLedgerRow task : rows) {
            Row row = sheet.createRow(next);
            boolean firstOfProblem = !task.problem().id().equals(problemId);
            if (firstOfProblem) {
                mergeProblem();
                problemId = task.problem().id();
                problemFirstRow = next;
            }
            for (int c = 0; c < PROBLEM_COLUMNS; c++) {
                book.cell(
                        row,
                        c,
                        firstOfProblem
                                ? LedgerColumns.PROBLEM.get(c).value().apply(task.problem(), book.labels())
                                : null);
            }
            for (int c = 0; c < LedgerColumns.TASK.size(); c++) {
                book.cell(
                        row,
                        PROBLEM_COLUMNS + c,
                        LedgerColumns.TASK.get(c).value().apply(task, book.labels()));
            }
            next++;
        }
    }

    /** Closes the last problem's merge; the sheet is complete. */
    void finish() {
        mergeProblem();
    }

    private void mergeProblem() {
        int last = next - 1;
        if (problemId != null && last > problemFirstRow) {
            for (int c = 0; c < PROBLEM_COLUMNS; c++) {
                LedgerWorkbook.merge(sheet, problemFirstRow, last, c);
            }
        }
    }
}

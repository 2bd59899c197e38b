package org.rectify.dashboard;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/** The summary sheet: the figures per lead unit of the exported rows, and their total. */
final class SummarySheet {

    private SummarySheet() {}

    static void write(LedgerWorkbook book, String name, String title, List<UnitSummary> lines) {
        List<Column<UnitSummary>> columns = LedgerColumns.SUMMARY;
        SXSSFSheet sheet = book.sheet(
                name,
                title,
                Column.headers(columns, book.labels()),
                columns.stream().mapToInt(Column::width).toArray());
        int next = LedgerWorkbook.FIRST_ROW;
        for (UnitSummary line : lines) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < columns.size(); c++) {
                book.cell(row, c, columns.get(c).value().apply(line, book.labels()));
            }
        }
        Row total = sheet.createRow(next);
        book.cell(total, 0, book.labels().text("ledger.total"));
        book.cell(total, 1, lines.stream().mapToLong(UnitSummary::problems).sum());
        book.cell(total, 2, lines.stream().mapToLong(UnitSummary::tasks).sum());
        book.cell(
                total, 3, lines.stream().mapToLong(UnitSummary::tasksSignedOff).sum());
        book.cell(
                total,
                4,
                lines.stream().mapToLong(UnitSummary::overdueOpenTasks).sum());
    }
}

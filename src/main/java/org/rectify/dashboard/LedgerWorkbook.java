package org.rectify.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.rectify.deadline.DeadlineColour;

/**
 * An exported workbook, streamed: SXSSF keeps a window of rows in memory and the rest in a compressed
 * temporary file, so a ledger of 100,000 rows needs a small heap. Every sheet has a title row (row 0,
 * merged across), a frozen header row (row 1) and its rows from row 2. Text is always a string cell,
 * made safe by {@link SpreadsheetText}; colours are a fill and a word.
 */
final class LedgerWorkbook implements AutoCloseable {

    static final int FIRST_ROW = 2;
    private static final int WINDOW = 200;

    private final SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
    private final Labels labels;
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle number;
    private final CellStyle date;
    private final Map<DeadlineColour, CellStyle> colours = new EnumMap<>(DeadlineColour.class);

    LedgerWorkbook(Labels labels) {
        this.labels = labels;
        book.setCompressTempFiles(true);
        title = style(true, 14);
        title.setBorderBottom(BorderStyle.NONE);
        header = style(true, 11);
        header.setAlignment(HorizontalAlignment.CENTER);
        fill(header, "D9E2F3");
        text = style(false, 11);
        number = style(false, 11);
        number.setAlignment(HorizontalAlignment.RIGHT);
        date = style(false, 11);
        date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
        colours.put(DeadlineColour.RED, colour("F4B6B6"));
        colours.put(DeadlineColour.YELLOW, colour("FFE699"));
        colours.put(DeadlineColour.GREEN, colour("C6E0B4"));
    }

    /** A new sheet with its title and its frozen header row; the columns take their widths. */
    SXSSFSheet sheet(String name, String titleText, List<String> headers, int[] widths) {
        SXSSFSheet sheet = book.createSheet(name);
        Row titleRow = sheet.createRow(0);
        titleRow.setHeightInPoints(24);
        cell(titleRow, 0, titleText).setCellStyle(title);
        if (headers.size() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
        }
        Row headerRow = sheet.createRow(1);
        for (int i = 0; i < headers.size(); i++) {
            cell(headerRow, i, headers.get(i)).setCellStyle(header);
            sheet.setColumnWidth(i, Math.min(255, widths[i] + 2) * 256);
        }
        sheet.createFreezePane(0, FIRST_ROW);
        return sheet;
    }

    /**
     * One cell: text as a safe string, numbers as numbers, dates as dates, a colour as its fill and its
     * word, null as a blank cell with the sheet's borders.
     */
    Cell cell(Row row, int column, Object value) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(text);
        if (value instanceof String s) {
            cell.setCellValue(SpreadsheetText.safe(s));
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(number);
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else if (value instanceof DeadlineColour c) {
            cell.setCellValue(labels.text("ledger.word." + c.name()));
            cell.setCellStyle(colours.get(c));
        } else if (value != null) {
            throw new IllegalArgumentException("no cell for " + value.getClass());
        }
        return cell;
    }

    /** Merges cells that are known not to overlap any merged before (checking would cost O(n²)). */
    static void merge(Sheet sheet, int firstRow, int lastRow, int column) {
        sheet.addMergedRegionUnsafe(new CellRangeAddress(firstRow, lastRow, column, column));
    }

    Labels labels() {
        return labels;
    }

    void write(OutputStream out) throws IOException {
        book.write(out);
    }

    /** Deletes the temporary files too. */
    @Override
    public void close() throws IOException {
        book.close();
    }

    private CellStyle style(boolean bold, int points) {
        XSSFCellStyle style = (XSSFCellStyle) book.createCellStyle();
        Font font = book.createFont();
        font.setBold(bold);
        font.setFontHeightInPoints((short) points);
        style.setFont(font);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setWrapText(true);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    private CellStyle colour(String rgb) {
        CellStyle style = style(false, 11);
        style.setAlignment(HorizontalAlignment.CENTER);
        fill(style, rgb);
        return style;
    }

    private static void fill(CellStyle style, String rgb) {
        ((XSSFCellStyle) style)
                .setFillForegroundColor(new XSSFColor(HexFormat.of().parseHex(rgb)));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
}

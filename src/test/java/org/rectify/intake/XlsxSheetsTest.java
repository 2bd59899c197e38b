package org.rectify.intake;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader takes workbooks however they were written: Excel's shared strings, a streaming writer's inline ones. */
class XlsxSheetsTest {

    @TempDir
    Path dir;

    @Test
    void sharedAndInlineStringsNumbersAndDatesReadAlike() throws Exception {
        for (boolean streaming : new boolean[] {false, true}) {
            try (var book = streaming ? new SXSSFWorkbook(10) : new XSSFWorkbook();
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                var date = book.createCellStyle();
                date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
                var sheet = book.createSheet("问题清单");
                Row header = sheet.createRow(0);
                header.createCell(0).setCellValue("问题编号");
                header.createCell(2).setCellValue("整改时限");
                Row row = sheet.createRow(3);
                row.createCell(0).setCellValue(2026001);
                row.createCell(1).setCellValue("县民政局");
                row.createCell(2).setCellValue(LocalDate.of(2026, 12, 31));
                row.getCell(2).setCellStyle(date);
                book.write(out);
                Path file = dir.resolve(streaming + ".xlsx");
                Files.write(file, out.toByteArray());
                new XlsxGuard(1 << 28).check(out.toByteArray(), file);
                List<XlsxSheets.Sheet> sheets = XlsxSheets.read(file, 100);
                assertThat(sheets).hasSize(1);
                List<XlsxSheets.Row> rows = sheets.get(0).rows();
                assertThat(rows).extracting(XlsxSheets.Row::number).containsExactly(1, 4);
                assertThat(rows.get(1).cell(0).text()).isEqualTo("2026001");
                assertThat(rows.get(1).cell(1).text()).isEqualTo("县民政局");
                assertThat(rows.get(1).cell(2).date()).isEqualTo(LocalDate.of(2026, 12, 31));
            }
        }
    }
}

package org.rectify.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /**
     * A workbook whose XML declares an external entity (a file of the server, read into a cell) is refused as a
     * damaged workbook before any of its text is read: POI's parsers take no document type, wherever it is put.
     */
    @Test
    void aWorkbookDeclaringAnExternalEntityIsRefusedUnread() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        byte[] plain;
        try (var book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = book.createSheet("问题清单").createRow(0);
            row.createCell(0).setCellValue("问题编号");
            book.write(out);
            plain = out.toByteArray();
        }
        for (String part : List.of("xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml")) {
            byte[] hostile = withEntity(plain, part, secret);
            Path file = dir.resolve("xxe-" + part.replace('/', '-') + ".xlsx");
            Files.write(file, hostile);
            new XlsxGuard(1 << 28).check(hostile, file);
            assertThatThrownBy(() -> XlsxSheets.read(file, 100))
                    .as(part)
                    .isInstanceOf(BadFileException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET-VALUE"));
        }
    }

    /** The workbook with the given part declaring an entity read from the file, and using it in its first text. */
    private static byte[] withEntity(byte[] workbook, String part, Path file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            boolean found = false;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    found = true;
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int root = xml.indexOf('<', xml.indexOf("?>") + 2);
                    String name = xml.substring(root + 1).split("[\\s>]", 2)[0];
                    xml = xml.substring(0, root) + "<!DOCTYPE " + name + " [<!ENTITY secret SYSTEM \"" + file.toUri()
                            + "\">]>" + xml.substring(root);
                    xml = xml.replace("问题编号", "&secret;").replace("问题清单", "&secret;");
                    bytes = xml.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
            assertThat(found).as(part).isTrue();
        }
        return out.toByteArray();
    }
}

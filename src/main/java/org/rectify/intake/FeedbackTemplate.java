package org.rectify.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectify.inspection.ReferenceItem;
import org.rectify.inspection.RoundView;
import org.rectify.intake.Column.Part;
import org.rectify.org.OrgUnitView;
import org.rectify.org.UserView;

/**
 * The .xlsx an office fills in: the problems sheet and the tasks sheet with Chinese headers (a note on each in
 * English says what goes there), drop-down lists for the words the import knows, date columns formatted as
 * dates, and a visible sheet of instructions with the region's unit and leader names to copy from.
 */
final class FeedbackTemplate {

    private static final int LIST_ROWS = 20_000;
    /** Excel refuses an explicit drop-down list longer than this. */
    private static final int MAX_LIST = 250;

    private FeedbackTemplate() {}

    static byte[] write(
            RoundView round, List<ReferenceItem> categories, List<OrgUnitView> units, List<UserView> leaders) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = headerStyle(book);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            List<String> categoryNames = categories.stream()
                    .filter(ReferenceItem::active)
                    .map(ReferenceItem::nameZh)
                    .toList();
            Sheet problems = sheet(book, Part.PROBLEMS, header, date);
            choices(problems, Column.CATEGORY, categoryNames);
            choices(problems, Column.SEVERITY, List.of("一般", "较重", "严重"));
            choices(problems, Column.DEADLINE_TYPE, List.of("立行立改", "限期整改", "长期坚持"));
            Sheet tasks = sheet(book, Part.TASKS, header, date);
            choices(tasks, Column.TASK_DEADLINE_TYPE, List.of("立行立改", "限期整改", "长期坚持"));
            choices(tasks, Column.REPORT_CYCLE, List.of("每月", "每季度"));
            instructions(book, round, categoryNames, units, leaders, header);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet sheet(XSSFWorkbook book, Part part, CellStyle header, CellStyle date) {
        Sheet sheet = book.createSheet(part.zh);
        Row row = sheet.createRow(0);
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        List<Column> columns = part.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            var cell = row.createCell(i);
            cell.setCellValue(c.required ? c.zh + "*" : c.zh);
            cell.setCellStyle(header);
            ClientAnchor anchor = book.getCreationHelper().createClientAnchor();
            anchor.setCol1(i);
            anchor.setCol2(i + 3);
            anchor.setRow1(0);
            anchor.setRow2(4);
            Comment note = drawing.createCellComment(anchor);
            note.setString(book.getCreationHelper().createRichTextString(note(c)));
            cell.setCellComment(note);
            boolean isDate = c == Column.DEADLINE || c == Column.TASK_DEADLINE;
            sheet.setColumnWidth(i, 256 * (c.max > 300 ? 40 : isDate ? 14 : 18));
            if (isDate) {
                sheet.setDefaultColumnStyle(i, date);
            }
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static String note(Column c) {
        String what = switch (c) {
            case NUMBER -> "Number, unique within the round (e.g. 2026-001).";
            case TITLE -> "Title, up to 300 characters.";
            case DESCRIPTION -> "Description as the feedback list words it, up to 4,000 characters.";
            case CATEGORY -> "Category: one of the drop-down names.";
            case SEVERITY -> "Severity: 一般 (general), 较重 (serious) or 严重 (major); empty means 一般.";
            case GOAL -> "Rectification goal, optional.";
            case LEAD_UNIT, TASK_UNIT -> "Unit by its name as on the instructions sheet (or its code).";
            case CO_UNITS -> "Co-responsible units: names separated by 、 or a comma.";
            case LEADER -> "Responsible leader by name (or user name when two share a name).";
            case DEADLINE_TYPE, TASK_DEADLINE_TYPE ->
                "Deadline type: 立行立改 (immediate), 限期整改 (time-limited) " + "or 长期坚持 (long-term).";
            case DEADLINE, TASK_DEADLINE ->
                "Deadline: a working day, as a date or text such as 2026-12-31 or "
                        + "2026年12月31日. Required for 限期整改; empty for 长期坚持.";
            case TASK_PROBLEM -> "The number of a problem on the 问题清单 sheet.";
            case MEASURE -> "Measure (整改措施), up to 2,000 characters.";
            case CRITERION -> "Completion criterion (完成标准), up to 2,000 characters.";
            case REPORT_CYCLE -> "Report cycle for 长期坚持 measures: 每月 (monthly) or 每季度 (quarterly).";
        };
        return c.en + (c.required ? " (required). " : " (optional). ") + what;
    }

    private static void choices(Sheet sheet, Column c, List<String> values) {
        if (values.isEmpty() || String.join(",", values).length() > MAX_LIST) {
            return;
        }
        int at = c.part.columns().indexOf(c);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(1, LIST_ROWS, at, at));
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }

    private static void instructions(
            XSSFWorkbook book,
            RoundView round,
            List<String> categories,
            List<OrgUnitView> units,
            List<UserView> leaders,
            CellStyle header) {
        Sheet sheet = book.createSheet("填写说明");
        sheet.setColumnWidth(0, 256 * 30);
        sheet.setColumnWidth(1, 256 * 30);
        sheet.setColumnWidth(2, 256 * 60);
        int r = 0;
        r = line(sheet, r, header, "反馈问题清单导入模板 / Feedback list template", round.code() + " " + round.name());
        r = line(
                sheet,
                r,
                null,
                "每行一个问题；带 * 的列必填。表头请勿修改。",
                "One problem per row; columns marked * are required. Keep the headers.");
        r = line(
                sheet,
                r,
                null,
                "任务清单可选：每行一项整改措施，以问题编号对应问题清单。",
                "The tasks sheet is optional: one measure per row, keyed by the problem number.");
        r = line(
                sheet,
                r,
                null,
                "请勿使用公式、合并单元格或隐藏工作表；日期须为工作日。",
                "No formulas, merged cells or hidden sheets; deadlines must be working days.");
        r = line(sheet, r, null, "同一文件重复导入只导入一次。", "The same file imported twice imports once.");
        r++;
        r = line(sheet, r, header, "问题类别 / Categories", String.join("、", categories));
        r++;
        r = line(sheet, r, header, "单位（名称 / 代码）", "Units (name / code)");
        for (OrgUnitView u : units) {
            r = line(sheet, r, null, u.nameZh(), u.code());
        }
        r++;
        r = line(sheet, r, header, "责任领导（姓名 / 用户名）", "Leaders (name / user name)");
        for (UserView u : leaders) {
            r = line(sheet, r, null, u.displayName(), u.username());
        }
    }

    private static int line(Sheet sheet, int r, CellStyle style, String zh, String en) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(zh);
        row.createCell(1).setCellValue(en);
        if (style != null) {
            row.getCell(0).setCellStyle(style);
            row.getCell(1).setCellStyle(style);
        }
        return r + 1;
    }

    private static CellStyle headerStyle(XSSFWorkbook book) {
        CellStyle style = book.createCellStyle();
        Font bold = book.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        style.setWrapText(true);
        return style;
    }
}

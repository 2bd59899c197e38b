package org.rectify.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The columns of the feedback list template: the problems sheet (问题清单: the problem, its responsibility and
 * its deadline, one row each) and the optional tasks sheet (任务清单: measures keyed by problem number). A
 * header is found by its Chinese or English name, in any order; a required column must be there.
 */
enum Column {
    NUMBER(Part.PROBLEMS, "问题编号", "Number", true, 32),
    TITLE(Part.PROBLEMS, "问题标题", "Title", true, 300),
    DESCRIPTION(Part.PROBLEMS, "问题描述", "Description", true, 4000),
    CATEGORY(Part.PROBLEMS, "问题类别", "Category", true, 100),
    SEVERITY(Part.PROBLEMS, "严重程度", "Severity", false, 20),
    GOAL(Part.PROBLEMS, "整改目标", "Rectification goal", false, 2000),
    LEAD_UNIT(Part.PROBLEMS, "牵头单位", "Lead unit", true, 200),
    CO_UNITS(Part.PROBLEMS, "配合单位", "Co-responsible units", false, 2000),
    LEADER(Part.PROBLEMS, "责任领导", "Responsible leader", true, 100),
    DEADLINE_TYPE(Part.PROBLEMS, "时限类型", "Deadline type", true, 20),
    DEADLINE(Part.PROBLEMS, "整改时限", "Deadline", false, 40),

    TASK_PROBLEM(Part.TASKS, "问题编号", "Problem number", true, 32),
    MEASURE(Part.TASKS, "整改措施", "Measure", true, 2000),
    CRITERION(Part.TASKS, "完成标准", "Completion criterion", true, 2000),
    TASK_UNIT(Part.TASKS, "责任单位", "Unit", false, 200),
    TASK_DEADLINE_TYPE(Part.TASKS, "时限类型", "Deadline type", true, 20),
    TASK_DEADLINE(Part.TASKS, "完成时限", "Deadline", false, 40),
    REPORT_CYCLE(Part.TASKS, "报告周期", "Report cycle", false, 20);

    /** The two sheets of a feedback list. */
    enum Part {
        PROBLEMS("问题清单", "Problems"),
        TASKS("任务清单", "Tasks");

        final String zh;
        final String en;

        Part(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        List<Column> columns() {
            return Arrays.stream(Column.values()).filter(c -> c.part == this).toList();
        }

        boolean named(String sheetName) {
            String name = sheetName.strip();
            return name.equals(zh) || name.equalsIgnoreCase(en);
        }
    }

    final Part part;
    final String zh;
    final String en;
    final boolean required;
    final int max;

    Column(Part part, String zh, String en, boolean required, int max) {
        this.part = part;
        this.zh = zh;
        this.en = en;
        this.required = required;
        this.max = max;
    }

    /** A header cell as offices write it: with a star, a note in brackets, spaces or a line break. */
    boolean matches(String header) {
        String h = header.replaceAll("[*＊\\s]", "").replaceAll("[（(].*$", "");
        return h.equals(zh) || h.equalsIgnoreCase(en.replace(" ", ""));
    }

    /** The header as the reader's report names it. */
    String header(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }
}

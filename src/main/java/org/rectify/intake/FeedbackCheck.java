package org.rectify.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.rectify.common.InvalidInputException;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.deadline.DeadlineType;
import org.rectify.inspection.ReferenceItem;
import org.rectify.intake.Column.Part;
import org.rectify.intake.FeedbackRows.ProblemRow;
import org.rectify.intake.FeedbackRows.TaskRow;
import org.rectify.intake.XlsxSheets.Cell;
import org.rectify.intake.XlsxSheets.Row;
import org.rectify.intake.XlsxSheets.Sheet;
import org.rectify.org.OrgUnitView;
import org.rectify.org.UserView;
import org.rectify.problem.Severity;
import org.rectify.task.ReportCycle;

/**
 * Checks a feedback list row by row and cell by cell before anything is written: required cells, lengths,
 * words for deadline types, severities and report cycles, unit and leader names of the round's region (with
 * the closest names when one is unknown), dates and working days, measures for problem numbers not in the
 * file, and numbers twice in the file or already in the round. Every issue is reported, not the first.
 */
final class FeedbackCheck {

    /** What a list is checked against: the round's region, its names, and the day it is checked. */
    record Context(
            List<OrgUnitView> units,
            List<UserView> leaders,
            List<ReferenceItem> categories,
            Function<Set<String>, Set<String>> numbersTaken,
            DeadlinePolicy deadlines,
            LocalDate today) {}

    private static final int SUGGESTIONS = 3;
    private static final Pattern SEPARATORS = Pattern.compile("[、，,;；/\\n]+");
    private static final Pattern DATE =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Map<String, DeadlineType> DEADLINE_WORDS = words(Map.of(
            DeadlineType.IMMEDIATE, List.of("立行立改", "立即整改", "immediate"),
            DeadlineType.TIME_LIMITED, List.of("限期整改", "限时整改", "time-limited", "timelimited", "time_limited"),
            DeadlineType.LONG_TERM, List.of("长期坚持", "长期整改", "持续整改", "long-term", "longterm", "long_term")));
    private static final Map<String, Severity> SEVERITY_WORDS = words(Map.of(
            Severity.GENERAL, List.of("一般", "general"),
            Severity.SERIOUS, List.of("较重", "较严重", "serious"),
            Severity.MAJOR, List.of("严重", "重大", "major")));
    private static final Map<String, ReportCycle> CYCLE_WORDS = words(Map.of(
            ReportCycle.MONTHLY, List.of("每月", "月报", "按月", "月", "monthly"),
            ReportCycle.QUARTERLY, List.of("每季度", "季报", "按季", "季度", "quarterly")));

    private final Context context;
    private final Map<String, List<OrgUnitView>> unitsByName = new HashMap<>();
    private final Map<String, List<UserView>> leadersByName = new HashMap<>();
    private final Map<String, String> categoriesByName = new HashMap<>();
    private final Map<String, List<String>> suggested = new HashMap<>();
    private final List<ImportIssue> issues = new ArrayList<>();
    private final Map<Part, Headers> headers = new EnumMap<>(Part.class);

    FeedbackCheck(Context context) {
        this.context = context;
        for (OrgUnitView u : context.units()) {
            for (String name : new String[] {u.nameZh(), u.nameEn(), u.code()}) {
                if (name != null && !name.isBlank()) {
                    unitsByName
                            .computeIfAbsent(key(name), k -> new ArrayList<>())
                            .add(u);
                }
            }
        }
        unitsByName.replaceAll((k, v) -> v.stream().distinct().toList());
        for (UserView u : context.leaders()) {
            // 李县长（责任领导） is written 李县长 as well: the name without its note in brackets.
            for (String name :
                    new String[] {u.displayName(), u.displayName().replaceAll("[（(].*[）)]$", ""), u.username()}) {
                if (!name.isBlank()) {
                    leadersByName
                            .computeIfAbsent(key(name), k -> new ArrayList<>())
                            .add(u);
                }
            }
        }
        leadersByName.replaceAll((k, v) -> v.stream().distinct().toList());
        for (ReferenceItem c : context.categories()) {
            if (c.active()) {
                for (String name : new String[] {c.code(), c.nameZh(), c.nameEn()}) {
                    if (name != null && !name.isBlank()) {
                        categoriesByName.put(key(name), c.code());
                    }
                }
            }
        }
    }

    FeedbackRows check(List<Sheet> sheets) {
        Sheet problemSheet = find(sheets, Part.PROBLEMS).orElse(null);
        if (problemSheet == null) {
            sheetIssue(
                    Part.PROBLEMS,
                    0,
                    null,
                    "import.sheet.missing",
                    "the workbook has no sheet 问题清单 (Problems)",
                    Part.PROBLEMS.zh);
            return new FeedbackRows(List.of(), List.copyOf(issues));
        }
        Sheet taskSheet = find(sheets, Part.TASKS).orElse(null);
        Headers problemHeaders = headers(problemSheet, Part.PROBLEMS);
        Headers taskHeaders = taskSheet == null ? null : headers(taskSheet, Part.TASKS);
        if (!issues.isEmpty()) {
            return new FeedbackRows(List.of(), List.copyOf(issues));
        }
        Map<String, ProblemRow> byNumber = new LinkedHashMap<>();
        Map<String, Integer> byText = new HashMap<>();
        for (Row row : problemSheet.rows()) {
            if (row.number() > problemHeaders.row()) {
                ProblemRow p = problem(row, problemHeaders);
                if (p == null) {
                    continue;
                }
                ProblemRow first = byNumber.putIfAbsent(p.number(), p);
                if (first != null) {
                    issue(
                            row,
                            Column.NUMBER,
                            "import.row.numberTwice",
                            "number " + p.number() + " is also on row " + first.row(),
                            p.number(),
                            first.row());
                }
                Integer sameText = byText.putIfAbsent(p.text(), row.number());
                if (sameText != null && first == null) {
                    issue(
                            row,
                            Column.TITLE,
                            "import.row.textTwice",
                            "the same title and description as row " + sameText,
                            sameText);
                }
            }
        }
        Set<String> taken =
                byNumber.isEmpty() ? Set.of() : context.numbersTaken().apply(byNumber.keySet());
        for (ProblemRow p : byNumber.values()) {
            if (taken.contains(p.number())) {
                sheetIssue(
                        Part.PROBLEMS,
                        p.row(),
                        Column.NUMBER,
                        "import.row.numberInRound",
                        "the round already has a problem numbered " + p.number(),
                        p.number());
            }
        }
        Map<String, List<TaskRow>> tasks = new HashMap<>();
        if (taskSheet != null) {
            for (Row row : taskSheet.rows()) {
                if (row.number() > taskHeaders.row()) {
                    task(row, taskHeaders, byNumber, tasks);
                }
            }
        }
        if (byNumber.isEmpty()) {
            sheetIssue(
                    Part.PROBLEMS,
                    0,
                    null,
                    "import.sheet.empty",
                    "the sheet 问题清单 (Problems) lists no problem",
                    Part.PROBLEMS.zh);
        }
        List<ProblemRow> problems = byNumber.values().stream()
                .map(p -> withTasks(p, tasks.getOrDefault(p.number(), List.of())))
                .toList();
        issues.sort(Comparator.comparing(ImportIssue::sheet)
                .thenComparingInt(ImportIssue::row)
                .thenComparing(i -> i.column() == null ? -1 : i.column().ordinal()));
        return new FeedbackRows(problems, List.copyOf(issues));
    }

    private static Optional<Sheet> find(List<Sheet> sheets, Part part) {
        return sheets.stream()
                .filter(s -> part.named(s.name()))
                .findFirst()
                .or(() -> sheets.stream()
                        .filter(s -> !s.rows().isEmpty()
                                && part.columns().stream()
                                        .filter(c -> c.required)
                                        .allMatch(c -> headerOf(s.rows().get(0), c) != null))
                        .findFirst());
    }

    /** The header row (the first the sheet holds) and where each column is in it. */
    record Headers(int row, Map<Column, Integer> columns) {}

    private Headers headers(Sheet sheet, Part part) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        if (sheet.rows().isEmpty()) {
            sheetIssue(part, 0, null, "import.sheet.empty", "the sheet " + sheet.name() + " is empty", sheet.name());
            return new Headers(0, found);
        }
        Row header = sheet.rows().get(0);
        for (Column c : part.columns()) {
            Integer at = headerOf(header, c);
            if (at != null) {
                found.put(c, at);
            } else if (c.required) {
                sheetIssue(
                        part,
                        header.number(),
                        null,
                        "import.sheet.columnMissing",
                        "the sheet " + sheet.name() + " has no column " + c.zh + " (" + c.en + ")",
                        sheet.name(),
                        c.zh,
                        c.en);
            }
        }
        Headers h = new Headers(header.number(), found);
        headers.put(part, h);
        return h;
    }

    private static Integer headerOf(Row header, Column c) {
        return header.cells().entrySet().stream()
                .filter(e -> c.matches(e.getValue().text()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private ProblemRow problem(Row row, Headers h) {
        String number = text(row, h, Column.NUMBER);
        String title = text(row, h, Column.TITLE);
        String description = text(row, h, Column.DESCRIPTION);
        String category = category(row, h);
        Severity severity = word(row, h, Column.SEVERITY, SEVERITY_WORDS, "import.cell.severity", "一般 / 较重 / 严重");
        String goal = text(row, h, Column.GOAL);
        OrgUnitView lead = unit(row, h, Column.LEAD_UNIT);
        Set<Long> co = new LinkedHashSet<>();
        String coNames = text(row, h, Column.CO_UNITS);
        if (coNames != null) {
            for (String name : SEPARATORS.split(coNames)) {
                if (!name.isBlank()) {
                    unitNamed(row, Column.CO_UNITS, name.strip())
                            .map(OrgUnitView::id)
                            .ifPresent(co::add);
                }
            }
        }
        Long leader = leader(row, h);
        DeadlineType type =
                word(row, h, Column.DEADLINE_TYPE, DEADLINE_WORDS, "import.cell.deadlineType", "立行立改 / 限期整改 / 长期坚持");
        LocalDate deadline = deadline(row, h, Column.DEADLINE, type);
        if (number == null || title == null || description == null) {
            return number == null
                    ? null
                    : new ProblemRow(
                            row.number(),
                            number,
                            title,
                            description,
                            category,
                            severity,
                            goal,
                            id(lead),
                            co,
                            leader,
                            type,
                            deadline,
                            List.of());
        }
        if (lead != null) {
            co.remove(lead.id());
        }
        return new ProblemRow(
                row.number(),
                number,
                title,
                description,
                category,
                severity == null ? Severity.GENERAL : severity,
                goal,
                id(lead),
                Set.copyOf(co),
                leader,
                type,
                deadline,
                List.of());
    }

    private void task(Row row, Headers h, Map<String, ProblemRow> problems, Map<String, List<TaskRow>> tasks) {
        String number = text(row, h, Column.TASK_PROBLEM);
        String measure = text(row, h, Column.MEASURE);
        String criterion = text(row, h, Column.CRITERION);
        OrgUnitView unit = unit(row, h, Column.TASK_UNIT);
        DeadlineType type = word(
                row, h, Column.TASK_DEADLINE_TYPE, DEADLINE_WORDS, "import.cell.deadlineType", "立行立改 / 限期整改 / 长期坚持");
        LocalDate deadline = deadline(row, h, Column.TASK_DEADLINE, type);
        ReportCycle cycle = word(row, h, Column.REPORT_CYCLE, CYCLE_WORDS, "import.cell.reportCycle", "每月 / 每季度");
        if (type == DeadlineType.LONG_TERM && cycle == null && cell(row, h, Column.REPORT_CYCLE) == null) {
            issue(
                    row,
                    Column.REPORT_CYCLE,
                    "import.cell.cycleMissing",
                    "a 长期坚持 (long-term) measure needs a report cycle: 每月 or 每季度");
        }
        if (number == null) {
            return;
        }
        ProblemRow problem = problems.get(number);
        if (problem == null) {
            issue(
                    row,
                    Column.TASK_PROBLEM,
                    "import.row.noSuchProblem",
                    "no problem numbered " + number + " on the sheet 问题清单",
                    number);
            return;
        }
        if (unit != null
                && problem.leadUnitId() != null
                && !unit.id().equals(problem.leadUnitId())
                && !problem.coUnitIds().contains(unit.id())) {
            issue(
                    row,
                    Column.TASK_UNIT,
                    "import.cell.unitNotResponsible",
                    "unit " + unit.nameZh() + " is neither the lead nor a co-responsible unit of problem " + number,
                    unit.nameZh(),
                    number);
        }
        if (deadline != null && problem.deadline() != null && deadline.isAfter(problem.deadline())) {
            issue(
                    row,
                    Column.TASK_DEADLINE,
                    "rule.plan.deadlineAfterProblem",
                    "a task's deadline cannot be later " + "than the problem's (" + problem.deadline() + ")",
                    problem.deadline());
        }
        if (measure != null && criterion != null && type != null) {
            tasks.computeIfAbsent(number, k -> new ArrayList<>())
                    .add(new TaskRow(row.number(), measure, criterion, id(unit), type, deadline, cycle));
        }
    }

    private static ProblemRow withTasks(ProblemRow p, List<TaskRow> tasks) {
        return new ProblemRow(
                p.row(),
                p.number(),
                p.title(),
                p.description(),
                p.categoryCode(),
                p.severity(),
                p.goal(),
                p.leadUnitId(),
                p.coUnitIds(),
                p.leaderId(),
                p.deadlineType(),
                p.deadline(),
                List.copyOf(tasks));
    }

    // ---- cells ----

    private Cell cell(Row row, Headers h, Column c) {
        Integer at = h.columns().get(c);
        return at == null ? null : row.cell(at);
    }

    /** The cell's text, stripped; null (and an issue when required) if empty; an issue when too long. */
    private String text(Row row, Headers h, Column c) {
        Cell cell = cell(row, h, c);
        String value = cell == null ? null : cell.text().strip();
        if (value == null || value.isEmpty()) {
            if (c.required) {
                issue(row, c, "import.cell.missing", c.zh + " (" + c.en + ") is empty", c.zh);
            }
            return null;
        }
        if (value.length() > c.max) {
            issue(
                    row,
                    c,
                    "import.cell.tooLong",
                    c.zh + " has " + value.length() + " characters; at most " + c.max,
                    value.length(),
                    c.max);
            return null;
        }
        return value;
    }

    private <T> T word(Row row, Headers h, Column c, Map<String, T> words, String code, String allowed) {
        String value = text(row, h, c);
        if (value == null) {
            return null;
        }
        T found = words.get(key(value));
        if (found == null) {
            issue(row, c, code, "\"" + value + "\" is not one of " + allowed, value, allowed);
        }
        return found;
    }

    private String category(Row row, Headers h) {
        String value = text(row, h, Column.CATEGORY);
        if (value == null) {
            return null;
        }
        String code = categoriesByName.get(key(value));
        if (code == null) {
            List<String> names = context.categories().stream()
                    .filter(ReferenceItem::active)
                    .map(ReferenceItem::nameZh)
                    .toList();
            issue(
                    row,
                    Column.CATEGORY,
                    "import.cell.category",
                    "no active category \"" + value + "\"; the " + "categories are " + String.join(", ", names),
                    value,
                    names);
        }
        return code;
    }

    private OrgUnitView unit(Row row, Headers h, Column c) {
        String name = text(row, h, c);
        return name == null ? null : unitNamed(row, c, name).orElse(null);
    }

    private Optional<OrgUnitView> unitNamed(Row row, Column c, String name) {
        List<OrgUnitView> found = unitsByName.getOrDefault(key(name), List.of());
        if (found.size() == 1) {
            return Optional.of(found.get(0));
        }
        if (found.isEmpty()) {
            List<String> close = closest(
                    name, context.units().stream().map(OrgUnitView::nameZh).toList());
            if (close.isEmpty()) {
                issue(row, c, "import.cell.unknownUnit", "no unit \"" + name + "\" in the round's region", name);
            } else {
                issue(
                        row,
                        c,
                        "import.cell.unknownUnitLike",
                        "no unit \"" + name + "\" in the round's region; did you " + "mean " + String.join(", ", close)
                                + "?",
                        name,
                        close);
            }
        } else {
            issue(
                    row,
                    c,
                    "import.cell.ambiguousUnit",
                    "several units are called \"" + name + "\"; write the code ("
                            + found.stream().map(OrgUnitView::code).collect(Collectors.joining(", ")) + ")",
                    name,
                    found.stream().map(OrgUnitView::code).toList());
        }
        return Optional.empty();
    }

    private Long leader(Row row, Headers h) {
        String name = text(row, h, Column.LEADER);
        if (name == null) {
            return null;
        }
        List<UserView> found = leadersByName.getOrDefault(key(name), List.of());
        if (found.size() == 1) {
            return found.get(0).id();
        }
        if (found.isEmpty()) {
            List<String> close = closest(
                    name,
                    context.leaders().stream()
                            .map(u -> u.displayName().replaceAll("[（(].*[）)]$", ""))
                            .toList());
            if (close.isEmpty()) {
                issue(
                        row,
                        Column.LEADER,
                        "import.cell.unknownLeader",
                        "no active leader \"" + name + "\" in the round's region",
                        name);
            } else {
                issue(
                        row,
                        Column.LEADER,
                        "import.cell.unknownLeaderLike",
                        "no active leader \"" + name + "\" in the round's region; did you mean "
                                + String.join(", ", close) + "?",
                        name,
                        close);
            }
        } else {
            List<String> usernames = found.stream().map(UserView::username).toList();
            issue(
                    row,
                    Column.LEADER,
                    "import.cell.ambiguousLeader",
                    "several leaders are called \"" + name + "\"; write the user name (" + String.join(", ", usernames)
                            + ")",
                    name,
                    usernames);
        }
        return null;
    }

    /** The date in the cell, checked as the services check a deadline (not past, a working day). */
    private LocalDate deadline(Row row, Headers h, Column c, DeadlineType type) {
        Cell cell = cell(row, h, c);
        LocalDate date = null;
        if (cell != null && !cell.text().isBlank()) {
            date = cell.date() != null ? cell.date() : date(cell.text().strip());
            if (date == null) {
                issue(
                        row,
                        c,
                        "import.cell.date",
                        "\"" + cell.text().strip() + "\" is not a date (write 2026-12-31)",
                        cell.text().strip());
                return null;
            }
        }
        if (type == null) {
            return date;
        }
        if (type == DeadlineType.LONG_TERM) {
            return null;
        }
        if (date == null && type == DeadlineType.TIME_LIMITED) {
            issue(row, c, "import.cell.dateMissing", "a 限期整改 (time-limited) row needs a date", c.zh);
            return null;
        }
        try {
            return context.deadlines().resolve(type, date, null, context.today(), c.name());
        } catch (InvalidInputException e) {
            sheetIssue(c.part, row.number(), c, e.code(), e.getMessage(), e.args());
            return null;
        }
    }

    static LocalDate date(String text) {
        Matcher m = DATE.matcher(text);
        try {
            if (m.matches()) {
                return LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (text.matches("\\d{8}")) {
                return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    private void issue(Row row, Column c, String code, String english, Object... args) {
        sheetIssue(c.part, row.number(), c, code, english, args);
    }

    private void sheetIssue(Part part, int row, Column c, String code, String english, Object... args) {
        Headers h = headers.get(part);
        Integer at = c == null || h == null ? null : h.columns().get(c);
        String cell = at == null || row <= 0 ? null : ImportIssue.letters(at) + row;
        issues.add(new ImportIssue(
                part, row, c, cell, code, english, Collections.unmodifiableList(Arrays.asList(args.clone()))));
    }

    /** The names nearest to an unknown one: one containing the other, or a few edits apart. */
    private List<String> closest(String name, List<String> names) {
        return suggested.computeIfAbsent(names.hashCode() + ":" + name, key -> {
            String n = name;
            LevenshteinDistance distance = new LevenshteinDistance(Math.max(1, n.length() / 2));
            record Near(String name, int distance) {}
            return names.stream()
                    .filter(Objects::nonNull)
                    .distinct()
                    .map(candidate -> {
                        if (n.length() > 1 && (candidate.contains(n) || n.contains(candidate))) {
                            return new Near(candidate, Math.abs(candidate.length() - n.length()) / 2);
                        }
                        return new Near(candidate, distance.apply(n, candidate));
                    })
                    .filter(near -> near.distance() >= 0)
                    .sorted(Comparator.comparingInt(Near::distance).thenComparing(Near::name))
                    .limit(SUGGESTIONS)
                    .map(Near::name)
                    .toList();
        });
    }

    private static Long id(OrgUnitView unit) {
        return unit == null ? null : unit.id();
    }

    /** Names and words compare without spaces, case, or the difference between full- and half-width brackets. */
    static String key(String s) {
        return s == null
                ? ""
                : s.replaceAll("\\s", "").replace('（', '(').replace('）', ')').toLowerCase(Locale.ROOT);
    }

    private static <T> Map<String, T> words(Map<T, List<String>> byValue) {
        Map<String, T> words = new HashMap<>();
        byValue.forEach((value, names) -> {
            names.forEach(n -> words.put(key(n), value));
            words.put(key(value.toString()), value);
        });
        return Map.copyOf(words);
    }
}

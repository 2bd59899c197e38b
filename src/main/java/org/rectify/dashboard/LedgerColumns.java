package org.rectify.dashboard;

import java.util.List;
import java.util.stream.Collectors;

/** The columns of the exported ledgers, in the order offices file them. */
final class LedgerColumns {

    /** A problem's columns: merged over its task rows in the task ledger. */
    static final List<Column<ProblemColumns>> PROBLEM = List.of(
            new Column<>(
                    "ledger.col.round",
                    22,
                    (p, l) -> p.round().code() + " " + p.round().name()),
            new Column<>("ledger.col.number", 8, (p, l) -> p.number()),
            new Column<>("ledger.col.title", 36, (p, l) -> p.title()),
            new Column<>("ledger.col.source", 12, (p, l) -> l.name(p.sourceType())),
            new Column<>("ledger.col.category", 12, (p, l) -> l.name(p.category())),
            new Column<>("ledger.col.severity", 8, (p, l) -> l.of("severity.", p.severity())),
            new Column<>("ledger.col.problemStatus", 12, (p, l) -> l.of("problemStatus.", p.status())),
            new Column<>("ledger.col.leadUnit", 18, (p, l) -> l.name(p.leadUnit())),
            new Column<>(
                    "ledger.col.coUnits",
                    22,
                    (p, l) -> p.coUnits().stream().map(l::name).collect(Collectors.joining("、"))),
            new Column<>(
                    "ledger.col.leader",
                    10,
                    (p, l) -> p.responsibleLeader() == null
                            ? null
                            : p.responsibleLeader().displayName()),
            new Column<>(
                    "ledger.col.unitHead",
                    10,
                    (p, l) -> p.unitHead() == null ? null : p.unitHead().displayName()),
            new Column<>(
                    "ledger.col.personInCharge",
                    10,
                    (p, l) -> p.personInCharge() == null
                            ? null
                            : p.personInCharge().displayName()),
            new Column<>("ledger.col.problemDeadlineType", 10, (p, l) -> l.of("deadlineType.", p.deadlineType())),
            new Column<>("ledger.col.problemDeadline", 12, (p, l) -> p.deadlineDate()));

    static final List<Column<TaskLedgerRow>> TASK = List.of(
            new Column<>("ledger.col.seq", 6, (t, l) -> t.seq()),
            new Column<>("ledger.col.measure", 36, (t, l) -> t.measure()),
            new Column<>("ledger.col.criterion", 28, (t, l) -> t.completionCriterion()),
            new Column<>("ledger.col.taskUnit", 18, (t, l) -> l.name(t.unit())),
            new Column<>("ledger.col.deadlineType", 10, (t, l) -> l.of("deadlineType.", t.deadlineType())),
            new Column<>("ledger.col.deadline", 12, (t, l) -> t.deadlineDate()),
            new Column<>("ledger.col.progress", 8, (t, l) -> t.progressPercent()),
            new Column<>("ledger.col.taskStatus", 12, (t, l) -> l.of("taskStatus.", t.status())),
            new Column<>("ledger.col.colour", 8, (t, l) -> t.colour()),
            new Column<>("ledger.col.evidence", 8, (t, l) -> t.evidenceCount()),
            new Column<>("ledger.col.signedOff", 12, (t, l) -> t.signedOffOn()));

    static final List<Column<ProblemLedgerRow>> PROBLEM_LEDGER = List.of(
            new Column<>("ledger.col.tasks", 8, (p, l) -> p.taskCount()),
            new Column<>("ledger.col.tasksSignedOff", 10, (p, l) -> p.tasksSignedOff()),
            new Column<>("ledger.col.closedOn", 12, (p, l) -> p.closedOn()),
            new Column<>("ledger.col.relapses", 8, (p, l) -> p.relapseCount()),
            new Column<>("ledger.col.colour", 8, (p, l) -> p.colour()));

    static final List<Column<UnitSummary>> SUMMARY = List.of(
            new Column<>(
                    "ledger.col.leadUnit",
                    24,
                    (s, l) -> s.leadUnit() == null ? l.text("ledger.unassigned") : l.name(s.leadUnit())),
            new Column<>("ledger.col.problems", 10, (s, l) -> s.problems()),
            new Column<>("ledger.col.tasks", 10, (s, l) -> s.tasks()),
            new Column<>("ledger.col.tasksSignedOff", 12, (s, l) -> s.tasksSignedOff()),
            new Column<>("ledger.col.overdueOpen", 14, (s, l) -> s.overdueOpenTasks()));

    private LedgerColumns() {}
}

package org.rectify.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rectify.audit.AuditEntry;
import org.rectify.common.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports a ledger as an Excel file: the same criteria as its pages, every row. Preparing checks the
 * filters and scope (404, 400), reads the problems of the rows in their order and counts the rows against
 * {@code rectify.export.max-rows} (400 above it, before anything is written) and leaves the audit record; the file is then streamed by
 * {@link LedgerExport#send}.
 */
@Service
public class LedgerExports {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LedgerScope scope;
    private final TaskLedger tasks;
    private final ProblemLedger problems;
    private final ExportSettings settings;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    LedgerExports(
            LedgerScope scope,
            TaskLedger tasks,
            ProblemLedger problems,
            ExportSettings settings,
            ApplicationEventPublisher events,
            MessageSource messages) {
        this.scope = scope;
        this.tasks = tasks;
        this.problems = problems;
        this.settings = settings;
        this.events = events;
        this.messages = messages;
    }

    @Transactional
    public LedgerExport prepare(LedgerKind kind, LedgerFilter filter) {
        LedgerCriteria criteria = scope.resolve(kind, filter);
        List<LedgerExport.Part> parts = kind == LedgerKind.TASKS ? tasks.parts(criteria) : problems.parts(criteria);
        long rows = parts.stream().mapToLong(LedgerExport.Part::rows).sum();
        if (rows > settings.maxRows()) {
            throw new InvalidInputException(
                    "rows",
                    "rule.ledger.tooManyRows",
                    "the ledger has " + rows
                            + " rows, more than the export limit of " + settings.maxRows()
                            + " rows; narrow it with the filters",
                    rows,
                    settings.maxRows());
        }
        events.publishEvent(new LedgerExported(
                AuditEntry.of("LEDGER_EXPORTED", "LEDGER", null, null, null, auditState(kind, filter, rows))));
        return new LedgerExport(criteria, parts, settings.chunkRows(), tasks, problems, messages);
    }

    /** The limit in force: a ledger with more rows is not exported. */
    public int maxRows() {
        return settings.maxRows();
    }

    private static Map<String, Object> auditState(LedgerKind kind, LedgerFilter f, long rows) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("ledger", kind);
        state.put("format", "xlsx");
        put(state, "roundId", f.roundId());
        put(state, "leadUnitId", f.leadUnitId());
        put(state, "status", f.status());
        put(state, "colour", f.colour());
        put(state, "sourceType", f.sourceType());
        put(state, "categoryCode", f.categoryCode());
        put(state, "severity", f.severity());
        state.put("rows", rows);
        return state;
    }

    private static void put(Map<String, Object> state, String key, Object value) {
        if (value != null) {
            state.put(key, value);
        }
    }
}

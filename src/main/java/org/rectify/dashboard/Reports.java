package org.rectify.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rectify.audit.AuditEntry;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.ReferenceData;
import org.rectify.inspection.ReferenceItem;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.OrgDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official reports of a dashboard: the dispatch report (调度通报, PDF) and the progress report
 * (进展情况报告, Word). Preparing one checks the caller's role (the roles that report on the work:
 * OFFICE, LEADER, INSPECTOR and unit heads; else 403), reads the dashboard through {@link Dashboards},
 * which resolves the scope (a unit out of it is 404 like a missing one) and the filters (400), reads the
 * first overdue problems from the problem ledger, and leaves the audit record; {@link Report#send} then
 * writes the file, outside the transaction.
 */
@Service
public class Reports {

    /** Overdue problems listed in a report; a line says how many more the ledger holds. */
    static final int OVERDUE_LISTED = 30;

    private final Dashboards dashboards;
    private final ProblemLedger problems;
    private final CurrentActor current;
    private final OrgDirectory org;
    private final InspectionRounds rounds;
    private final ReferenceData reference;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final ReportFont font;

    Reports(
            Dashboards dashboards,
            ProblemLedger problems,
            CurrentActor current,
            OrgDirectory org,
            InspectionRounds rounds,
            ReferenceData reference,
            ApplicationEventPublisher events,
            MessageSource messages,
            ReportFont font) {
        this.dashboards = dashboards;
        this.problems = problems;
        this.current = current;
        this.org = org;
        this.rounds = rounds;
        this.reference = reference;
        this.events = events;
        this.messages = messages;
        this.font = font;
    }

    @Transactional
    public Report prepare(ReportKind kind, FigureFilter filter) {
        Actor actor = current.get();
        // who may read the figures, and so their reports, is the dashboard's to say (403 otherwise)
        Dashboard dashboard = dashboards.dashboard(filter);
        Page<ProblemLedgerRow> overdue =
                problems.list(dashboard.totals().drill().withFigure(Figure.OVERDUE), PageRequest.of(0, OVERDUE_LISTED));
        events.publishEvent(new ReportExported(
                AuditEntry.of("REPORT_EXPORTED", "REPORT", null, null, null, auditState(kind, filter, dashboard))));
        return new Report(
                kind,
                new ReportData(
                        dashboard, scope(actor, filter, dashboard), overdue.getContent(), overdue.getTotalElements()),
                messages,
                font);
    }

    /** The unit (or the caller's region or unit), then each filter, by name in both languages. */
    private List<Named> scope(Actor actor, FigureFilter filter, Dashboard dashboard) {
        List<Named> scope = new ArrayList<>();
        if (dashboard.unit() != null) {
            scope.add(dashboard.unit());
        } else {
            org.findUnit(actor.seesRegion() ? actor.regionId() : actor.unitId())
                    .ifPresent(u -> scope.add(new Named(u.id().toString(), u.nameZh(), u.nameEn())));
        }
        if (filter.roundId() != null) {
            String name = rounds.get(filter.roundId()).name();
            scope.add(new Named(filter.roundId().toString(), name, name));
        }
        if (filter.sourceType() != null && !filter.sourceType().isBlank()) {
            scope.add(item(reference.sourceTypes(), filter.sourceType()));
        }
        if (filter.categoryCode() != null && !filter.categoryCode().isBlank()) {
            scope.add(
                    LedgerFilter.NONE.equals(filter.categoryCode().strip())
                            ? labelled(LedgerFilter.NONE, "report.category.none")
                            : item(reference.categories(), filter.categoryCode()));
        }
        if (filter.severity() != null && !filter.severity().isBlank()) {
            scope.add(labelled(
                    filter.severity().strip(), "severity." + filter.severity().strip()));
        }
        return scope;
    }

    private static Named item(List<ReferenceItem> items, String code) {
        return items.stream()
                .filter(i -> i.code().equals(code.strip()))
                .findFirst()
                .map(i -> new Named(i.code(), i.nameZh(), i.nameEn()))
                .orElse(new Named(code, code, code));
    }

    private Named labelled(String id, String key) {
        return new Named(
                id,
                messages.getMessage(key, null, id, Locale.SIMPLIFIED_CHINESE),
                messages.getMessage(key, null, id, Locale.ENGLISH));
    }

    private static Map<String, Object> auditState(ReportKind kind, FigureFilter f, Dashboard dashboard) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("report", kind);
        state.put("format", kind.extension());
        state.put("asOf", dashboard.asOf().toString());
        state.put("from", dashboard.from().toString());
        put(state, "unitId", f.unitId());
        put(state, "roundId", f.roundId());
        put(state, "sourceType", f.sourceType());
        put(state, "categoryCode", f.categoryCode());
        put(state, "severity", f.severity());
        state.put("problems", dashboard.totals().figures().count(Figure.PROBLEMS));
        return state;
    }

    private static void put(Map<String, Object> state, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            state.put(key, value);
        }
    }
}

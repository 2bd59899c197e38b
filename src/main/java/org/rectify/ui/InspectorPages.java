package org.rectify.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.rectify.audit.AuditQuery;
import org.rectify.audit.AuditRecordView;
import org.rectify.audit.AuditTrail;
import org.rectify.common.NotPermittedException;
import org.rectify.inspection.InspectionRounds;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.OrgDirectory;
import org.rectify.problem.ProblemFilter;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.Problems;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The read-only search of inspectors and the office across the whole region: problems (each links
 * to its page with the full timeline) and the audit trail (who did what, when, before, after, why).
 */
@Controller
class InspectorPages {

    /** What audit records are about, for the filter; a record of another kind still shows its code. */
    private static final List<String> TARGET_TYPES = List.of(
            "PROBLEM",
            "TASK",
            "SIGN_OFF",
            "EXTENSION",
            "SUPERVISION_ORDER",
            "LOOK_BACK",
            "ROUND",
            "UNIT",
            "USER",
            "SOURCE_TYPE",
            "CATEGORY",
            "CALENDAR");

    private static final Map<String, Sort> PROBLEM_SORTS = Map.of(
            "newest", Sort.by(Sort.Direction.DESC, "id"),
            "number", Sort.by("number", "id"),
            "deadline", Sort.by("deadlineDate", "id"));
    private static final int PAGE_SIZE = 20;

    private final Problems problems;
    private final AuditTrail audit;
    private final InspectionRounds rounds;
    private final OrgDirectory directory;
    private final CurrentActor current;

    InspectorPages(
            Problems problems,
            AuditTrail audit,
            InspectionRounds rounds,
            OrgDirectory directory,
            CurrentActor current) {
        this.problems = problems;
        this.audit = audit;
        this.rounds = rounds;
        this.directory = directory;
        this.current = current;
    }

    @GetMapping("/inspect")
    String problems(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long roundId,
            @RequestParam(required = false) ProblemStatus status,
            @RequestParam(required = false) Long unitId,
            @RequestParam(defaultValue = "newest") String sort,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Actor me = regionReader();
        String order = PROBLEM_SORTS.containsKey(sort) ? sort : "newest";
        model.addAttribute(
                "found",
                problems.list(
                        new ProblemFilter(roundId, status, unitId, null, null, q),
                        PageRequest.of(Math.max(page, 0), PAGE_SIZE, PROBLEM_SORTS.get(order))));
        model.addAttribute("filter", new ProblemSearch(q, roundId, status, unitId, order));
        model.addAttribute("rounds", rounds.list());
        model.addAttribute("units", directory.subtree(me.regionPath()));
        model.addAttribute("statuses", ProblemStatus.values());
        return "inspect/problems";
    }

    @GetMapping("/inspect/audit")
    String trail(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String targetType,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        regionReader();
        AuditQuery query = new AuditQuery(action, actor, targetType, from, to);
        Page<AuditRecordView> records = audit.search(query, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("records", records);
        model.addAttribute("query", query);
        model.addAttribute("targetTypes", TARGET_TYPES);
        model.addAttribute(
                "problems",
                problems.visibleByIds(records.getContent().stream()
                        .map(AuditRecordView::problemId)
                        .filter(id -> id != null)
                        .distinct()
                        .toList()));
        return "inspect/audit";
    }

    record ProblemSearch(String q, Long roundId, ProblemStatus status, Long unitId, String sort) {}

    /** The search reads the whole region: for the roles that see it, 403 for anyone else. */
    private Actor regionReader() {
        return regionReader(current);
    }

    /** The current user, if one of the roles that read the whole region (also for the audit chain's page). */
    static Actor regionReader(CurrentActor current) {
        Actor me = current.get();
        if (!me.seesRegion()) {
            throw new NotPermittedException("rule.inspect.regionWide", "the search reads the whole region");
        }
        return me;
    }
}

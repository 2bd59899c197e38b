package org.rectify.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.rectify.common.InvalidInputException;
import org.rectify.common.NotFoundException;
import org.rectify.common.Zones;
import org.rectify.deadline.ColourBounds;
import org.rectify.deadline.DeadlineColour;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.ReferenceData;
import org.rectify.inspection.ReferenceItem;
import org.rectify.inspection.RoundView;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.Severity;
import org.rectify.task.TaskStatus;
import org.springframework.stereotype.Component;

/**
 * Turns a caller and a ledger's filters into {@link LedgerCriteria}. Scope is the problem list's
 * ({@code issue.Problems}): region roles see their region, unit roles the problems where their unit or
 * one below it is lead or co-responsible, ADMIN nothing. Refusals come in the fixed order: a round or
 * unit out of scope is 404 like a missing one, then an unknown value is 400 naming its filter.
 */
@Component
class LedgerScope {

    private final CurrentActor current;
    private final InspectionRounds rounds;
    private final OrgDirectory org;
    private final ReferenceData reference;
    private final DeadlinePolicy deadlines;
    private final Clock clock;

    LedgerScope(
            CurrentActor current,
            InspectionRounds rounds,
            OrgDirectory org,
            ReferenceData reference,
            DeadlinePolicy deadlines,
            Clock clock) {
        this.current = current;
        this.rounds = rounds;
        this.org = org;
        this.reference = reference;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    LedgerCriteria resolve(LedgerKind kind, LedgerFilter f) {
        Actor actor = current.get();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        scope(actor, where, params);
        RoundView round = f.roundId() == null ? null : rounds.get(f.roundId());
        if (round != null) {
            where.add("h.round_id = :roundId");
            params.put("roundId", round.id());
        }
        if (f.leadUnitId() != null && f.leadUnitId() == 0) {
            where.add("h.lead_unit_id is null");
        } else if (f.leadUnitId() != null && f.leadUnitOnly()) {
            where.add("h.lead_unit_id = :leadUnit");
            params.put("leadUnit", unitInScope(actor, f.leadUnitId()).id());
        } else if (f.leadUnitId() != null) {
            where.add("exists (select 1 from org_unit lu where lu.id = h.lead_unit_id and lu.path like :leadPath)");
            params.put("leadPath", unitInScope(actor, f.leadUnitId()).path() + "%");
        }
        String item = kind == LedgerKind.TASKS ? "th" : "h";
        if (f.status() != null) {
            where.add(item + ".status = :status");
            params.put(
                    "status",
                    kind == LedgerKind.TASKS
                            ? known("status", f.status(), TaskStatus.values())
                            : known("status", f.status(), ProblemStatus.values()));
        }
        if (f.severity() != null) {
            where.add("h.severity = :severity");
            params.put("severity", known("severity", f.severity(), Severity.values()));
        }
        if (f.sourceType() != null) {
            where.add("r.source_type = :sourceType");
            params.put("sourceType", code("sourceType", f.sourceType(), reference::sourceTypes));
        }
        if (LedgerFilter.NONE.equals(f.categoryCode())) {
            where.add("h.category_code is null");
        } else if (f.categoryCode() != null) {
            where.add("h.category_code = :category");
            params.put("category", code("categoryCode", f.categoryCode(), reference::categories));
        }
        Moment moment = moment(f, clock.instant());
        moment.bind(params);
        ColourBounds bounds = deadlines.colourBounds(moment.day());
        if (f.colour() != null) {
            DeadlineColour colour = DeadlineColour.valueOf(known("colour", f.colour(), DeadlineColour.values()));
            List<String> finished = kind == LedgerKind.TASKS ? LedgerSql.TASK_DONE : LedgerSql.PROBLEM_CLOSED;
            where.add(item + ".status not in (:finished) and " + LedgerSql.colour(item, colour, bounds, "c", params));
            params.put("finished", finished);
        }
        if (f.figure() != null) {
            Figure figure = Figure.valueOf(known("figure", f.figure(), Figure.values()));
            if (figure.kind() != kind) {
                throw new InvalidInputException(
                        "figure",
                        "rule.ledger.figureOfOtherLedger",
                        "the figure " + figure + " counts "
                                + figure.kind().name().toLowerCase(Locale.ROOT) + ", not "
                                + kind.name().toLowerCase(Locale.ROOT),
                        figure.name());
            }
            if (figure.periodic() && f.from() == null) {
                throw new InvalidInputException(
                        "from",
                        "rule.ledger.periodNeeded",
                        "the figure " + figure + " needs the first day of its period (from)",
                        figure.name());
            }
            where.add(FigureSql.of(figure, moment, bounds, start(f.from()), params));
        }
        return new LedgerCriteria(
                kind, String.join(" and ", where), params, actor.scopePath() == null, round, moment, bounds, f);
    }

    /**
     * Now, the end of the past day asked for, or the instant asked for; a day or instant to come, or a
     * period ending before it starts, is refused.
     */
    static Moment moment(LedgerFilter f, Instant now) {
        LocalDate today = now.atZone(Zones.CHINA).toLocalDate();
        if (f.at() != null) {
            if (f.asOf() != null) {
                throw new InvalidInputException("at", "rule.ledger.atWithAsOf", "give either asOf or at, not both");
            }
            if (f.at().isAfter(now)) {
                throw new InvalidInputException(
                        "at", "rule.ledger.atInFuture", "at " + f.at() + " lies in the future", f.at());
            }
            LocalDate day = f.at().atZone(Zones.CHINA).toLocalDate();
            if (f.from() != null && f.from().isAfter(day)) {
                throw new InvalidInputException(
                        "from",
                        "rule.ledger.periodReversed",
                        "the period ends (" + day + ") before it starts (" + f.from() + ")",
                        f.from(),
                        day);
            }
            return Moment.at(f.at());
        }
        if (f.asOf() != null && f.asOf().isAfter(today)) {
            throw new InvalidInputException(
                    "asOf",
                    "rule.ledger.asOfInFuture",
                    "asOf " + f.asOf() + " is after today, " + today,
                    f.asOf(),
                    today);
        }
        LocalDate end = f.asOf() == null ? today : f.asOf();
        if (f.from() != null && f.from().isAfter(end)) {
            throw new InvalidInputException(
                    "from",
                    "rule.ledger.periodReversed",
                    "the period ends (" + end + ") before it starts (" + f.from() + ")",
                    f.from(),
                    end);
        }
        return f.asOf() == null || f.asOf().equals(today) ? Moment.now(today) : Moment.endOf(f.asOf());
    }

    /** The first instant of a period's first day in China. */
    static Instant start(LocalDate from) {
        return from == null ? null : from.atStartOfDay(Zones.CHINA).toInstant();
    }

    private static void scope(Actor actor, List<String> where, Map<String, Object> params) {
        if (actor.seesRegion()) {
            where.add("h.region_path like :scope");
            params.put("scope", actor.regionPath() + "%");
        } else if (actor.seesUnitTree()) {
            where.add("exists (select 1 from problem_unit su where su.problem_id = h.problem_id"
                    + " and su.unit_path like :scope)");
            params.put("scope", actor.unitPath() + "%");
        } else {
            where.add("1 = 0");
        }
    }

    /** A unit within the caller's scope, or 404 exactly as for a unit that does not exist. */
    private OrgUnitView unitInScope(Actor actor, Long id) {
        String scope = actor.scopePath();
        return org.findUnit(id)
                .filter(u -> scope != null && u.isWithin(scope))
                .orElseThrow(() -> new NotFoundException("unit", id));
    }

    private static String known(String field, String value, Enum<?>[] values) {
        return Arrays.stream(values)
                .map(Enum::name)
                .filter(value::equals)
                .findFirst()
                .orElseThrow(() -> unknown(field, value));
    }

    /** A code of the reference data, active or retired (old problems keep retired ones). */
    private static String code(String field, String value, Supplier<List<ReferenceItem>> items) {
        return items.get().stream()
                .map(ReferenceItem::code)
                .filter(value::equals)
                .findFirst()
                .orElseThrow(() -> unknown(field, value));
    }

    private static InvalidInputException unknown(String field, String value) {
        return new InvalidInputException(
                field,
                "rule.ledger.unknownFilterValue",
                "unknown value of the filter " + field + ": " + value,
                field,
                value);
    }
}

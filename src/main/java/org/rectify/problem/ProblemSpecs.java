package org.rectify.problem;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.rectify.deadline.ColourBounds;
import org.rectify.deadline.ColourPredicates;
import org.rectify.deadline.DeadlineColour;
import org.rectify.org.Actor;
import org.springframework.data.jpa.domain.Specification;

/** The problem list's filters, data scope first. */
final class ProblemSpecs {

    private ProblemSpecs() {}

    /**
     * How a condition on a problem's units is written. Either way it holds for the same problems; what
     * differs is the plan MariaDB picks for it.
     */
    enum UnitMatch {
        /**
         * {@code exists (select 1 from problem_unit ...)}: MariaDB joins the matching units once (a semi-join).
         * Its cost grows with the matches: reading the first page of a unit's 19,319 problems sorted by
         * number fetched and sorted all 19,319 (47 ms at 100,000 problems). For counts and deep pages.
         */
        JOINED,
        /**
         * {@code (select count(*) from problem_unit ... ) > 0}: tested problem by problem as the sort's index
         * yields them, so the first page stops after its 20 (under 1 ms for the unit above). Its cost grows
         * with the rows read before the page's end: for a unit of few problems it reads them all (570 ms).
         */
        PER_PROBLEM
    }

    static Specification<Problem> visibleTo(Actor actor, UnitMatch match) {
        if (actor.seesRegion()) {
            return (root, query, cb) -> cb.like(root.get("regionPath"), actor.regionPath() + "%");
        }
        if (actor.seesUnitTree()) {
            return inUnitTree(actor.unitPath(), match);
        }
        return (root, query, cb) -> cb.disjunction();
    }

    /** Whether the actor's scope is a condition on the problems' units (a unit head's, a case officer's). */
    static boolean scopedByUnits(Actor actor) {
        return !actor.seesRegion() && actor.seesUnitTree();
    }

    /**
     * Problems where a unit of this subtree is lead or co-responsible: correlated with the problem on
     * problem_unit. (An {@code id in (select ...)} over a second problem alias made MariaDB walk every
     * problem and probe its units: 1.6 s against 30 ms at 100,000 problems.)
     */
    static Specification<Problem> inUnitTree(String unitPath, UnitMatch match) {
        return (root, query, cb) -> hasUnit(root, query, cb, match, u -> cb.like(u.get("unitPath"), unitPath + "%"));
    }

    /** The problem has a unit (lead or co-responsible) meeting the condition, written as the match says. */
    private static Predicate hasUnit(
            Root<Problem> root,
            CommonAbstractCriteria query,
            CriteriaBuilder cb,
            UnitMatch match,
            Function<Join<Problem, ProblemUnit>, Predicate> condition) {
        if (match == UnitMatch.PER_PROBLEM) {
            Subquery<Long> units = query.subquery(Long.class);
            Join<Problem, ProblemUnit> u = units.correlate(root).join("units");
            return cb.greaterThan(units.select(cb.count(u.get("unitId"))).where(condition.apply(u)), 0L);
        }
        Subquery<Integer> units = query.subquery(Integer.class);
        Join<Problem, ProblemUnit> u = units.correlate(root).join("units");
        return cb.exists(units.select(cb.literal(1)).where(condition.apply(u)));
    }

    static Specification<Problem> matching(ProblemFilter f, UnitMatch match) {
        Specification<Problem> spec = Specification.where(null);
        if (f.roundId() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("roundId"), f.roundId()));
        }
        if (f.status() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("status"), f.status()));
        }
        if (f.categoryCode() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("categoryCode"), f.categoryCode()));
        }
        if (f.severity() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("severity"), f.severity()));
        }
        if (f.unitId() != null) {
            spec = spec.and((root, q, cb) -> hasUnit(root, q, cb, match, u -> cb.equal(u.get("unitId"), f.unitId())));
        }
        if (f.deadlineFrom() != null) {
            spec = spec.and(
                    (root, q, cb) -> cb.greaterThanOrEqualTo(root.<LocalDate>get("deadlineDate"), f.deadlineFrom()));
        }
        if (f.deadlineTo() != null) {
            spec = spec.and((root, q, cb) -> cb.lessThanOrEqualTo(root.<LocalDate>get("deadlineDate"), f.deadlineTo()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String text = ProblemGrams.searchText(f.text());
            String like = "%" + text + "%";
            for (String gram : ProblemGrams.of(text, GRAMS_PER_SEARCH)) {
                spec = spec.and((root, q, cb) -> holding(root, q, cb, gram, match));
            }
            spec = spec.and(
                    (root, q, cb) -> cb.or(cb.like(root.get("title"), like), cb.like(root.get("number"), like)));
        }
        return spec;
    }

    /**
     * How many of a search text's bigrams narrow the problems down before its LIKE tests them: each is a look-up
     * in problem_gram's primary key; more than a few add work without removing many candidates.
     */
    static final int GRAMS_PER_SEARCH = 3;

    /**
     * The problem's title or number holds this pair of characters, written as the match says, as for units: joined,
     * {@code id in (select problem_id ...)}, reads every problem holding it (a first page sorted by number sorted
     * all 5,191 holding "危房" at 100,000 problems: 18 ms); per problem, a correlated {@code count(*) > 0} tested as
     * the sort's index yields them, stops at the page's end (2 ms).
     */
    private static Predicate holding(
            Root<Problem> root, CommonAbstractCriteria query, CriteriaBuilder cb, String gram, UnitMatch match) {
        if (match == UnitMatch.PER_PROBLEM) {
            Subquery<Long> held = query.subquery(Long.class);
            Root<ProblemGram> g = held.from(ProblemGram.class);
            return cb.greaterThan(
                    held.select(cb.count(g.get("pos")))
                            .where(cb.equal(g.get("gram"), gram), cb.equal(g.get("problemId"), root.get("id"))),
                    0L);
        }
        Subquery<Long> ids = query.subquery(Long.class);
        Root<ProblemGram> g = ids.from(ProblemGram.class);
        return root.get("id").in(ids.select(g.get("problemId")).where(cb.equal(g.get("gram"), gram)));
    }

    /** Problems of these rounds (none if there are none). */
    static Specification<Problem> inRounds(Collection<Long> roundIds) {
        return (root, q, cb) ->
                roundIds.isEmpty() ? cb.disjunction() : root.get("roundId").in(roundIds);
    }

    /**
     * Problems of today's colour, by the bounds of {@link ColourBounds}: unfinished (as
     * {@link Problem#isFinished()}) and with a deadline in one of the colour's ranges. The unfinished states are
     * named ({@code status in}, not {@code status not in} the finished), so that an index on (status,
     * deadline_type, deadline_date) reads only the colour's rows (see {@code db/common/V33__list_speed.sql}).
     */
    static Specification<Problem> coloured(DeadlineColour colour, ColourBounds bounds) {
        List<ProblemStatus> unfinished =
                Stream.of(ProblemStatus.values()).filter(s -> !s.isClosed()).toList();
        return (root, q, cb) ->
                cb.and(root.get("status").in(unfinished), ColourPredicates.deadlineOf(root, cb, colour, bounds));
    }
}

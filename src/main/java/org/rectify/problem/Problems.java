package org.rectify.problem;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectify.common.NotFoundException;
import org.rectify.common.Zones;
import org.rectify.deadline.ColourBounds;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.RoundView;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.OrgDirectory;
import org.rectify.problem.ProblemSpecs.UnitMatch;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads problems within the caller's data scope. A problem outside the scope is reported exactly
 * like one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class Problems {

    private final ProblemRepository problems;
    private final CurrentActor current;
    private final ProblemViews views;
    private final InspectionRounds rounds;
    private final DeadlinePolicy deadlines;
    private final Clock clock;
    private final OrgDirectory org;
    private final ProblemTally tally;

    Problems(
            ProblemRepository problems,
            CurrentActor current,
            ProblemViews views,
            InspectionRounds rounds,
            DeadlinePolicy deadlines,
            Clock clock,
            OrgDirectory org,
            ProblemTally tally) {
        this.problems = problems;
        this.tally = tally;
        this.org = org;
        this.current = current;
        this.views = views;
        this.rounds = rounds;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public ProblemView get(Long id) {
        return views.of(visibleProblem(id));
    }

    /** Which of these numbers the round (of the caller's region) already holds. */
    @Transactional(readOnly = true)
    public Set<String> numbersTaken(Long roundId, Collection<String> numbers) {
        rounds.get(roundId);
        Set<String> taken = new HashSet<>();
        List<String> all = List.copyOf(numbers);
        for (int from = 0; from < all.size(); from += 1000) {
            taken.addAll(problems.numbersInRound(roundId, all.subList(from, Math.min(all.size(), from + 1000))));
        }
        return taken;
    }

    /** Filtered, sorted and paged in the query, colour and source included. */
    public Page<ProblemView> list(ProblemFilter filter, Pageable page) {
        Actor actor = current.get();
        ColourBounds colours = filter.colour() == null ? null : deadlines.colourBounds(Zones.today(clock));
        // A source has few rounds in a region: their ids are a short list for the query.
        List<Long> sourceRounds = filter.sourceType() == null
                ? null
                : rounds.list().stream()
                        .filter(r -> filter.sourceType().equals(r.sourceType()))
                        .map(RoundView::id)
                        .toList();
        Function<UnitMatch, Specification<Problem>> conditions = match -> {
            Specification<Problem> spec =
                    ProblemSpecs.visibleTo(actor, match).and(ProblemSpecs.matching(filter, match));
            if (colours != null) {
                spec = spec.and(ProblemSpecs.coloured(filter.colour(), colours));
            }
            return sourceRounds == null ? spec : spec.and(ProblemSpecs.inRounds(sourceRounds));
        };
        boolean scopedByUnits = ProblemSpecs.scopedByUnits(actor);
        // A text's pairs of characters are conditions on another table, written either way as units' are.
        return problems.findPage(
                        conditions,
                        scopedByUnits || filter.unitId() != null || filter.text() != null,
                        countWithoutReading(actor, filter),
                        tiesById(page))
                .map(views::of);
    }

    /**
     * The count of the list where one cheaper than counting its matches gives it: a region role's list,
     * whole or of one state, from the problem tally; a region role's list searched for two characters, from the
     * bigram index; lists whose only conditions are on units, from problem_unit (see {@link #countFromUnits}).
     * Any other list: empty, and the list counts itself.
     */
    private OptionalLong countWithoutReading(Actor actor, ProblemFilter filter) {
        if (actor.seesRegion() && filter.equals(ProblemFilter.onlyStatus(filter.status()))) {
            return OptionalLong.of(tally.count(actor.regionPath(), filter.status()));
        }
        if (actor.seesRegion() && filter.text() != null && filter.equals(onlyText(filter.text()))) {
            java.util.Optional<String> pair = ProblemGrams.onePair(ProblemGrams.searchText(filter.text()));
            if (pair.isPresent()) {
                return OptionalLong.of(problems.countHoldingInRegion(pair.get(), actor.regionPath()));
            }
        }
        return countFromUnits(actor, filter);
    }

    /**
     * The count of a list whose only conditions are on units, from problem_unit's indexes alone, without
     * reading a problem: a unit head's whole list (the units of the subtree), a region role's list filtered
     * by a unit (the unit's problems of the region), a unit head's list filtered by a unit of the subtree
     * (that unit's problems: each has a unit of the subtree, the unit itself). Any other list: empty, and
     * the list counts itself.
     */
    private OptionalLong countFromUnits(Actor actor, ProblemFilter filter) {
        boolean scopedByUnits = ProblemSpecs.scopedByUnits(actor);
        if (scopedByUnits && filter.equals(ProblemFilter.none())) {
            return OptionalLong.of(problems.countInUnitTree(actor.unitPath()));
        }
        if (filter.unitId() == null || !filter.equals(onlyUnit(filter.unitId()))) {
            return OptionalLong.empty();
        }
        if (actor.seesRegion()) {
            return OptionalLong.of(problems.countOfUnitInRegion(filter.unitId(), actor.regionPath()));
        }
        boolean inSubtree = scopedByUnits
                && org.findUnit(filter.unitId())
                        .filter(u -> u.path().startsWith(actor.unitPath()))
                        .isPresent();
        return inSubtree ? OptionalLong.of(problems.countOfUnit(filter.unitId())) : OptionalLong.empty();
    }

    private static ProblemFilter onlyText(String text) {
        return new ProblemFilter(null, null, null, null, null, text);
    }

    private static ProblemFilter onlyUnit(Long unitId) {
        return new ProblemFilter(null, null, unitId, null, null, null, null, null, null, null);
    }

    /** The order asked for, then by id in the direction of its last key, so that pages never overlap. */
    static Pageable tiesById(Pageable page) {
        Sort sort = page.getSort();
        if (sort.getOrderFor("id") != null) {
            return page;
        }
        Sort.Direction last =
                sort.stream().reduce((a, b) -> b).map(Sort.Order::getDirection).orElse(Sort.Direction.ASC);
        Sort tied = sort.and(Sort.by(last, "id"));
        return page.isPaged() ? PageRequest.of(page.getPageNumber(), page.getPageSize(), tied) : Pageable.unpaged(tied);
    }

    /** The problem (without its colour) if the caller may see it, else 404. */
    public ProblemView visible(Long id) {
        return visibleProblem(id).view();
    }

    /**
     * The problem (without its colour), row-locked for the rest of the transaction, if the caller may see
     * it, else 404. Every action that moves the problem's process starts here.
     */
    @Transactional(readOnly = false)
    public ProblemView lockVisible(Long id) {
        return lockedProblem(id).view();
    }

    /**
     * The problem a record of another module belongs to ({@code problemId}, as read from that record),
     * row-locked as {@link #lockVisible}: the problem row is locked before the caller reads the record, so
     * that it reads the record after any racing step commits. A record of no problem, or of one the caller
     * may not see, is reported missing under the record's own name ({@code kind}, {@code id}).
     */
    @Transactional(readOnly = false)
    public ProblemView lockVisibleThrough(String kind, Long id, Optional<Long> problemId) {
        return through(kind, id, problemId, this::lockVisible);
    }

    /**
     * As {@link #lockVisibleThrough}, for reads: it only checks the scope (MariaDB 11 refuses a locking read in
     * a read-only transaction).
     */
    public ProblemView visibleThrough(String kind, Long id, Optional<Long> problemId) {
        return through(kind, id, problemId, this::visible);
    }

    private static ProblemView through(
            String kind, Long id, Optional<Long> problemId, Function<Long, ProblemView> access) {
        Long owner = problemId.orElseThrow(() -> new NotFoundException(kind, id));
        try {
            return access.apply(owner);
        } catch (NotFoundException e) {
            throw new NotFoundException(kind, id);
        }
    }

    /** The problem entity if the caller may see it, else 404: for this module's own steps. */
    Problem visibleProblem(Long id) {
        return problems.findById(id).filter(this::canSee).orElseThrow(() -> new NotFoundException("problem", id));
    }

    /** The problem entity, row-locked, if the caller may see it, else 404: for this module's own steps. */
    @Transactional(readOnly = false)
    Problem lockedProblem(Long id) {
        return problems.findForUpdate(id).filter(this::canSee).orElseThrow(() -> new NotFoundException("problem", id));
    }

    /** A problem without a scope check: for texts the system writes (notifications), never for callers. */
    public ProblemView describeUnscoped(Long id) {
        return views.of(problems.findById(id).orElseThrow(() -> new NotFoundException("problem", id)));
    }

    /** The deadline of a problem, without a scope check: for the process engine's due dates only. */
    public Optional<LocalDate> deadlineOf(Long id) {
        return problems.findById(id).map(Problem::getDeadlineDate);
    }

    /** Problems by id within the caller's scope; ids outside it are simply absent. */
    public Map<Long, ProblemView> visibleByIds(Collection<Long> ids) {
        return problems.findAllById(ids).stream()
                .filter(this::canSee)
                .map(views::of)
                .collect(Collectors.toMap(ProblemView::id, Function.identity()));
    }

    /** How many of the problems the caller is responsible leader of are in each state (absent: none). */
    public Map<ProblemStatus, Long> countByStatusAsLeader() {
        Actor actor = current.get();
        Map<ProblemStatus, Long> counts = new EnumMap<>(ProblemStatus.class);
        for (Object[] row : problems.countByStatusOfLeader(actor.userId(), actor.regionPath())) {
            counts.put((ProblemStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    boolean canSee(Problem p) {
        return current.get().canSee(p.getRegionPath(), p.unitPaths());
    }
}

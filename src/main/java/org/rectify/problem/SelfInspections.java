package org.rectify.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.rectify.common.InvalidInputException;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.NewRound;
import org.rectify.inspection.RoundView;
import org.rectify.org.CurrentActor;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.org.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 举一反三: after a problem found in one unit, the office has other units inspect themselves for the same. Each
 * chosen unit gets a problem of its own, registered and triaged through the same steps as any (audited, its
 * process started, its unit notified), in the region's self-inspection round (source 自查) of the original's
 * round, naming the original; all of them or none.
 */
@Service
@Transactional
public class SelfInspections {

    static final String SOURCE = "SELF_INSPECTION";
    private static final String DEFAULT_CATEGORY = "OTHER";

    private final Problems problems;
    private final ProblemLifecycle lifecycle;
    private final ProblemRepository repository;
    private final InspectionRounds rounds;
    private final OrgDirectory org;
    private final CurrentActor current;

    SelfInspections(
            Problems problems,
            ProblemLifecycle lifecycle,
            ProblemRepository repository,
            InspectionRounds rounds,
            OrgDirectory org,
            CurrentActor current) {
        this.current = current;
        this.problems = problems;
        this.lifecycle = lifecycle;
        this.repository = repository;
        this.rounds = rounds;
        this.org = org;
    }

    /** Registers a self-inspection problem for each unit; 404 for a problem out of scope, 400 for a unit it has. */
    public List<ProblemView> spawn(Long originId, SpawnSelfInspections cmd) {
        ProblemView origin = problems.get(originId);
        current.get().require(Role.OFFICE);
        RoundView originRound = rounds.get(origin.roundId());
        for (Long unitId : cmd.unitIds()) {
            if (origin.isResponsibleUnit(unitId)) {
                throw new InvalidInputException(
                        "unitIds",
                        "rule.selfInspection.ownUnit",
                        "unit " + unitId + " is responsible for the problem itself",
                        unitId);
            }
        }
        RoundView round = selfInspectionRound(originRound);
        String category = origin.categoryCode() == null ? DEFAULT_CATEGORY : origin.categoryCode();
        List<ProblemView> made = new ArrayList<>();
        for (Long unitId : cmd.unitIds().stream().sorted().toList()) {
            OrgUnitView unit = org.findUnit(unitId)
                    .orElseThrow(() -> new InvalidInputException(
                            "unitIds", "rule.selfInspection.unknownUnit", "unknown unit " + unitId, unitId));
            ResponsibilityInput responsibility = new ResponsibilityInput(
                    unit.id(),
                    Set.of(),
                    cmd.responsibleLeaderId(),
                    cmd.deadlineType(),
                    cmd.deadlineDate(),
                    cmd.deadlineWorkingDays());
            ProblemView registered = lifecycle.register(new NewProblem(
                    round.id(),
                    number(origin, unit),
                    origin.title(),
                    description(origin, originRound),
                    category,
                    origin.severity(),
                    origin.rectificationGoal(),
                    null));
            repository.findById(registered.id()).orElseThrow().inspectsAfter(origin.id());
            made.add(lifecycle.triage(
                    registered.id(),
                    new TriageProblem(category, origin.severity(), origin.rectificationGoal(), responsibility)));
        }
        return made;
    }

    /** The self-inspections registered after this problem that the reader may see, and its origin if it has one. */
    @Transactional(readOnly = true)
    public Links links(Long problemId) {
        Problem problem = problems.visibleProblem(problemId);
        List<Long> spawned = repository.findByOriginProblemIdOrderById(problemId).stream()
                .map(Problem::getId)
                .toList();
        var visible = problems.visibleByIds(spawned);
        Optional<ProblemView> origin = Optional.ofNullable(problem.getOriginProblemId())
                .map(id -> problems.visibleByIds(List.of(id)).get(id));
        return new Links(
                problem.getId(),
                origin.orElse(null),
                spawned.stream()
                        .map(visible::get)
                        .filter(java.util.Objects::nonNull)
                        .toList());
    }

    /** A problem's 举一反三 links: the problem it inspects after (null: none, or not visible), and its own. */
    public record Links(long problemId, ProblemView origin, List<ProblemView> selfInspections) {}

    /** The region's self-inspection round for a round's problems: found by its code, or registered now. */
    private RoundView selfInspectionRound(RoundView of) {
        String code = "ZC-" + of.id();
        return rounds.findByCode(code)
                .orElseGet(() -> rounds.register(new NewRound(
                        SOURCE, code, cut(of.name(), 280) + "（举一反三自查）", of.inspectingBody(), of.feedbackReceivedOn())));
    }

    /** The original's number and the unit's code: one self-inspection per unit and problem. */
    private static String number(ProblemView origin, OrgUnitView unit) {
        return cut("ZC" + origin.id() + "-" + unit.code(), 32);
    }

    private static String description(ProblemView origin, RoundView round) {
        return cut(
                "举一反三自查：对照" + round.name() + "第 " + origin.number() + " 号问题「" + origin.title() + "」，排查本单位是否存在同类问题并整改。\n"
                        + origin.description(),
                4000);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}

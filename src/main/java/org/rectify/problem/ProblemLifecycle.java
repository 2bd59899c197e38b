package org.rectify.problem;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.rectify.common.ConflictException;
import org.rectify.common.InvalidInputException;
import org.rectify.common.NotPermittedException;
import org.rectify.common.StaleVersionException;
import org.rectify.common.Zones;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.ReferenceData;
import org.rectify.inspection.RoundView;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.org.Role;
import org.rectify.org.UserView;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem-level steps of rectification: register, triage, claim or return, reassign, and the
 * responsible leader's closing decision. Each runs in one transaction with the process step it
 * causes. Checks run in the order 404 (scope), 403 (role), 400 (input), 409 (state).
 */
@Service
@Transactional
public class ProblemLifecycle {

    private final ProblemRepository problems;
    private final Problems reader;
    private final InspectionRounds rounds;
    private final ReferenceData referenceData;
    private final OrgDirectory org;
    private final CurrentActor current;
    private final DeadlinePolicy deadlines;
    private final ProblemViews views;
    private final Clock clock;
    private final ProblemGrams grams;

    ProblemLifecycle(
            ProblemRepository problems,
            Problems reader,
            InspectionRounds rounds,
            ReferenceData referenceData,
            OrgDirectory org,
            CurrentActor current,
            DeadlinePolicy deadlines,
            ProblemViews views,
            Clock clock,
            ProblemGrams grams) {
        this.problems = problems;
        this.grams = grams;
        this.reader = reader;
        this.rounds = rounds;
        this.referenceData = referenceData;
        this.org = org;
        this.current = current;
        this.deadlines = deadlines;
        this.views = views;
        this.clock = clock;
    }

    public ProblemView register(NewProblem cmd) {
        Actor office = current.get();
        office.require(Role.OFFICE);
        RoundView round = rounds.get(cmd.roundId());
        referenceData.requireActiveCategory(cmd.categoryCode());
        Problem problem =
                new Problem(round.id(), round.regionId(), round.regionPath(), cmd, clock.instant(), office.username());
        if (cmd.responsibility() != null) {
            problem.proposeResponsibility(resolve(cmd.responsibility(), round.regionPath()));
        }
        try {
            Problem saved = problems.save(problem);
            grams.index(saved.getId(), saved.getId());
            return views.of(saved);
        } catch (DataIntegrityViolationException e) {
            // The unique key (round, number) decides; no racy look-up beforehand.
            if (String.valueOf(e.getMostSpecificCause().getMessage())
                    .toLowerCase()
                    .contains("uk_problem_number")) {
                throw new ConflictException(
                        "rule.problem.numberTaken",
                        "problem number " + cmd.number() + " exists in this round",
                        cmd.number());
            }
            throw e;
        }
    }

    public ProblemView triage(Long id, TriageProblem cmd) {
        Problem problem = reader.lockedProblem(id);
        current.get().require(Role.OFFICE);
        referenceData.requireActiveCategory(cmd.categoryCode());
        Responsibility r = resolve(cmd.responsibility(), problem.getRegionPath());
        problem.triage(cmd.categoryCode(), cmd.severity(), cmd.rectificationGoal(), r);
        return views.of(problems.save(problem));
    }

    /**
     * The office corrects an open problem's classification and goal. The edit names the version it was made on:
     * under the problem's row lock, a version saved by someone else in between (on this node or another) refuses
     * it with 409 and the problem's current state, instead of saving over the other's change.
     */
    public ProblemView edit(Long id, EditProblem cmd) {
        Problem problem = reader.lockedProblem(id);
        current.get().require(Role.OFFICE);
        referenceData.requireActiveCategory(cmd.categoryCode());
        if (!problem.isAtVersion(cmd.version())) {
            ProblemView now = views.of(problem);
            throw new StaleVersionException(
                    now,
                    "rule.problem.changedMeanwhile",
                    "problem " + now.number() + " was changed by someone else while you edited it (you edited version "
                            + cmd.version() + ", it is now at version " + now.version()
                            + "); its current state is in 'current': make your change again on it",
                    now.number());
        }
        problem.edit(cmd.categoryCode(), cmd.severity(), cmd.rectificationGoal());
        // Flushed, so that the answer carries the version the next edit is to be made on.
        return views.of(problems.saveAndFlush(problem));
    }

    /** The lead unit's head takes the problem on, naming the person in charge (defaults to the head). */
    public ProblemView claim(Long id, Long personInChargeId) {
        Problem problem = reader.lockedProblem(id);
        Actor head = leadUnitHead(problem);
        Long person = personInChargeId == null ? head.userId() : personInChargeId;
        UserView user = org.findUser(person)
                .filter(u -> u.unitId().equals(head.unitId()))
                .orElseThrow(() -> new InvalidInputException(
                        "personInChargeId",
                        "rule.problem.personNotInLeadUnit",
                        "the person in charge must be a user of the lead unit"));
        problem.claim(head.userId(), user.id());
        return views.of(problems.save(problem));
    }

    public ProblemView returnToOffice(Long id, String reason) {
        Problem problem = reader.lockedProblem(id);
        leadUnitHead(problem);
        problem.returnToOffice(reason);
        return views.of(problems.save(problem));
    }

    public ProblemView reassign(Long id, ReassignProblem cmd) {
        Problem problem = reader.lockedProblem(id);
        current.get().require(Role.OFFICE);
        problem.reassign(resolve(cmd.responsibility(), problem.getRegionPath()), cmd.reason());
        return views.of(problems.save(problem));
    }

    public ProblemView approveClosure(Long id, String comment) {
        Problem problem = reader.lockedProblem(id);
        responsibleLeader(problem);
        problem.close(clock.instant(), comment);
        return views.of(problems.save(problem));
    }

    public ProblemView sendBackClosure(Long id, String reason) {
        Problem problem = reader.lockedProblem(id);
        responsibleLeader(problem);
        problem.sendBackClosure(reason);
        return views.of(problems.save(problem));
    }

    private Actor leadUnitHead(Problem problem) {
        Actor actor = current.get();
        actor.require(Role.UNIT_HEAD);
        if (!problem.isLeadUnit(actor.unitId())) {
            throw new NotPermittedException(
                    "rule.problem.onlyLeadUnitHead", "only the head of the lead unit may claim or return this problem");
        }
        return actor;
    }

    private void responsibleLeader(Problem problem) {
        Actor actor = current.get();
        actor.require(Role.LEADER);
        if (!actor.userId().equals(problem.getResponsibleLeaderId())) {
            throw new NotPermittedException(
                    "rule.problem.onlyResponsibleLeader",
                    "only the responsible leader may decide on closing this problem");
        }
    }

    private Responsibility resolve(ResponsibilityInput in, String regionPath) {
        OrgUnitView lead = unitInRegion(in.leadUnitId(), regionPath, "leadUnitId");
        List<ProblemUnit> co = in.coUnitIds().stream()
                .sorted()
                .filter(unitId -> !unitId.equals(lead.id()))
                .map(unitId -> unitInRegion(unitId, regionPath, "coUnitIds"))
                .map(u -> new ProblemUnit(u.id(), u.path(), UnitRole.CO, regionPath))
                .toList();
        org.findUser(in.responsibleLeaderId())
                .filter(u -> u.has(Role.LEADER) && u.enabled())
                .filter(u -> org.unit(u.unitId()).isWithin(regionPath))
                .orElseThrow(() -> new InvalidInputException(
                        "responsibleLeaderId",
                        "rule.problem.leaderNotInRegion",
                        "the responsible leader must be an active LEADER of this region"));
        LocalDate date = deadlines.resolve(
                in.deadlineType(), in.deadlineDate(), in.deadlineWorkingDays(), Zones.today(clock), "deadlineDate");
        return new Responsibility(
                new ProblemUnit(lead.id(), lead.path(), UnitRole.LEAD, regionPath),
                co,
                in.responsibleLeaderId(),
                in.deadlineType(),
                date);
    }

    private OrgUnitView unitInRegion(Long unitId, String regionPath, String field) {
        return org.findUnit(unitId)
                .filter(u -> u.isWithin(regionPath) && !u.kind().isRegion() && u.active())
                .orElseThrow(() -> new InvalidInputException(
                        field,
                        "rule.problem.unitNotInRegion",
                        "unit " + unitId + " is not a responsible unit of this region",
                        unitId));
    }
}

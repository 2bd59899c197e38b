package org.rectify.lookback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.rectify.common.InvalidInputException;
import org.rectify.common.NotFoundException;
import org.rectify.common.NotPermittedException;
import org.rectify.common.Zones;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.deadline.DeadlineSettings;
import org.rectify.deadline.DeadlineType;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.inspection.InspectionRounds;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.rectify.problem.ProblemEvent;
import org.rectify.problem.ProblemFilter;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.problem.steps.ProblemSteps;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Look-back checks (回头看): closing a problem schedules a re-check after the configured period; the
 * office may schedule one for a whole round. An INSPECTOR or OFFICE user verifies it once it is due:
 * the fix holds (the problem is VERIFIED), or it relapsed (the problem reopens by a new deadline and
 * counts a relapse).
 */
@Service
@Transactional
public class LookBackChecks {

    private final LookBackCheckRepository checks;
    private final Problems problems;
    private final ProblemSteps lifecycle;
    private final InspectionRounds rounds;
    private final WorkingDayCalendar calendar;
    private final DeadlinePolicy policy;
    private final DeadlineSettings settings;
    private final CurrentActor current;
    private final Clock clock;

    LookBackChecks(
            LookBackCheckRepository checks,
            Problems problems,
            ProblemSteps lifecycle,
            InspectionRounds rounds,
            WorkingDayCalendar calendar,
            DeadlinePolicy policy,
            DeadlineSettings settings,
            CurrentActor current,
            Clock clock) {
        this.checks = checks;
        this.problems = problems;
        this.lifecycle = lifecycle;
        this.rounds = rounds;
        this.calendar = calendar;
        this.policy = policy;
        this.settings = settings;
        this.current = current;
        this.clock = clock;
    }

    /** Closing a problem schedules its re-check, on the first working day after the period. */
    @EventListener
    void on(ProblemEvent.Closed e) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        LocalDate due = calendar.onOrAfter(Zones.today(clock).plus(settings.lookBackAfter()));
        checks.save(new LookBackCheck(p.id(), p.roundId(), p.regionId(), due, by(), clock.instant()));
    }

    /** The office schedules a check of every closed problem of a round for one date; returns how many. */
    public int scheduleForRound(Long roundId, LocalDate date) {
        rounds.get(roundId);
        current.get().require(Role.OFFICE);
        LocalDate due = policy.resolve(DeadlineType.TIME_LIMITED, date, null, Zones.today(clock), "date");
        int count = 0;
        for (ProblemView p :
                problems.list(new ProblemFilter(roundId, null, null, null, null, null), Pageable.unpaged())) {
            if (!p.status().isClosed()) {
                continue;
            }
            LookBackCheck check = checks.findFirstByProblemIdAndStatus(p.id(), LookBackCheck.Status.SCHEDULED)
                    .orElse(null);
            if (check == null) {
                checks.save(new LookBackCheck(p.id(), roundId, p.regionId(), due, by(), clock.instant()));
            } else if (!check.getScheduledFor().equals(due)) {
                check.reschedule(due);
                checks.save(check);
            }
            count++;
        }
        return count;
    }

    public LookBackView verify(Long checkId, LookBackVerdict verdict) {
        Long problemId = problems.lockVisibleThrough("look-back", checkId, checks.findProblemIdOf(checkId))
                .id();
        Actor verifier = current.get();
        if (!verifier.has(Role.INSPECTOR) && !verifier.has(Role.OFFICE)) {
            throw new NotPermittedException(
                    "rule.lookBack.whoVerifies", "look-back checks are verified by inspectors or the office");
        }
        LookBackCheck check = checks.findById(checkId).orElseThrow();
        LocalDate today = Zones.today(clock);
        LocalDate newDeadline = null;
        if (!verdict.holds()) {
            if (verdict.deadlineDate() == null && verdict.deadlineWorkingDays() == null) {
                throw new InvalidInputException(
                        "deadlineDate",
                        "rule.lookBack.relapseNeedsDeadline",
                        "a relapse reopens the problem: give it a new deadline");
            }
            newDeadline = policy.resolve(
                    DeadlineType.TIME_LIMITED,
                    verdict.deadlineDate(),
                    verdict.deadlineWorkingDays(),
                    today,
                    "deadlineDate");
        }
        check.verify(verdict.holds(), verdict.finding(), verifier.username(), clock.instant(), today);
        checks.save(check);
        if (verdict.holds()) {
            lifecycle.verify(problemId, verdict.finding());
        } else {
            lifecycle.reopen(problemId, verdict.finding(), newDeadline);
        }
        return check.view();
    }

    /** A check, if the caller may see its problem; else 404. */
    @Transactional(readOnly = true)
    public LookBackView get(Long checkId) {
        problems.visibleThrough("look-back", checkId, checks.findProblemIdOf(checkId));
        return checks.findById(checkId).orElseThrow().view();
    }

    @Transactional(readOnly = true)
    public List<LookBackView> ofProblem(Long problemId) {
        problems.visible(problemId);
        return checks.findByProblemIdOrderById(problemId).stream()
                .map(LookBackCheck::view)
                .toList();
    }

    /** A check without a scope check: for the process and for texts the system writes. */
    @Transactional(readOnly = true)
    public LookBackView describeUnscoped(Long checkId) {
        return checks.findById(checkId)
                .orElseThrow(() -> new NotFoundException("look-back", checkId))
                .view();
    }

    private String by() {
        return current.find().map(Actor::username).orElse("system");
    }
}

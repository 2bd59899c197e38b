package org.rectify.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rectify.common.Zones;
import org.rectify.deadline.DeadlineType;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.demo.DemoThemes.Measure;
import org.rectify.demo.DemoThemes.Theme;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.NewRound;
import org.rectify.inspection.RoundView;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.problem.NewProblem;
import org.rectify.problem.ProblemLifecycle;
import org.rectify.problem.ReassignProblem;
import org.rectify.problem.ResponsibilityInput;
import org.rectify.problem.Severity;
import org.rectify.problem.TriageProblem;
import org.rectify.task.ReportCycle;
import org.rectify.task.TaskBreakdown;
import org.rectify.task.TaskDraft;
import org.rectify.task.TaskView;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * One look-back round with 60 problems and 226 tasks, every one driven through the same services
 * the API uses, as the demo users, so that domain state, process state and audit trail agree. The
 * problems are spread over every lifecycle state, with a return, a plan sent back, sign-offs
 * returned and rejected, and a closure sent back on the way.
 * <p>
 * Each problem goes through the stages in {@link #takeThroughItsStages} and stops at its own
 * ({@link #stageOf}): register, assign, claim and break down, submit the plan, approve it, rectify its
 * tasks ({@link DemoTaskSteps}), close. The order of the calls is the demo data: tests count on it.
 */
@Component
@Profile("demo")
class DemoRound {

    enum Stage {
        REGISTERED,
        ASSIGNED,
        RETURNED,
        PLANNING,
        PLAN_REVIEW,
        IN_PROGRESS,
        CLOSURE_REVIEW,
        CLOSED
    }

    /** One demo problem as registered: its number in the round ({@code i}, from 0), stage and four-lists data. */
    private record DemoProblem(
            int i,
            Long id,
            Stage stage,
            Theme theme,
            Severity severity,
            OrgUnitView lead,
            List<OrgUnitView> co,
            DeadlineType type,
            LocalDate deadline,
            String leader,
            ResponsibilityInput responsibility) {
        String head() {
            return "head." + lead.code();
        }

        String staff() {
            return "staff." + lead.code();
        }
    }

    static final int PROBLEMS = 60;
    private static final Measure DRAW_INFERENCES = new Measure("举一反三，在全县范围内排查同类问题", "形成排查报告，同类问题纳入自查清单", 'T');

    private final DemoUsers as;
    private final InspectionRounds rounds;
    private final ProblemLifecycle lifecycle;
    private final TaskBreakdown breakdown;
    private final DemoTaskSteps taskSteps;
    private final OrgDirectory org;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final List<Theme> themes = DemoThemes.read();
    private Map<String, OrgUnitView> units;
    private LocalDate today;

    DemoRound(
            DemoUsers as,
            InspectionRounds rounds,
            ProblemLifecycle lifecycle,
            TaskBreakdown breakdown,
            DemoTaskSteps taskSteps,
            OrgDirectory org,
            WorkingDayCalendar calendar,
            Clock clock) {
        this.as = as;
        this.rounds = rounds;
        this.lifecycle = lifecycle;
        this.breakdown = breakdown;
        this.taskSteps = taskSteps;
        this.org = org;
        this.calendar = calendar;
        this.clock = clock;
    }

    static Stage stageOf(int i) {
        if (i < 4) return Stage.REGISTERED;
        if (i < 8) return Stage.ASSIGNED;
        if (i < 10) return Stage.RETURNED;
        if (i < 15) return Stage.PLANNING;
        if (i < 20) return Stage.PLAN_REVIEW;
        if (i < 45) return Stage.IN_PROGRESS;
        if (i < 50) return Stage.CLOSURE_REVIEW;
        return Stage.CLOSED;
    }

    void build(Map<String, OrgUnitView> demoUnits) {
        this.units = demoUnits;
        this.today = Zones.today(clock);
        RoundView round = as.run(
                "office",
                () -> rounds.register(new NewRound(
                        "LOOK_BACK",
                        "HTK-" + today.getYear(),
                        "中央脱贫攻坚专项巡视\"回头看\"反馈问题整改",
                        "中央第一巡视组",
                        today.minusDays(30))));
        for (int i = 0; i < PROBLEMS; i++) {
            takeThroughItsStages(round, i);
        }
    }

    private void takeThroughItsStages(RoundView round, int i) {
        DemoProblem p = register(round, i);
        if (p.stage() == Stage.REGISTERED) {
            return;
        }
        assign(p);
        if (p.stage() == Stage.ASSIGNED) {
            return;
        }
        if (p.stage() == Stage.RETURNED) {
            as.run(p.head(), () -> lifecycle.returnToOffice(p.id(), "本单位非该问题责任主体，请整改办重新交办"));
            return;
        }
        List<TaskView> tasks = claimAndBreakDown(p);
        if (p.stage() == Stage.PLANNING) {
            return;
        }
        as.run(p.staff(), () -> breakdown.submitPlan(p.id()));
        if (p.stage() == Stage.PLAN_REVIEW) {
            return;
        }
        as.run("office", () -> breakdown.approvePlan(p.id()));
        rectify(p, tasks);
        if (p.stage() == Stage.CLOSED) {
            close(p, tasks);
        }
    }

    /** The office registers the problem; every other one comes with its responsibility and deadline data. */
    private DemoProblem register(RoundView round, int i) {
        Theme theme = themes.get(i % themes.size());
        int variant = i / themes.size();
        OrgUnitView lead = leadUnit(theme, variant, i);
        List<OrgUnitView> co = coUnits(theme, variant, lead);
        String titlePrefix = variant == 0 ? "" : lead.nameZh();
        DeadlineType type = i % 9 == 4 ? DeadlineType.IMMEDIATE : DeadlineType.TIME_LIMITED;
        LocalDate deadline = calendar.plusWorkingDays(today, type == DeadlineType.IMMEDIATE ? 15 : 60 + (i % 6) * 20);
        String leader = i % 2 == 0 ? "leader" : "leader2";
        Long leaderId = org.userByUsername(leader).orElseThrow().id();
        ResponsibilityInput responsibility = new ResponsibilityInput(
                lead.id(), co.stream().map(OrgUnitView::id).collect(Collectors.toSet()), leaderId, type, deadline);
        Severity severity = Severity.values()[i % 3];
        Long id = as.run(
                        "office",
                        () -> lifecycle.register(new NewProblem(
                                round.id(),
                                String.format("%02d", i + 1),
                                titlePrefix + theme.title(),
                                theme.description(),
                                theme.category(),
                                severity,
                                theme.goal(),
                                i % 2 == 0 ? responsibility : null)))
                .id();
        return new DemoProblem(i, id, stageOf(i), theme, severity, lead, co, type, deadline, leader, responsibility);
    }

    /** The office triages and assigns; problem 6 is returned by its unit once and reassigned to it. */
    private void assign(DemoProblem p) {
        as.run(
                "office",
                () -> lifecycle.triage(
                        p.id(),
                        new TriageProblem(
                                p.theme().category(), p.severity(), p.theme().goal(), p.responsibility())));
        if (p.i() == 5) {
            as.run(p.head(), () -> lifecycle.returnToOffice(p.id(), "该问题主要涉及其他部门职责，申请退回重新交办"));
            as.run(
                    "office",
                    () -> lifecycle.reassign(p.id(), new ReassignProblem(p.responsibility(), "经核实仍由原牵头单位负责，配合单位协同整改")));
        }
    }

    /** The unit head claims, the case officer drafts the tasks; problems 11 and 16 have their plan sent back once. */
    private List<TaskView> claimAndBreakDown(DemoProblem p) {
        Long staffId = org.userByUsername(p.staff()).orElseThrow().id();
        as.run(p.head(), () -> lifecycle.claim(p.id(), staffId));
        List<Measure> measures = new ArrayList<>(p.theme().measures());
        if (p.i() == 20 || p.i() == 21) {
            measures.add(DRAW_INFERENCES);
        }
        List<TaskView> tasks = new ArrayList<>();
        for (int j = 0; j < measures.size(); j++) {
            TaskDraft draft = draft(measures.get(j), j, p);
            tasks.add(as.run(p.staff(), () -> breakdown.add(p.id(), draft)));
        }
        if (p.i() == 10 || p.i() == 15) {
            as.run(p.staff(), () -> breakdown.submitPlan(p.id()));
            as.run("office", () -> breakdown.sendBackPlan(p.id(), "整改措施针对性不强，请细化完成标准后重新报送"));
        }
        return tasks;
    }

    /** In progress: each task to an intermediate state; awaiting closure or closed: every task signed off. */
    private void rectify(DemoProblem p, List<TaskView> tasks) {
        int i = p.i();
        for (int j = 0; j < tasks.size(); j++) {
            TaskView task = tasks.get(j);
            if (p.stage() == Stage.IN_PROGRESS) {
                taskSteps.advance(task, unitCode(task), (i + j) % 7, i, j);
            } else {
                taskSteps.signOff(task, unitCode(task), (i + j) % 4 == 0, i, j);
            }
        }
    }

    /** The leader approves closing; problem 51's closure is sent back once and its first task done again. */
    private void close(DemoProblem p, List<TaskView> tasks) {
        if (p.i() == 50) {
            as.run(p.leader(), () -> lifecycle.sendBackClosure(p.id(), "个别任务佐证材料不充分，请补充后重新销号"));
            TaskView reopened = tasks.get(0);
            as.run(p.staff(), () -> breakdown.reopen(reopened.id(), "按责任领导意见补充整改并完善佐证"));
            as.run(p.staff(), () -> breakdown.submitPlan(p.id()));
            as.run("office", () -> breakdown.approvePlan(p.id()));
            taskSteps.signOff(reopened, unitCode(reopened), false, p.i(), 9);
        }
        as.run(p.leader(), () -> lifecycle.approveClosure(p.id(), "同意销号"));
    }

    private TaskDraft draft(Measure m, int j, DemoProblem p) {
        OrgUnitView unit = j % 2 == 1 && !p.co().isEmpty() ? p.co().get(0) : p.lead();
        return switch (m.kind()) {
            case 'L' ->
                new TaskDraft(
                        m.measure(),
                        m.criterion(),
                        unit.id(),
                        DeadlineType.LONG_TERM,
                        null,
                        j % 2 == 0 ? ReportCycle.MONTHLY : ReportCycle.QUARTERLY);
            case 'I' ->
                new TaskDraft(
                        m.measure(),
                        m.criterion(),
                        unit.id(),
                        DeadlineType.IMMEDIATE,
                        calendar.plusWorkingDays(today, 8),
                        null);
            default ->
                new TaskDraft(
                        m.measure(),
                        m.criterion(),
                        unit.id(),
                        DeadlineType.TIME_LIMITED,
                        min(p.deadline(), calendar.plusWorkingDays(today, 20 + j * 10)),
                        null);
        };
    }

    private OrgUnitView leadUnit(Theme theme, int variant, int i) {
        if (variant == 0) {
            return units.get(theme.lead());
        }
        String[] township = DemoOrganisation.TOWNSHIPS.get((i + variant) % DemoOrganisation.TOWNSHIPS.size());
        return variant == 1 ? units.get(township[0]) : units.get(township[3].split(":")[0]);
    }

    private List<OrgUnitView> coUnits(Theme theme, int variant, OrgUnitView lead) {
        List<String> codes = variant == 0 ? theme.co() : List.of(theme.lead());
        return codes.stream()
                .map(units::get)
                .filter(u -> !u.id().equals(lead.id()))
                .toList();
    }

    private String unitCode(TaskView task) {
        return units.values().stream()
                .filter(u -> u.id().equals(task.unitId()))
                .findFirst()
                .orElseThrow()
                .code();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

package org.rectify.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.rectify.common.UploadedFile;
import org.rectify.common.Zones;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.NewRound;
import org.rectify.inspection.RoundView;
import org.rectify.deadline.DeadlineType;
import org.rectify.problem.NewProblem;
import org.rectify.problem.ProblemLifecycle;
import org.rectify.problem.ProblemView;
import org.rectify.problem.ReassignProblem;
import org.rectify.problem.ResponsibilityInput;
import org.rectify.problem.Severity;
import org.rectify.problem.TriageProblem;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.signoff.SignOffView;
import org.rectify.signoff.SignOffs;
import org.rectify.task.ReportCycle;
import org.rectify.task.TaskBreakdown;
import org.rectify.task.TaskDraft;
import org.rectify.task.TaskProgress;
import org.rectify.task.TaskView;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * One look-back round with 60 problems and 226 tasks, every one driven through the same services
 * the API uses, as the demo users, so that domain state, process state and audit trail agree. The
 * problems are spread over every lifecycle state, with a return, a plan sent back, sign-offs
 * returned and rejected, and a closure sent back on the way.
 */
@Component
@Profile("demo")
class DemoRound {

    enum Stage { REGISTERED, ASSIGNED, RETURNED, PLANNING, PLAN_REVIEW, IN_PROGRESS, CLOSURE_REVIEW, CLOSED }

    record Measure(String measure, String criterion, char kind) {
    }

    record Theme(String category, String lead, List<String> co, String title, String description, String goal,
                 List<Measure> measures) {
    }

    static final int PROBLEMS = 60;
    private static final Measure DRAW_INFERENCES = new Measure("举一反三，在全县范围内排查同类问题",
            "形成排查报告，同类问题纳入自查清单", 'T');

    private final DemoUsers as;
    private final InspectionRounds rounds;
    private final ProblemLifecycle lifecycle;
    private final TaskBreakdown breakdown;
    private final TaskProgress progress;
    private final SignOffs signOffs;
    private final OrgDirectory org;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final List<Theme> themes = readThemes();
    private Map<String, OrgUnitView> units;
    private LocalDate today;

    DemoRound(DemoUsers as, InspectionRounds rounds, ProblemLifecycle lifecycle, TaskBreakdown breakdown,
              TaskProgress progress, SignOffs signOffs, OrgDirectory org, WorkingDayCalendar calendar, Clock clock) {
        this.as = as;
        this.rounds = rounds;
        this.lifecycle = lifecycle;
        this.breakdown = breakdown;
        this.progress = progress;
        this.signOffs = signOffs;
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
        RoundView round = as.run("office", () -> rounds.register(new NewRound("LOOK_BACK", "HTK-" + today.getYear(),
                "中央脱贫攻坚专项巡视\"回头看\"反馈问题整改", "中央第一巡视组", today.minusDays(30))));
        for (int i = 0; i < PROBLEMS; i++) {
            problem(round, i);
        }
    }

    private void problem(RoundView round, int i) {
        Theme theme = themes.get(i % themes.size());
        int variant = i / themes.size();
        OrgUnitView lead = leadUnit(theme, variant, i);
        List<OrgUnitView> co = coUnits(theme, variant, lead);
        String titlePrefix = variant == 0 ? "" : lead.nameZh();
        DeadlineType type = i % 9 == 4 ? DeadlineType.IMMEDIATE : DeadlineType.TIME_LIMITED;
        LocalDate deadline = calendar.plusWorkingDays(today, type == DeadlineType.IMMEDIATE ? 15 : 60 + (i % 6) * 20);
        String leader = i % 2 == 0 ? "leader" : "leader2";
        Long leaderId = org.userByUsername(leader).orElseThrow().id();
        ResponsibilityInput responsibility = new ResponsibilityInput(lead.id(),
                co.stream().map(OrgUnitView::id).collect(Collectors.toSet()), leaderId, type, deadline);
        Severity severity = Severity.values()[i % 3];

        ProblemView p = as.run("office", () -> lifecycle.register(new NewProblem(round.id(),
                String.format("%02d", i + 1), titlePrefix + theme.title(), theme.description(), theme.category(),
                severity, theme.goal(), i % 2 == 0 ? responsibility : null)));
        Stage stage = stageOf(i);
        if (stage == Stage.REGISTERED) {
            return;
        }
        as.run("office", () -> lifecycle.triage(p.id(), new TriageProblem(theme.category(), severity, theme.goal(),
                responsibility)));
        String head = "head." + lead.code();
        String staff = "staff." + lead.code();
        if (i == 5) {
            as.run(head, () -> lifecycle.returnToOffice(p.id(), "该问题主要涉及其他部门职责，申请退回重新交办"));
            as.run("office", () -> lifecycle.reassign(p.id(), new ReassignProblem(responsibility,
                    "经核实仍由原牵头单位负责，配合单位协同整改")));
        }
        if (stage == Stage.ASSIGNED) {
            return;
        }
        if (stage == Stage.RETURNED) {
            as.run(head, () -> lifecycle.returnToOffice(p.id(), "本单位非该问题责任主体，请整改办重新交办"));
            return;
        }
        Long staffId = org.userByUsername(staff).orElseThrow().id();
        as.run(head, () -> lifecycle.claim(p.id(), staffId));
        List<Measure> measures = new ArrayList<>(theme.measures());
        if (i == 20 || i == 21) {
            measures.add(DRAW_INFERENCES);
        }
        List<TaskView> tasks = new ArrayList<>();
        for (int j = 0; j < measures.size(); j++) {
            TaskDraft draft = draft(measures.get(j), j, lead, co, type, deadline);
            tasks.add(as.run(staff, () -> breakdown.add(p.id(), draft)));
        }
        if (i == 10 || i == 15) {
            as.run(staff, () -> breakdown.submitPlan(p.id()));
            as.run("office", () -> breakdown.sendBackPlan(p.id(), "整改措施针对性不强，请细化完成标准后重新报送"));
        }
        if (stage == Stage.PLANNING) {
            return;
        }
        as.run(staff, () -> breakdown.submitPlan(p.id()));
        if (stage == Stage.PLAN_REVIEW) {
            return;
        }
        as.run("office", () -> breakdown.approvePlan(p.id()));
        for (int j = 0; j < tasks.size(); j++) {
            TaskView task = tasks.get(j);
            if (stage == Stage.IN_PROGRESS) {
                advance(task, (i + j) % 7, i, j);
            } else {
                signOff(task, (i + j) % 4 == 0, i, j);
            }
        }
        if (stage == Stage.CLOSED) {
            if (i == 50) {
                as.run(leader, () -> lifecycle.sendBackClosure(p.id(), "个别任务佐证材料不充分，请补充后重新销号"));
                TaskView reopened = tasks.get(0);
                as.run(staff, () -> breakdown.reopen(reopened.id(), "按责任领导意见补充整改并完善佐证"));
                as.run(staff, () -> breakdown.submitPlan(p.id()));
                as.run("office", () -> breakdown.approvePlan(p.id()));
                signOff(reopened, false, i, 9);
            }
            as.run(leader, () -> lifecycle.approveClosure(p.id(), "同意销号"));
        }
    }

    /** Moves a task of a problem in progress to one of its intermediate states. */
    private void advance(TaskView task, int pattern, int i, int j) {
        String unit = unitCode(task);
        switch (pattern) {
            case 0 -> { }
            case 1, 2 -> report(task, 30 + pattern * 20, i, j);
            case 3 -> apply(task, i, j);
            case 4 -> {
                SignOffView s = apply(task, i, j);
                as.run("head." + unit, () -> signOffs.confirm(s.id(), "情况属实，同意申请销号"));
            }
            case 5 -> signOff(task, false, i, j);
            default -> {
                SignOffView s = apply(task, i, j);
                as.run("head." + unit, () -> signOffs.confirm(s.id(), null));
                as.run("office", () -> signOffs.reject(s.id(), "佐证材料不能证明达到完成标准，请补充后重新申请"));
                report(task, 80, i, j);
            }
        }
    }

    private void signOff(TaskView task, boolean rejectedFirst, int i, int j) {
        String unit = unitCode(task);
        if (rejectedFirst) {
            SignOffView first = apply(task, i, j);
            as.run("head." + unit, () -> signOffs.returnToStaff(first.id(), "佐证材料缺少验收记录，请补充"));
        }
        SignOffView s = apply(task, i, j);
        as.run("head." + unit, () -> signOffs.confirm(s.id(), "已核实，同意销号"));
        as.run("office", () -> signOffs.approve(s.id(), "经审核达到完成标准，同意销号"));
    }

    private void report(TaskView task, int percent, int i, int j) {
        as.run("staff." + unitCode(task), () -> progress.report(task.id(), percent,
                "已按计划推进整改，完成进度约" + percent + "%。", List.of(file("进展材料-" + (i + 1) + "-" + (j + 1) + ".txt",
                        ("问题" + (i + 1) + "任务" + (j + 1) + "进展材料").getBytes(StandardCharsets.UTF_8)))));
    }

    private SignOffView apply(TaskView task, int i, int j) {
        report(task, 100, i, j);
        return as.run("staff." + unitCode(task), () -> signOffs.apply(task.id(), "已达到完成标准，申请销号。",
                List.of(file("销号佐证-" + (i + 1) + "-" + (j + 1) + ".png", DemoFiles.PNG))));
    }

    private TaskDraft draft(Measure m, int j, OrgUnitView lead, List<OrgUnitView> co, DeadlineType problemType,
                            LocalDate problemDeadline) {
        OrgUnitView unit = j % 2 == 1 && !co.isEmpty() ? co.get(0) : lead;
        return switch (m.kind()) {
            case 'L' -> new TaskDraft(m.measure(), m.criterion(), unit.id(), DeadlineType.LONG_TERM, null,
                    j % 2 == 0 ? ReportCycle.MONTHLY : ReportCycle.QUARTERLY);
            case 'I' -> new TaskDraft(m.measure(), m.criterion(), unit.id(), DeadlineType.IMMEDIATE,
                    calendar.plusWorkingDays(today, 8), null);
            default -> new TaskDraft(m.measure(), m.criterion(), unit.id(), DeadlineType.TIME_LIMITED,
                    min(problemDeadline, calendar.plusWorkingDays(today, 20 + j * 10)), null);
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
        return codes.stream().map(units::get).filter(u -> !u.id().equals(lead.id())).toList();
    }

    private String unitCode(TaskView task) {
        return units.values().stream().filter(u -> u.id().equals(task.unitId())).findFirst().orElseThrow().code();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static UploadedFile file(String name, byte[] bytes) {
        return new UploadedFile(name, null, bytes.length, new ByteArrayResource(bytes));
    }

    static List<Theme> readThemes() {
        List<Theme> themes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/look-back-round.txt").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\\|");
                if (line.startsWith("P|")) {
                    themes.add(new Theme(f[1], f[2], Arrays.asList(f[3].split(",")), f[4], f[5], f[6],
                            new ArrayList<>()));
                } else if (line.startsWith("T|")) {
                    themes.get(themes.size() - 1).measures().add(new Measure(f[1], f[2], f[3].charAt(0)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return themes;
    }

}

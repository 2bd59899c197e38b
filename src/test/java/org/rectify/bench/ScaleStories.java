package org.rectify.bench;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.rectify.common.Zones;

/**
 * The life of every problem of {@link ScaleData}, told once and written as the services would have left
 * it: registered, assigned (now and then returned and reassigned), claimed, planned, approved, its tasks
 * rectified and signed off, closed, looked back at (a few relapse, are reopened and closed again), each
 * step at its own time and none after now. From the same timeline come the problem and its units, its
 * tasks, their spans in problem_history and task_history, approved extensions, supervision orders for
 * problems left overdue and look-back checks, so that the figures of any past day add up.
 * <p>
 * Outcomes: about 62 % of dated problems are finished on time, 12 % late, 10 % after an extension,
 * 8 % are stuck in rectification; 8 % wait long (up to eight months) before they are claimed. Working
 * days to close count Monday to Friday (the official calendar's holidays are left out).
 */
final class ScaleStories {

    static final String[] TOPICS = BulkProblems.TOPICS;
    static final String[] CATEGORIES = {
        "AWARENESS",
        "RESPONSIBILITY",
        "POLICY",
        "WORK_STYLE",
        "FUNDS",
        "PROJECTS",
        "INDUSTRY",
        "INFRASTRUCTURE",
        "WELFARE",
        "PARTY_BUILDING",
        "OTHER"
    };
    private static final String[] FAULTS = {"落实不到位", "监管不严", "台账不清", "进度滞后", "资金拨付不及时"};
    private static final Instant NEVER = Instant.MAX;

    private final Random random = new Random(20240101L);
    private final Instant now;
    private final double tasksPerProblem;
    private final TsvTable problems;
    private final TsvTable problemUnits;
    private final TsvTable problemHistory;
    private final TsvTable tasks;
    private final TsvTable taskHistory;
    private final TsvTable extensions;
    private final TsvTable orders;
    private final TsvTable lookBacks;
    private long problemId = 1;
    private long problemSpanId = 1;
    private long taskId = 1;
    private long taskSpanId = 1;
    private long extensionId = 1;
    private long orderId = 1;
    private long lookBackId = 1;

    /** A span of a problem or a task: from when, in which state. */
    private record Span(
            Instant from,
            String status,
            Long unit,
            int relapses,
            LocalDate closedOn,
            boolean closing,
            LocalDate deadline) {}

    ScaleStories(Path dir, Instant now, double tasksPerProblem) {
        this.now = now;
        this.tasksPerProblem = tasksPerProblem;
        problems = new TsvTable(
                dir,
                "problem",
                "id",
                "round_id",
                "region_id",
                "region_path",
                "number",
                "title",
                "description",
                "category_code",
                "severity",
                "rectification_goal",
                "status",
                "lead_unit_id",
                "responsible_leader_id",
                "unit_head_id",
                "person_in_charge_id",
                "deadline_type",
                "deadline_date",
                "registered_at",
                "registered_by",
                "closed_at",
                "version",
                "relapse_count");
        problemUnits = new TsvTable(dir, "problem_unit", "problem_id", "unit_id", "unit_path", "role", "region_path");
        problemHistory = new TsvTable(
                dir,
                "problem_history",
                "id",
                "problem_id",
                "valid_from",
                "valid_to",
                "round_id",
                "region_path",
                "lead_unit_id",
                "category_code",
                "severity",
                "status",
                "registered_at",
                "deadline_type",
                "deadline_date",
                "closed_on",
                "closing",
                "working_days_to_close",
                "relapse_count");
        tasks = new TsvTable(
                dir,
                "rectification_task",
                "id",
                "problem_id",
                "seq",
                "measure",
                "completion_criterion",
                "unit_id",
                "deadline_type",
                "deadline_date",
                "report_cycle",
                "next_report_due",
                "status",
                "progress_percent",
                "created_at",
                "created_by",
                "signed_off_at",
                "version");
        taskHistory = new TsvTable(
                dir,
                "task_history",
                "id",
                "task_id",
                "problem_id",
                "valid_from",
                "valid_to",
                "unit_id",
                "status",
                "deadline_type",
                "deadline_date");
        extensions = new TsvTable(
                dir,
                "extension_request",
                "id",
                "task_id",
                "problem_id",
                "current_deadline",
                "requested_deadline",
                "reason",
                "status",
                "requested_by",
                "requested_at",
                "confirmed_by",
                "confirmed_at",
                "decided_by",
                "decided_at",
                "version");
        orders = new TsvTable(
                dir,
                "supervision_order",
                "id",
                "number",
                "problem_id",
                "region_id",
                "target_unit_id",
                "escalated_to_id",
                "automatic",
                "content",
                "required_response_date",
                "status",
                "issued_by",
                "issued_at",
                "response",
                "responded_by",
                "responded_at",
                "reviewed_by",
                "reviewed_at",
                "version");
        lookBacks = new TsvTable(
                dir,
                "look_back_check",
                "id",
                "problem_id",
                "round_id",
                "scheduled_for",
                "status",
                "scheduled_by",
                "scheduled_at",
                "verified_by",
                "verified_at",
                "finding",
                "version");
    }

    List<TsvTable> tables() {
        return List.of(problems, problemUnits, problemHistory, tasks, taskHistory, extensions, orders, lookBacks);
    }

    /** The facts of one problem that its tasks and records need. */
    private record Problem(
            long id,
            ScaleOrg.Round round,
            ScaleOrg.Unit lead,
            List<ScaleOrg.Unit> units,
            String type,
            LocalDate deadline,
            Instant registered) {}

    /** The timeline's moments of one problem; NEVER where it has not happened (or will after now). */
    private static final class Moments {
        Instant claimed = NEVER;
        Instant drafted = NEVER;
        Instant planReview = NEVER;
        Instant started = NEVER;
        Instant extended = NEVER;
        LocalDate extendedTo;
        Instant done = NEVER;
        Instant relapsed = NEVER;
        Instant doneAgain = NEVER;
    }

    void problem(ScaleOrg.Round round, int number) {
        ScaleOrg.County county = round.county();
        Instant registered = min(at(round.feedback().plusDays(random.nextInt(8))), now.minusSeconds(3600));
        String type = pick(new String[] {"IMMEDIATE", "TIME_LIMITED", "LONG_TERM"}, 20, 60, 20);
        LocalDate day = day(registered);
        LocalDate deadline = switch (type) {
            case "IMMEDIATE" -> workday(day.plusDays(15));
            case "TIME_LIMITED" -> workday(day.plusDays(30 + random.nextInt(150)));
            default -> null;
        };
        List<ScaleOrg.Unit> units = units(county);
        Problem p = new Problem(problemId++, round, units.get(0), units, type, deadline, registered);
        String outcome = pick(new String[] {"ON_TIME", "LATE", "EXTENDED", "STUCK", "SLOW"}, 62, 12, 10, 8, 8);
        if (deadline == null && outcome.equals("EXTENDED")) {
            outcome = "ON_TIME";
        }

        List<Span> spans = new ArrayList<>();
        Moments m = new Moments();
        // The lead unit is named at registration; 3 % first go to a unit that returns them.
        ScaleOrg.Unit lead = p.lead();
        boolean returned = random.nextInt(100) < 3;
        Long first = returned
                ? county.leadUnits()
                        .get(random.nextInt(county.leadUnits().size()))
                        .id()
                : lead.id();
        spans.add(new Span(registered, "REGISTERED", first, 0, null, false, deadline));
        Instant t = later(registered, 1, 3);
        if (returned) {
            spans.add(new Span(t, "ASSIGNED", first, 0, null, false, deadline));
            t = later(t, 1, 2);
            spans.add(new Span(t, "RETURNED", first, 0, null, false, deadline));
            t = later(t, 1, 2);
        }
        spans.add(new Span(t, "ASSIGNED", lead.id(), 0, null, false, deadline));
        m.claimed = later(t, outcome.equals("SLOW") ? 20 : 1, outcome.equals("SLOW") ? 240 : 4);
        spans.add(new Span(m.claimed, "PLANNING", lead.id(), 0, null, false, deadline));
        m.drafted = later(m.claimed, 0, 1);
        m.planReview = later(m.drafted, 1, 6);
        spans.add(new Span(m.planReview, "PLAN_REVIEW", lead.id(), 0, null, false, deadline));
        m.started = later(m.planReview, 1, 4);
        spans.add(new Span(m.started, "IN_PROGRESS", lead.id(), 0, null, false, deadline));
        m.done = workDone(p, m, outcome);
        if (m.done != NEVER) {
            spans.add(new Span(m.done, "CLOSURE_REVIEW", lead.id(), 0, null, false, deadline));
            Instant closed = later(m.done, 1, 5);
            spans.add(new Span(closed, "CLOSED", lead.id(), 0, day(closed), true, deadline));
            lookBack(p, m, spans, closed);
        }
        writeProblem(p, spans, county, number);
        writeTasks(p, m, county);
        supervise(p, m, county);
    }

    /** When the last task is signed off; an approved extension on the way for the extended ones. */
    private Instant workDone(Problem p, Moments m, String outcome) {
        if (outcome.equals("STUCK")) {
            return NEVER;
        }
        if (p.deadline() == null) {
            return later(m.started, 40, 200);
        }
        Instant due = at(p.deadline()).plus(Duration.ofHours(8));
        return switch (outcome) {
            case "LATE" -> later(max(due, m.started), 3, 60);
            case "EXTENDED" -> {
                m.extended = max(between(m.started, due, 0.7), m.started.plusSeconds(3600));
                m.extendedTo = workday(p.deadline().plusDays(20 + random.nextInt(40)));
                yield between(m.extended, at(m.extendedTo), random.nextDouble());
            }
            default ->
                due.isAfter(m.started.plus(Duration.ofDays(1)))
                        ? between(m.started.plus(Duration.ofDays(1)), due, random.nextDouble())
                        : later(m.started, 1, 3);
        };
    }

    /** 60 % of closed problems are looked back at two to four months later; 8 % of those have relapsed. */
    private void lookBack(Problem p, Moments m, List<Span> spans, Instant closed) {
        if (random.nextInt(100) >= 60) {
            return;
        }
        Instant scheduledAt = later(closed, 20, 40);
        LocalDate scheduledFor = day(later(closed, 60, 120));
        Instant verified = later(at(scheduledFor), 0, 10);
        boolean relapse = random.nextInt(100) < 8;
        String office = p.round().county().officeName();
        if (scheduledAt.isAfter(now)) {
            return;
        }
        boolean done = !verified.isAfter(now);
        lookBacks.row(
                lookBackId++,
                p.id(),
                p.round().id(),
                scheduledFor,
                done ? (relapse ? "RELAPSED" : "VERIFIED") : "SCHEDULED",
                office,
                scheduledAt,
                done ? office : null,
                done ? verified : null,
                done ? (relapse ? "问题出现反弹，重新整改。" : "整改成效巩固，未发现反弹。") : null,
                0);
        if (!done) {
            return;
        }
        Long lead = p.lead().id();
        LocalDate closedOn = spans.get(spans.size() - 1).closedOn();
        if (!relapse) {
            spans.add(new Span(verified, "VERIFIED", lead, 0, closedOn, false, p.deadline()));
            return;
        }
        m.relapsed = verified;
        spans.add(new Span(verified, "IN_PROGRESS", lead, 1, null, false, p.deadline()));
        m.doneAgain = later(verified, 20, 80);
        spans.add(new Span(m.doneAgain, "CLOSURE_REVIEW", lead, 1, null, false, p.deadline()));
        Instant closedAgain = later(m.doneAgain, 1, 5);
        spans.add(new Span(closedAgain, "CLOSED", lead, 1, day(closedAgain), true, p.deadline()));
    }

    private void writeProblem(Problem p, List<Span> all, ScaleOrg.County county, int number) {
        List<Span> spans = all.stream().filter(s -> !s.from().isAfter(now)).toList();
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        String fault = FAULTS[random.nextInt(FAULTS.length)];
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String severity = pick(new String[] {"GENERAL", "SERIOUS", "MAJOR"}, 70, 20, 10);
        LocalDate registeredOn = day(p.registered());
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            Instant to = i + 1 < spans.size() ? spans.get(i + 1).from() : null;
            problemHistory.row(
                    problemSpanId++,
                    p.id(),
                    s.from(),
                    to,
                    p.round().id(),
                    county.unit().path(),
                    s.unit(),
                    category,
                    severity,
                    s.status(),
                    p.registered(),
                    p.type(),
                    p.deadline(),
                    s.closedOn(),
                    s.closing(),
                    s.closedOn() == null ? null : workingDays(registeredOn, s.closedOn()),
                    s.relapses());
        }
        Span last = spans.get(spans.size() - 1);
        boolean claimed = !last.status().equals("REGISTERED")
                && !last.status().equals("ASSIGNED")
                && !last.status().equals("RETURNED");
        Instant closedAt = last.closedOn() == null
                ? null
                : spans.stream()
                        .filter(Span::closing)
                        .reduce((a, b) -> b)
                        .map(Span::from)
                        .orElse(null);
        problems.row(
                p.id(),
                p.round().id(),
                county.unit().id(),
                county.unit().path(),
                p.round().code() + "-%04d".formatted(number),
                shortName(p.lead()) + topic + fault + "问题",
                "经核查，存在" + topic + fault + "的情况，需限期整改。",
                category,
                severity,
                "按期完成整改，做到不反复、不回弹。",
                last.status(),
                last.unit(),
                county.leader(),
                claimed ? county.headOf().get(p.lead().id()) : null,
                claimed ? county.staffOf().get(p.lead().id()) : null,
                p.type(),
                p.deadline(),
                p.registered(),
                county.officeName(),
                closedAt,
                0,
                last.relapses());
        for (int u = 0; u < p.units().size(); u++) {
            ScaleOrg.Unit unit = p.units().get(u);
            problemUnits.row(
                    p.id(),
                    unit.id(),
                    unit.path(),
                    u == 0 ? "LEAD" : "CO",
                    county.unit().path());
        }
    }

    private void writeTasks(Problem p, Moments m, ScaleOrg.County county) {
        if (m.drafted.isAfter(now)) {
            return;
        }
        int n = Math.max(1, (int) Math.round(tasksPerProblem + random.nextGaussian() * 1.5));
        String staff = "staff." + p.lead().code();
        for (int k = 0; k < n; k++) {
            ScaleOrg.Unit unit =
                    k == 0 ? p.lead() : p.units().get(random.nextInt(p.units().size()));
            LocalDate deadline = p.deadline() == null
                    ? null
                    : workday(p.deadline().minusDays(random.nextInt(Math.min(10, 1 + k * 3))));
            Instant created = m.drafted.plusSeconds(60L * k);
            if (created.isAfter(now)) {
                return;
            }
            List<Span> spans = new ArrayList<>();
            spans.add(new Span(created, "DRAFT", unit.id(), 0, null, false, deadline));
            if (k > 0 && random.nextInt(100) < 2) {
                spans.add(new Span(m.planReview, "WITHDRAWN", unit.id(), 0, null, false, deadline));
            } else {
                spans.add(new Span(m.started, "IN_PROGRESS", unit.id(), 0, null, false, deadline));
                if (k == 0 && m.extended != NEVER) {
                    long task = taskId;
                    Instant asked = max(m.extended.minus(Duration.ofDays(3)), m.started.plusSeconds(60));
                    extensions.row(
                            extensionId++,
                            task,
                            p.id(),
                            deadline,
                            m.extendedTo,
                            "任务量大，申请延期。",
                            "APPROVED",
                            staff,
                            asked,
                            "head." + p.lead().code(),
                            max(asked, m.extended.minus(Duration.ofDays(1))),
                            county.officeName(),
                            m.extended,
                            0);
                    deadline = m.extendedTo;
                    spans.add(new Span(m.extended, "IN_PROGRESS", unit.id(), 0, null, false, deadline));
                }
                Instant done = k == 0 || m.done == NEVER ? m.done : between(m.started, m.done, random.nextDouble());
                if (m.done == NEVER && random.nextBoolean()) {
                    done = between(m.started, now, random.nextDouble());
                }
                signOff(spans, unit.id(), done, p.type(), deadline);
                if (k == 0 && m.relapsed != NEVER) {
                    LocalDate again = workday(day(m.relapsed).plusDays(30));
                    spans.add(new Span(m.relapsed, "IN_PROGRESS", unit.id(), 0, null, false, again));
                    signOff(spans, unit.id(), m.doneAgain, p.type(), again);
                }
            }
            writeTask(p, k, unit, spans, created, staff);
        }
    }

    /** Applied for, confirmed by the head, signed off by the office (standing, for a long-term measure). */
    private void signOff(List<Span> spans, Long unit, Instant done, String type, LocalDate deadline) {
        if (done == NEVER) {
            return;
        }
        Instant previous = spans.get(spans.size() - 1).from();
        Instant applied = max(done.minus(Duration.ofDays(2)), previous.plusSeconds(60));
        Instant confirmed = max(done.minus(Duration.ofDays(1)), applied.plusSeconds(60));
        Instant signed = max(done, confirmed.plusSeconds(60));
        spans.add(new Span(applied, "AWAITING_CONFIRMATION", unit, 0, null, false, deadline));
        spans.add(new Span(confirmed, "UNDER_REVIEW", unit, 0, null, false, deadline));
        spans.add(
                new Span(signed, type.equals("LONG_TERM") ? "STANDING" : "SIGNED_OFF", unit, 0, null, false, deadline));
    }

    private void writeTask(Problem p, int k, ScaleOrg.Unit unit, List<Span> all, Instant created, String staff) {
        long id = taskId++;
        List<Span> spans = all.stream().filter(s -> !s.from().isAfter(now)).toList();
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            taskHistory.row(
                    taskSpanId++,
                    id,
                    p.id(),
                    s.from(),
                    i + 1 < spans.size() ? spans.get(i + 1).from() : null,
                    s.unit(),
                    s.status(),
                    p.type(),
                    s.deadline());
        }
        Span last = spans.get(spans.size() - 1);
        boolean done = last.status().equals("SIGNED_OFF") || last.status().equals("STANDING");
        boolean longTerm = p.type().equals("LONG_TERM");
        tasks.row(
                id,
                p.id(),
                k + 1,
                "整改措施" + (k + 1) + "：" + TOPICS[random.nextInt(TOPICS.length)] + "专项整治",
                "问题整改到位，佐证材料齐全",
                unit.id(),
                p.type(),
                last.deadline(),
                longTerm ? "QUARTERLY" : null,
                longTerm && !last.status().equals("DRAFT") ? day(last.from()).plusMonths(3) : null,
                last.status(),
                done ? 100 : last.status().equals("DRAFT") ? 0 : 10 * random.nextInt(10),
                created,
                staff,
                done ? last.from() : null,
                0);
    }

    /** An order a week after the deadline for 60 % of the problems still unfinished then. */
    private void supervise(Problem p, Moments m, ScaleOrg.County county) {
        if (p.deadline() == null || m.extended != NEVER) {
            return;
        }
        Instant issued = at(p.deadline().plusDays(7)).plus(Duration.ofHours(1));
        if (issued.isAfter(now) || !m.done.isAfter(issued) || random.nextInt(100) >= 60) {
            return;
        }
        long id = orderId++;
        Instant answered = later(issued, 2, 4);
        Instant accepted = later(answered, 1, 3);
        boolean isAnswered = !answered.isAfter(now);
        boolean isAccepted = !accepted.isAfter(now) && (m.done != NEVER || random.nextBoolean());
        orders.row(
                id,
                "督办〔" + day(issued).getYear() + "〕" + id + "号",
                p.id(),
                county.unit().id(),
                p.lead().id(),
                county.leader(),
                true,
                "该问题已逾期，请于5个工作日内书面说明情况并加快整改。",
                day(issued).plusDays(7),
                isAccepted ? "ACCEPTED" : isAnswered ? "ANSWERED" : "ISSUED",
                "system",
                issued,
                isAnswered ? "已制定追赶计划，正在加快整改。" : null,
                isAnswered ? "head." + p.lead().code() : null,
                isAnswered ? answered : null,
                isAccepted ? county.officeName() : null,
                isAccepted ? accepted : null,
                0);
    }

    // ---- helpers ----

    /** The lead unit (the poverty bureau twice as likely), then none to two others, villages among them. */
    private List<ScaleOrg.Unit> units(ScaleOrg.County county) {
        List<ScaleOrg.Unit> pool = county.leadUnits();
        List<ScaleOrg.Unit> units = new ArrayList<>();
        units.add(random.nextInt(pool.size() + 1) == pool.size() ? pool.get(0) : pool.get(random.nextInt(pool.size())));
        int co = random.nextInt(3);
        while (units.size() < co + 1) {
            ScaleOrg.Unit other = random.nextInt(4) == 0
                    ? county.villages().get(random.nextInt(county.villages().size()))
                    : pool.get(random.nextInt(pool.size()));
            if (!units.contains(other)) {
                units.add(other);
            }
        }
        return units;
    }

    private String pick(String[] values, int... weights) {
        int roll = random.nextInt(100);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** A time in office hours (China) of the day. */
    private Instant at(LocalDate day) {
        return day.atTime(9, 0).atZone(Zones.CHINA).toInstant().plusSeconds(random.nextInt(8 * 3600));
    }

    /** Some working hours, {@code min} to {@code max} days after {@code t}; NEVER stays NEVER. */
    private Instant later(Instant t, int min, int max) {
        if (t == NEVER) {
            return NEVER;
        }
        return t.plus(Duration.ofDays(min + random.nextInt(max - min + 1))).plusSeconds(600 + random.nextInt(6 * 3600));
    }

    private static Instant between(Instant a, Instant b, double share) {
        if (a == NEVER || b == NEVER || !b.isAfter(a)) {
            return a;
        }
        return a.plusSeconds((long) ((b.getEpochSecond() - a.getEpochSecond()) * share));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate day(Instant t) {
        return t.atZone(Zones.CHINA).toLocalDate();
    }

    private static LocalDate workday(LocalDate d) {
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Monday to Friday from the day after {@code from} up to {@code to}. */
    private static int workingDays(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            days += d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : 1;
        }
        return days;
    }

    private static String shortName(ScaleOrg.Unit unit) {
        return unit.code().substring(unit.code().indexOf('-') + 1);
    }
}

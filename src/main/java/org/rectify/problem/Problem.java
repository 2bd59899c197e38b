package org.rectify.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.*;
import org.hibernate.annotations.BatchSize;
import org.rectify.audit.AuditEntry;
import org.rectify.common.ConflictException;
import org.rectify.common.Label;
import org.rectify.deadline.DeadlineColour;
import org.rectify.deadline.DeadlineType;
import org.springframework.data.domain.AbstractAggregateRoot;

import static org.rectify.audit.AuditEntry.state;
import static org.rectify.problem.ProblemStatus.*;

/**
 * A problem of the problem list (问题清单) with its responsibility and deadline data. Every state
 * change is a method here that checks the transition (409 otherwise) and registers a past-tense
 * {@link ProblemEvent} with a before/after summary.
 */
@Entity
@Table(name = "problem")
@EntityListeners(ProblemHistory.class)
public class Problem extends AbstractAggregateRoot<Problem> {

    static final String TARGET = "PROBLEM";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long roundId;
    private Long regionId;
    private String regionPath;
    private String number;
    private String title;
    private String description;
    private String categoryCode;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private String rectificationGoal;

    @Enumerated(EnumType.STRING)
    private ProblemStatus status;

    private Long leadUnitId;
    private Long responsibleLeaderId;
    private Long unitHeadId;
    private Long personInChargeId;

    @Enumerated(EnumType.STRING)
    private DeadlineType deadlineType;

    private LocalDate deadlineDate;
    private Instant registeredAt;
    private String registeredBy;
    private Instant closedAt;
    private int relapseCount;

    /** The problem this one is a self-inspection (举一反三) after; null for any other problem. */
    @Column(name = "origin_problem_id")
    private Long originProblemId;
    // Eager: every use of a problem needs its units (scope, views); by id it is one joined select.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "problem_unit", joinColumns = @JoinColumn(name = "problem_id"))
    @BatchSize(size = 100)
    private Set<ProblemUnit> units = new HashSet<>();

    @Version
    private long version;

    protected Problem() {}

    Problem(Long roundId, Long regionId, String regionPath, NewProblem cmd, Instant now, String by) {
        this.roundId = roundId;
        this.regionId = regionId;
        this.regionPath = regionPath;
        this.number = cmd.number();
        this.title = cmd.title();
        this.description = cmd.description();
        this.categoryCode = cmd.categoryCode();
        this.severity = cmd.severity() == null ? Severity.GENERAL : cmd.severity();
        this.rectificationGoal = cmd.rectificationGoal();
        this.status = REGISTERED;
        this.registeredAt = now;
        this.registeredBy = by;
    }

    /** Responsibility known at registration is recorded now; triage confirms or changes it. */
    void proposeResponsibility(Responsibility r) {
        applyResponsibility(r);
    }

    @PostPersist
    void registered() {
        registerEvent(new ProblemEvent.Registered(
                id,
                regionId,
                entry(
                        "PROBLEM_REGISTERED",
                        null,
                        state(
                                "number",
                                number,
                                "title",
                                title,
                                "status",
                                status,
                                "leadUnitId",
                                leadUnitId,
                                "deadlineType",
                                deadlineType,
                                "deadlineDate",
                                deadlineDate))));
    }

    void triage(String categoryCode, Severity severity, String goal, Responsibility r) {
        expect(REGISTERED);
        Map<String, Object> before = responsibilityState();
        this.categoryCode = categoryCode;
        this.severity = severity;
        if (goal != null) {
            this.rectificationGoal = goal;
        }
        applyResponsibility(r);
        status = ASSIGNED;
        Map<String, Object> after = responsibilityState();
        after.put("categoryCode", categoryCode);
        after.put("severity", severity);
        registerEvent(
                new ProblemEvent.Triaged(id, leadUnitId, responsibleLeaderId, entry("PROBLEM_TRIAGED", before, after)));
    }

    /** The office corrects the classification and goal of an open problem; a change of nothing records nothing. */
    void edit(String categoryCode, Severity severity, String goal) {
        expect(REGISTERED, ASSIGNED, RETURNED, PLANNING, PLAN_REVIEW, IN_PROGRESS, CLOSURE_REVIEW);
        Map<String, Object> before = state(
                "categoryCode", this.categoryCode, "severity", this.severity, "rectificationGoal", rectificationGoal);
        Map<String, Object> after =
                state("categoryCode", categoryCode, "severity", severity, "rectificationGoal", goal);
        if (before.equals(after)) {
            return;
        }
        this.categoryCode = categoryCode;
        this.severity = severity;
        this.rectificationGoal = goal;
        registerEvent(new ProblemEvent.Edited(id, entry("PROBLEM_EDITED", before, after)));
    }

    /** The version of the problem an edit was made on is still the current one. */
    boolean isAtVersion(long seen) {
        return version == seen;
    }

    void claim(Long unitHeadId, Long personInChargeId) {
        expect(ASSIGNED);
        this.unitHeadId = unitHeadId;
        this.personInChargeId = personInChargeId;
        status = PLANNING;
        registerEvent(new ProblemEvent.Claimed(
                id,
                entry(
                        "PROBLEM_CLAIMED",
                        state("status", ASSIGNED),
                        state(
                                "status",
                                status,
                                "leadUnitId",
                                leadUnitId,
                                "unitHeadId",
                                unitHeadId,
                                "personInChargeId",
                                personInChargeId))));
    }

    void returnToOffice(String reason) {
        expect(ASSIGNED);
        status = RETURNED;
        registerEvent(new ProblemEvent.Returned(
                id,
                entry("PROBLEM_RETURNED", state("status", ASSIGNED, "leadUnitId", leadUnitId), state("status", status))
                        .because(reason)));
    }

    void reassign(Responsibility r, String reason) {
        expect(RETURNED);
        Map<String, Object> before = responsibilityState();
        applyResponsibility(r);
        unitHeadId = null;
        personInChargeId = null;
        status = ASSIGNED;
        registerEvent(new ProblemEvent.Reassigned(
                id,
                leadUnitId,
                responsibleLeaderId,
                entry("PROBLEM_REASSIGNED", before, responsibilityState()).because(reason)));
    }

    void submitPlan(int openTasks) {
        expect(PLANNING);
        if (openTasks == 0) {
            throw new ConflictException("rule.plan.noOpenTask", "the plan has no open task to submit");
        }
        status = PLAN_REVIEW;
        registerEvent(new ProblemEvent.PlanSubmitted(
                id,
                entry("PLAN_SUBMITTED", state("status", PLANNING), state("status", status, "openTasks", openTasks))));
    }

    void approvePlan(List<Long> startedTaskIds) {
        expect(PLAN_REVIEW);
        status = IN_PROGRESS;
        registerEvent(new ProblemEvent.PlanApproved(
                id,
                entry(
                        "PLAN_APPROVED",
                        state("status", PLAN_REVIEW),
                        state("status", status, "startedTaskIds", startedTaskIds))));
    }

    void sendBackPlan(String reason) {
        expect(PLAN_REVIEW);
        status = PLANNING;
        registerEvent(new ProblemEvent.PlanSentBack(
                id,
                entry("PLAN_SENT_BACK", state("status", PLAN_REVIEW), state("status", status))
                        .because(reason)));
    }

    void awaitClosure() {
        expect(IN_PROGRESS);
        status = CLOSURE_REVIEW;
        registerEvent(new ProblemEvent.ClosureRequested(
                id, entry("CLOSURE_REQUESTED", state("status", IN_PROGRESS), state("status", status))));
    }

    void close(Instant now, String comment) {
        expect(CLOSURE_REVIEW);
        status = CLOSED;
        closedAt = now;
        registerEvent(new ProblemEvent.Closed(
                id,
                entry("PROBLEM_CLOSED", state("status", CLOSURE_REVIEW), state("status", status, "closedAt", now))
                        .because(comment)));
    }

    void sendBackClosure(String reason) {
        expect(CLOSURE_REVIEW);
        status = PLANNING;
        registerEvent(new ProblemEvent.ClosureSentBack(
                id,
                entry("CLOSURE_SENT_BACK", state("status", CLOSURE_REVIEW), state("status", status))
                        .because(reason)));
    }

    void verify(String finding) {
        expect(CLOSED, VERIFIED);
        ProblemStatus before = status;
        status = VERIFIED;
        registerEvent(new ProblemEvent.Verified(
                id,
                entry("PROBLEM_VERIFIED", state("status", before), state("status", status))
                        .because(finding)));
    }

    /** A relapse reopens the problem for a new plan, by a new deadline; the lead unit stays responsible. */
    void reopen(String finding, LocalDate newDeadline) {
        expect(CLOSED, VERIFIED);
        Map<String, Object> before = state(
                "status", status, "deadlineDate", deadlineDate, "closedAt", closedAt, "relapseCount", relapseCount);
        status = PLANNING;
        relapseCount++;
        closedAt = null;
        if (newDeadline != null) {
            deadlineType = deadlineType == DeadlineType.LONG_TERM ? deadlineType : DeadlineType.TIME_LIMITED;
            deadlineDate = deadlineType.needsDate() ? newDeadline : null;
        }
        registerEvent(new ProblemEvent.Reopened(
                id,
                regionId,
                leadUnitId,
                responsibleLeaderId,
                entry(
                                "PROBLEM_REOPENED",
                                before,
                                state("status", status, "deadlineDate", deadlineDate, "relapseCount", relapseCount))
                        .because(finding)));
    }

    private void applyResponsibility(Responsibility r) {
        leadUnitId = r.lead().unitId();
        responsibleLeaderId = r.responsibleLeaderId();
        deadlineType = r.deadlineType();
        deadlineDate = r.deadlineDate();
        units.clear();
        units.add(r.lead());
        units.addAll(r.coUnits());
    }

    private Map<String, Object> responsibilityState() {
        return state(
                "status",
                status,
                "leadUnitId",
                leadUnitId,
                "coUnitIds",
                coUnitIds(),
                "responsibleLeaderId",
                responsibleLeaderId,
                "deadlineType",
                deadlineType,
                "deadlineDate",
                deadlineDate);
    }

    private void expect(ProblemStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new ConflictException(
                    "rule.problem.wrongStatus",
                    "problem " + number + " is " + status + "; this action needs " + Arrays.toString(allowed),
                    number,
                    Label.of("problemStatus.", status),
                    Label.all("problemStatus.", (Object[]) allowed));
        }
    }

    private AuditEntry entry(String action, Map<String, Object> before, Map<String, Object> after) {
        return AuditEntry.of(action, TARGET, id, id, before, after);
    }

    /** What {@link ProblemHistory} keeps of this problem's state. */
    ProblemHistory.State historyState() {
        return new ProblemHistory.State(
                roundId,
                regionPath,
                leadUnitId,
                categoryCode,
                severity,
                status,
                deadlineType,
                deadlineDate,
                registeredAt,
                closedAt,
                relapseCount);
    }

    public List<Long> coUnitIds() {
        return units.stream()
                .filter(u -> u.role() == UnitRole.CO)
                .map(ProblemUnit::unitId)
                .sorted()
                .toList();
    }

    public List<String> unitPaths() {
        return units.stream().map(ProblemUnit::unitPath).toList();
    }

    public boolean isLeadUnit(Long unitId) {
        return leadUnitId != null && leadUnitId.equals(unitId);
    }

    public boolean isResponsibleUnit(Long unitId) {
        return units.stream().anyMatch(u -> u.unitId().equals(unitId));
    }

    /** The problem without its colour, which needs today's date and the calendar (see {@link ProblemViews}). */
    public ProblemView view() {
        return view(null);
    }

    ProblemView view(DeadlineColour colour) {
        return new ProblemView(
                id,
                roundId,
                regionId,
                number,
                title,
                description,
                categoryCode,
                severity,
                rectificationGoal,
                status,
                leadUnitId,
                coUnitIds(),
                responsibleLeaderId,
                unitHeadId,
                personInChargeId,
                deadlineType,
                deadlineDate,
                registeredAt,
                registeredBy,
                closedAt,
                relapseCount,
                version,
                colour);
    }

    public boolean isFinished() {
        return status.isClosed();
    }

    public Long getOriginProblemId() {
        return originProblemId;
    }

    /** Registered as a self-inspection after another unit's problem (举一反三): set once, at registration. */
    void inspectsAfter(Long originId) {
        if (originProblemId != null) {
            throw new IllegalStateException("problem " + id + " already names its origin");
        }
        this.originProblemId = originId;
    }

    public int getRelapseCount() {
        return relapseCount;
    }

    public Long getRoundId() {
        return roundId;
    }

    public Long getId() {
        return id;
    }

    public ProblemStatus getStatus() {
        return status;
    }

    public Long getLeadUnitId() {
        return leadUnitId;
    }

    public Long getRegionId() {
        return regionId;
    }

    public String getRegionPath() {
        return regionPath;
    }

    public Long getResponsibleLeaderId() {
        return responsibleLeaderId;
    }

    public DeadlineType getDeadlineType() {
        return deadlineType;
    }

    public LocalDate getDeadlineDate() {
        return deadlineDate;
    }

    public String getNumber() {
        return number;
    }

    Set<ProblemUnit> getUnits() {
        return new HashSet<>(units);
    }
}

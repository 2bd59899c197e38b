package org.rectify.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import jakarta.persistence.*;
import org.rectify.audit.AuditEntry;
import org.rectify.common.ConflictException;
import org.rectify.common.InvalidInputException;
import org.rectify.common.Label;
import org.rectify.deadline.DeadlineColour;
import org.rectify.deadline.DeadlineType;
import org.springframework.data.domain.AbstractAggregateRoot;

import static org.rectify.audit.AuditEntry.state;
import static org.rectify.task.TaskStatus.*;

/** A rectification task (整改任务/措施) of the task list, with its unit, deadline and progress. */
@Entity
@Table(name = "rectification_task")
@EntityListeners(TaskHistory.class)
public class RectificationTask extends AbstractAggregateRoot<RectificationTask> {

    static final String TARGET = "TASK";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long problemId;
    private int seq;
    private String measure;
    private String completionCriterion;
    private Long unitId;

    @Enumerated(EnumType.STRING)
    private DeadlineType deadlineType;

    private LocalDate deadlineDate;

    @Enumerated(EnumType.STRING)
    private ReportCycle reportCycle;

    private LocalDate nextReportDue;

    @Enumerated(EnumType.STRING)
    private TaskStatus status;

    private int progressPercent;
    private Instant createdAt;
    private String createdBy;
    private Instant signedOffAt;

    @Version
    private long version;

    protected RectificationTask() {}

    RectificationTask(Long problemId, int seq, TaskDraft draft, Long unitId, Instant now, String by) {
        this.problemId = problemId;
        this.seq = seq;
        this.status = DRAFT;
        this.createdAt = now;
        this.createdBy = by;
        apply(draft, unitId);
    }

    @PostPersist
    void drafted() {
        registerEvent(new TaskEvent.Drafted(entry("TASK_DRAFTED", null, planState())));
    }

    void revise(TaskDraft draft, Long unitId) {
        expect(DRAFT, REOPENED);
        Map<String, Object> before = planState();
        apply(draft, unitId);
        registerEvent(new TaskEvent.Revised(entry("TASK_REVISED", before, planState())));
    }

    void withdraw(String reason) {
        expect(DRAFT);
        status = WITHDRAWN;
        registerEvent(new TaskEvent.Withdrawn(entry("TASK_WITHDRAWN", state("status", DRAFT), state("status", status))
                .because(reason)));
    }

    void reopen(String reason) {
        expect(SIGNED_OFF, STANDING);
        TaskStatus before = status;
        status = REOPENED;
        signedOffAt = null;
        nextReportDue = null;
        registerEvent(new TaskEvent.Reopened(entry("TASK_REOPENED", state("status", before), state("status", status))
                .because(reason)));
    }

    void start() {
        expect(DRAFT, REOPENED);
        TaskStatus before = status;
        status = IN_PROGRESS;
        registerEvent(new TaskEvent.Started(entry("TASK_STARTED", state("status", before), state("status", status))));
    }

    void reportProgress(int percent, Long reportId, LocalDate today) {
        expect(IN_PROGRESS, STANDING);
        if (percent < 0 || percent > 100) {
            throw new InvalidInputException(
                    "percent", "rule.task.percentRange", "progress is a percentage from 0 to 100");
        }
        int before = progressPercent;
        if (status == STANDING) {
            nextReportDue = reportCycle.next(today);
        } else {
            progressPercent = percent;
        }
        registerEvent(new TaskEvent.ProgressReported(entry(
                "PROGRESS_REPORTED",
                state("progressPercent", before),
                state(
                        "progressPercent",
                        progressPercent,
                        "progressReportId",
                        reportId,
                        "nextReportDue",
                        nextReportDue))));
    }

    /** The file's record, with the photo's original and EXIF facts where there are any. */
    void evidenceAdded(EvidenceView evidence) {
        Map<String, Object> after = state(
                "evidenceId",
                evidence.id(),
                "fileName",
                evidence.fileName(),
                "sizeBytes",
                evidence.sizeBytes(),
                "sha256",
                evidence.sha256(),
                "progressReportId",
                evidence.progressReportId(),
                "signOffId",
                evidence.signOffId(),
                "extensionId",
                evidence.extensionId(),
                "originalSha256",
                evidence.originalSha256(),
                "originalSize",
                evidence.originalSize());
        Map<String, Object> photo = state(
                "takenAt",
                evidence.takenAt() == null ? null : evidence.takenAt().toString(),
                "latitude",
                evidence.latitude(),
                "longitude",
                evidence.longitude(),
                "photoNote",
                evidence.photoNotes().isEmpty() ? null : PhotoNote.join(evidence.photoNotes()));
        photo.values().removeIf(java.util.Objects::isNull);
        after.putAll(photo);
        registerEvent(new TaskEvent.EvidenceAdded(entry("EVIDENCE_ADDED", null, after)));
    }

    /** An approved extension (延期) moves the deadline; only an open task with a deadline can be extended. */
    void extendDeadline(LocalDate newDeadline, Long extensionId) {
        expect(IN_PROGRESS, AWAITING_CONFIRMATION, UNDER_REVIEW);
        LocalDate before = deadlineDate;
        deadlineDate = newDeadline;
        registerEvent(new TaskEvent.DeadlineExtended(entry(
                "TASK_DEADLINE_EXTENDED",
                state("deadlineDate", before),
                state("deadlineDate", newDeadline, "extensionId", extensionId))));
    }

    // ---- the sign-off path; its audit records are the sign-off application's ----

    void requestSignOff() {
        expect(IN_PROGRESS);
        status = AWAITING_CONFIRMATION;
    }

    void headConfirmed() {
        expect(AWAITING_CONFIRMATION);
        status = UNDER_REVIEW;
    }

    void headReturned() {
        expect(AWAITING_CONFIRMATION);
        status = IN_PROGRESS;
    }

    void signOffRejected() {
        expect(UNDER_REVIEW);
        status = IN_PROGRESS;
    }

    /** Long-term tasks become standing measures with their next periodic report due; others are signed off. */
    void signOffApproved(Instant now, LocalDate today) {
        expect(UNDER_REVIEW);
        signedOffAt = now;
        progressPercent = 100;
        if (deadlineType == DeadlineType.LONG_TERM) {
            status = STANDING;
            nextReportDue = reportCycle.next(today);
        } else {
            status = SIGNED_OFF;
        }
    }

    private void apply(TaskDraft draft, Long unitId) {
        this.measure = draft.measure();
        this.completionCriterion = draft.completionCriterion();
        this.unitId = unitId;
        this.deadlineType = draft.deadlineType();
        this.deadlineDate = draft.deadlineType().needsDate() ? draft.deadlineDate() : null;
        this.reportCycle = draft.deadlineType() == DeadlineType.LONG_TERM ? draft.reportCycle() : null;
    }

    private Map<String, Object> planState() {
        return state(
                "seq",
                seq,
                "measure",
                measure,
                "completionCriterion",
                completionCriterion,
                "unitId",
                unitId,
                "deadlineType",
                deadlineType,
                "deadlineDate",
                deadlineDate,
                "reportCycle",
                reportCycle,
                "status",
                status);
    }

    private void expect(TaskStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new ConflictException(
                    "rule.task.wrongStatus",
                    "task " + id + " is " + status + "; this action needs " + Arrays.toString(allowed),
                    id,
                    Label.of("taskStatus.", status),
                    Label.all("taskStatus.", (Object[]) allowed));
        }
    }

    private AuditEntry entry(String action, Map<String, Object> before, Map<String, Object> after) {
        return AuditEntry.of(action, TARGET, id, problemId, before, after);
    }

    /** The task without its colour, which needs today's date and the calendar (see {@link TaskViews}). */
    /** What {@link TaskHistory} keeps of this task's state. */
    TaskHistory.State historyState() {
        return new TaskHistory.State(problemId, unitId, status, deadlineType, deadlineDate);
    }

    public TaskView view() {
        return view(null);
    }

    TaskView view(DeadlineColour colour) {
        return new TaskView(
                id,
                problemId,
                seq,
                measure,
                completionCriterion,
                unitId,
                deadlineType,
                deadlineDate,
                reportCycle,
                nextReportDue,
                status,
                progressPercent,
                createdAt,
                createdBy,
                signedOffAt,
                version,
                colour);
    }

    public DeadlineType getDeadlineType() {
        return deadlineType;
    }

    public LocalDate getDeadlineDate() {
        return deadlineDate;
    }

    public Long getId() {
        return id;
    }

    public Long getProblemId() {
        return problemId;
    }

    public Long getUnitId() {
        return unitId;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public int getSeq() {
        return seq;
    }
}

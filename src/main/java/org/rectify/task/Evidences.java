package org.rectify.task;

import java.time.Clock;
import java.util.List;

import org.rectify.common.InvalidInputException;
import org.rectify.common.NotFoundException;
import org.rectify.common.UploadedFile;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Evidence files of tasks: attached by progress reports and sign-off applications, read within scope. */
@Service
@Transactional
public class Evidences {

    static final int MAX_FILES = 20;

    private final EvidenceRepository evidence;
    private final EvidenceStore store;
    private final Tasks tasks;
    private final Clock clock;

    Evidences(EvidenceRepository evidence, EvidenceStore store, Tasks tasks, Clock clock) {
        this.evidence = evidence;
        this.store = store;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * Stores the files and records them against the task (and the application they came with): for other
     * modules, which have locked the task's problem and read the task.
     */
    public List<EvidenceView> attach(Long taskId, EvidenceFor owner, List<UploadedFile> files, String by) {
        return attach(tasks.entity(taskId), owner, files, by);
    }

    /** Stores the files and records them against the task (and the report or application they came with). */
    List<EvidenceView> attach(RectificationTask task, EvidenceFor owner, List<UploadedFile> files, String by) {
        if (files.size() > MAX_FILES) {
            throw new InvalidInputException(
                    "files", "rule.evidence.tooMany", "at most " + MAX_FILES + " files at a time", MAX_FILES);
        }
        List<EvidenceView> saved = files.stream()
                .map(store::store)
                .map(f -> evidence.save(new Evidence(task.getId(), owner, f, by, clock.instant())))
                .map(Evidence::view)
                .toList();
        saved.forEach(task::evidenceAdded);
        tasks.save(task);
        return saved;
    }

    @Transactional(readOnly = true)
    public List<EvidenceView> ofTask(Long taskId) {
        tasks.visibleTask(taskId);
        return evidence.findByTaskIdOrderById(taskId).stream()
                .map(Evidence::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean hasAny(Long taskId) {
        return evidence.countByTaskId(taskId) > 0;
    }

    /** The file and its metadata, if the caller may see the task it belongs to. */
    @Transactional(readOnly = true)
    public EvidenceFile open(Long evidenceId) {
        Evidence e = evidence.findById(evidenceId).orElseThrow(() -> new NotFoundException("evidence", evidenceId));
        try {
            tasks.visibleTask(e.getTaskId());
        } catch (NotFoundException notVisible) {
            throw new NotFoundException("evidence", evidenceId);
        }
        EvidenceView view = e.view();
        return new EvidenceFile(view, store.open(view.sha256()));
    }

    public record EvidenceFile(EvidenceView metadata, Resource content) {}
}

package org.rectify.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.rectify.common.NotFoundException;
import org.rectify.common.UploadedFile;
import org.rectify.common.Zones;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.ReferenceData;
import org.rectify.inspection.RoundView;
import org.rectify.intake.FeedbackRows.ProblemRow;
import org.rectify.intake.FeedbackRows.TaskRow;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.org.Role;
import org.rectify.org.UserView;
import org.rectify.problem.NewProblem;
import org.rectify.problem.ProblemLifecycle;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.problem.ResponsibilityInput;
import org.rectify.problem.TriageProblem;
import org.rectify.similar.SimilarProblem;
import org.rectify.similar.SimilarProblems;
import org.rectify.task.TaskBreakdown;
import org.rectify.task.TaskDraft;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A round's feedback list from Excel: the template, the upload (checked row by row and kept as a preview,
 * nothing else written), and the import, all of it or nothing in one transaction, through the same steps as
 * a problem entered by hand: registered, triaged (its process started, its unit notified, both audited) and
 * its measures proposed as drafts the lead unit takes over. The same file imported into a round twice
 * imports once.
 */
@Service
@Transactional
public class FeedbackImports {

    /** A preview nobody imports is dropped after this long, with its file. */
    private static final Duration KEEP_PREVIEWS = Duration.ofDays(1);
    /**
     * Entities are flushed and let go after every problem: each step's queries make Hibernate look over every
     * entity it holds first, so a list that kept them would slow down with each problem.
     */
    private static final int FLUSH_EVERY = 1;

    private static final double LIKELY_DUPLICATE = 0.5;

    private final FeedbackImportRepository imports;
    private final InspectionRounds rounds;
    private final ReferenceData reference;
    private final OrgDirectory org;
    private final Problems problems;
    private final ProblemLifecycle lifecycle;
    private final TaskBreakdown breakdown;
    private final SimilarProblems similar;
    private final DeadlinePolicy deadlines;
    private final CurrentActor current;
    private final EntityManager entities;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxRows;
    /** Previews checked in the last minute, so that paging through one does not check its file again and again. */
    private final CheckedLately checkedLately = new CheckedLately();

    private final long maxInflated;
    private final long maxFileSize;

    FeedbackImports(
            FeedbackImportRepository imports,
            InspectionRounds rounds,
            ReferenceData reference,
            OrgDirectory org,
            Problems problems,
            ProblemLifecycle lifecycle,
            TaskBreakdown breakdown,
            SimilarProblems similar,
            DeadlinePolicy deadlines,
            CurrentActor current,
            EntityManager entities,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${rectify.import.max-rows:50000}") int maxRows,
            @Value("${rectify.import.max-inflated-mb:256}") long maxInflatedMb,
            @Value("${rectify.import.max-file-mb:20}") long maxFileMb) {
        this.imports = imports;
        this.rounds = rounds;
        this.reference = reference;
        this.org = org;
        this.problems = problems;
        this.lifecycle = lifecycle;
        this.breakdown = breakdown;
        this.similar = similar;
        this.deadlines = deadlines;
        this.current = current;
        this.entities = entities;
        this.events = events;
        this.clock = clock;
        this.maxRows = maxRows;
        this.maxInflated = maxInflatedMb << 20;
        this.maxFileSize = maxFileMb << 20;
    }

    /** The template for a round: its region's units and leaders on the instructions sheet. */
    @Transactional(readOnly = true)
    public byte[] template(Long roundId) {
        current.get().require(Role.OFFICE);
        RoundView round = rounds.get(roundId);
        return FeedbackTemplate.write(round, reference.categories(), units(round), leaders(round));
    }

    /**
     * Checks an upload and keeps it as a preview (the same file uploaded again by the same person is the same
     * preview); a file already imported into the round is not kept again, and the preview says so.
     */
    public ImportPreview preview(Long roundId, UploadedFile file) {
        Checked checked = checkUpload(roundId, file);
        if (checked.earlier() != null) {
            return new ImportPreview(checked.earlier().view(), true, List.of(), List.of(), 0);
        }
        return checkedLately.put(
                checked.upload().getId(),
                clock.instant(),
                preview(checked.upload().view(), checked.round(), checked.rows()));
    }

    /** An upload checked and kept as a preview; or, when the round has imported the same file, that import. */
    private record Checked(RoundView round, FeedbackImport upload, FeedbackRows rows, FeedbackImport earlier) {}

    private Checked checkUpload(Long roundId, UploadedFile file) {
        Actor office = current.get().require(Role.OFFICE);
        RoundView round = rounds.get(roundId);
        byte[] bytes = bytes(file);
        String sha = sha256(bytes);
        var earlier = imports.findFirstByRoundIdAndFileSha256AndStatus(roundId, sha, FeedbackImport.Status.IMPORTED);
        if (earlier.isPresent()) {
            return new Checked(round, null, null, earlier.get());
        }
        FeedbackRows rows = check(round, bytes);
        imports.deletePreviewsBefore(clock.instant().minus(KEEP_PREVIEWS));
        FeedbackImport preview = imports.findFirstByRoundIdAndFileSha256AndStatusAndCreatedBy(
                        roundId, sha, FeedbackImport.Status.PREVIEWED, office.username())
                .orElseGet(() -> imports.save(new FeedbackImport(
                        roundId,
                        round.regionPath(),
                        name(file),
                        sha,
                        bytes,
                        rows.problems().size(),
                        rows.tasks(),
                        clock.instant(),
                        office.username())));
        return new Checked(round, preview, rows, null);
    }

    /** A preview again (a page of its rows), from its file as kept. */
    @Transactional(readOnly = true)
    public ImportPreview preview(Long importId) {
        FeedbackImport upload = visible(importId);
        RoundView round = rounds.get(upload.getRoundId());
        if (upload.getStatus() == FeedbackImport.Status.IMPORTED) {
            return new ImportPreview(upload.view(), true, List.of(), List.of(), 0);
        }
        return checkedLately
                .get(importId, clock.instant())
                .orElseGet(() -> checkedLately.put(
                        importId, clock.instant(), preview(upload.view(), round, check(round, upload.getContent()))));
    }

    /**
     * Imports a previewed list: checked again (the round and the calendar may have changed since), then every
     * problem and measure in one transaction. A list with issues is refused whole ({@link ImportRefused}); a
     * file imported meanwhile imports nothing and answers with the earlier import.
     */
    public ImportResult commit(Long importId) {
        current.get().require(Role.OFFICE);
        FeedbackImport upload = imports.lockById(importId)
                .filter(this::inScope)
                .orElseThrow(() -> new NotFoundException("import", importId));
        RoundView round = rounds.get(upload.getRoundId());
        return alreadyImported(upload).orElseGet(() -> write(upload, round, check(round, upload.getContent())));
    }

    /** The same file imported into the round before (this upload, or another of the same bytes), if it was. */
    private Optional<ImportResult> alreadyImported(FeedbackImport upload) {
        if (upload.getStatus() == FeedbackImport.Status.IMPORTED) {
            return Optional.of(new ImportResult(upload.view(), true, List.of()));
        }
        return imports.findFirstByRoundIdAndFileSha256AndStatus(
                        upload.getRoundId(), upload.getFileSha256(), FeedbackImport.Status.IMPORTED)
                .map(earlier -> new ImportResult(earlier.view(), true, List.of()));
    }

    /** Registers every problem of a list checked in this transaction, or nothing if it has issues. */
    private ImportResult write(FeedbackImport upload, RoundView round, FeedbackRows rows) {
        if (!rows.clean()) {
            throw new ImportRefused(rows.issues());
        }
        // Marked first and flushed, so that the entities let go below leave the import's row written.
        upload.imported(
                rows.problems().size(),
                rows.tasks(),
                clock.instant(),
                current.get().username());
        imports.save(upload);
        Long importId = upload.getId();
        entities.flush();
        List<Long> made = new ArrayList<>(rows.problems().size());
        int n = 0;
        for (ProblemRow row : rows.problems()) {
            made.add(register(round, row));
            if (++n % FLUSH_EVERY == 0) {
                entities.flush();
                entities.clear();
            }
        }
        return new ImportResult(imports.findById(importId).orElseThrow().view(), false, made);
    }

    /** The API's one step: check, and import when the list has no issues. */
    public ImportResult importFile(Long roundId, UploadedFile file) {
        Checked checked = checkUpload(roundId, file);
        if (checked.earlier() != null) {
            return new ImportResult(checked.earlier().view(), true, List.of());
        }
        FeedbackImport upload = imports.lockById(checked.upload().getId()).orElseThrow();
        // Checked a moment ago in this transaction: imported as checked, not read again.
        return alreadyImported(upload).orElseGet(() -> write(upload, checked.round(), checked.rows()));
    }

    /** The round's imported lists, newest first. */
    @Transactional(readOnly = true)
    public List<ImportView> imported(Long roundId) {
        current.get().require(Role.OFFICE);
        rounds.get(roundId);
        return imports.findByRoundIdAndStatusOrderByIdDesc(roundId, FeedbackImport.Status.IMPORTED).stream()
                .map(FeedbackImport::view)
                .toList();
    }

    /** An upload's file as it was uploaded. */
    @Transactional(readOnly = true)
    public StoredUpload file(Long importId) {
        FeedbackImport upload = visible(importId);
        return new StoredUpload(upload.getFileName(), upload.getContent());
    }

    /** The file of an upload, as kept. */
    public record StoredUpload(String fileName, byte[] content) {}

    /**
     * The registered problems most like each of these rows (a page of a preview), by row number: those alike by
     * at least half their terms; unknown (not ready) while the similar-problem index is being built.
     */
    @Transactional(readOnly = true)
    public LikelyDuplicates likelyDuplicates(List<ImportPreview.Row> rows) {
        Map<Integer, List<SimilarProblem>> likely = new LinkedHashMap<>();
        try {
            for (ImportPreview.Row row : rows) {
                List<SimilarProblem> alike =
                        similar
                                .likeText(SimilarProblems.text(row.title(), row.description()), row.categoryCode(), 3)
                                .stream()
                                .filter(s -> s.score() >= LIKELY_DUPLICATE)
                                .toList();
                if (!alike.isEmpty()) {
                    likely.put(row.row(), alike);
                }
            }
        } catch (SimilarProblems.IndexNotReadyException notYet) {
            return new LikelyDuplicates(false, Map.of());
        }
        return new LikelyDuplicates(true, likely);
    }

    /** Rows that look like registered problems, by row number; none known while the index is not ready. */
    public record LikelyDuplicates(boolean ready, Map<Integer, List<SimilarProblem>> byRow) {}

    private Long register(RoundView round, ProblemRow row) {
        ProblemView problem = lifecycle.register(new NewProblem(
                round.id(),
                row.number(),
                row.title(),
                row.description(),
                row.categoryCode(),
                row.severity(),
                row.goal(),
                null));
        lifecycle.triage(
                problem.id(),
                new TriageProblem(
                        row.categoryCode(),
                        row.severity(),
                        row.goal(),
                        new ResponsibilityInput(
                                row.leadUnitId(),
                                row.coUnitIds(),
                                row.leaderId(),
                                row.deadlineType(),
                                row.deadline())));
        if (!row.tasks().isEmpty()) {
            breakdown.proposeForAssigned(
                    problem.id(),
                    row.tasks().stream().map(FeedbackImports::draft).toList());
        }
        return problem.id();
    }

    private static TaskDraft draft(TaskRow t) {
        return new TaskDraft(t.measure(), t.criterion(), t.unitId(), t.deadlineType(), t.deadline(), t.reportCycle());
    }

    private FeedbackRows check(RoundView round, byte[] bytes) {
        Path file = null;
        try {
            file = Files.createTempFile("rectify-import-", ".xlsx");
            Files.write(file, bytes);
            new XlsxGuard(maxInflated).check(bytes, file);
            List<XlsxSheets.Sheet> sheets = XlsxSheets.read(file, maxRows);
            FeedbackCheck.Context context = new FeedbackCheck.Context(
                    units(round),
                    leaders(round),
                    reference.categories(),
                    numbers -> problems.numbersTaken(round.id(), numbers),
                    deadlines,
                    Zones.today(clock));
            return new FeedbackCheck(context).check(sheets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary directory
                }
            }
        }
    }

    private ImportPreview preview(ImportView upload, RoundView round, FeedbackRows rows) {
        Map<Long, OrgUnitView> units =
                units(round).stream().collect(Collectors.toMap(OrgUnitView::id, Function.identity()));
        Map<Long, UserView> leaders =
                leaders(round).stream().collect(Collectors.toMap(UserView::id, Function.identity()));
        List<ImportPreview.Row> shown = rows.problems().stream()
                .map(p -> new ImportPreview.Row(
                        p.row(),
                        p.number(),
                        p.title(),
                        p.description(),
                        p.categoryCode(),
                        p.severity(),
                        name(units.get(p.leadUnitId())),
                        p.coUnitIds().stream()
                                .map(id -> name(units.get(id)))
                                .sorted()
                                .toList(),
                        leaders.containsKey(p.leaderId())
                                ? leaders.get(p.leaderId()).displayName()
                                : null,
                        p.deadlineType(),
                        p.deadline(),
                        p.tasks().size()))
                .toList();
        return new ImportPreview(upload, false, rows.issues(), shown, rows.tasks());
    }

    private static String name(OrgUnitView unit) {
        return unit == null ? null : unit.nameZh();
    }

    /** The units that can be responsible for a problem of the round: active, below its region. */
    private List<OrgUnitView> units(RoundView round) {
        return org.subtree(round.regionPath()).stream()
                .filter(u -> u.active() && !u.kind().isRegion())
                .toList();
    }

    private List<UserView> leaders(RoundView round) {
        Set<Long> inRegion =
                org.subtree(round.regionPath()).stream().map(OrgUnitView::id).collect(Collectors.toSet());
        return org.activeUsersWithAnyRole(List.of(Role.LEADER)).stream()
                .filter(u -> inRegion.contains(u.unitId()))
                .toList();
    }

    private FeedbackImport visible(Long importId) {
        current.get().require(Role.OFFICE);
        return imports.findById(importId)
                .filter(this::inScope)
                .orElseThrow(() -> new NotFoundException("import", importId));
    }

    private boolean inScope(FeedbackImport upload) {
        return upload.getRegionPath().startsWith(current.get().regionPath());
    }

    private byte[] bytes(UploadedFile file) {
        if (file == null || file.size() == 0) {
            throw new BadFileException("import.file.empty", "the file is empty");
        }
        if (file.size() > maxFileSize) {
            throw new BadFileException(
                    "import.file.tooBig",
                    "the file is larger than " + (maxFileSize >> 20) + " MB; split the list into several files",
                    maxFileSize >> 20);
        }
        try (InputStream in = file.content().getInputStream()) {
            return in.readNBytes((int) maxFileSize + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(UploadedFile file) {
        String name = file.fileName() == null || file.fileName().isBlank() ? "feedback.xlsx" : file.fileName();
        name = name.replaceAll("^.*[/\\\\]", "");
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The last few previews this node checked, each kept a minute: a file does not change, and what it is checked
     * against (the round's problems, the calendar) seldom does within a minute; the import checks it again.
     */
    private static final class CheckedLately {

        private static final Duration KEEP = Duration.ofMinutes(1);
        private static final int MAX = 4;

        private record Entry(Instant checkedAt, ImportPreview preview) {}

        private final Map<Long, Entry> entries = new LinkedHashMap<>(MAX, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
                return size() > MAX;
            }
        };

        synchronized Optional<ImportPreview> get(Long importId, Instant now) {
            Entry entry = entries.get(importId);
            if (entry == null || entry.checkedAt().plus(KEEP).isBefore(now)) {
                entries.remove(importId);
                return Optional.empty();
            }
            return Optional.of(entry.preview());
        }

        synchronized ImportPreview put(Long importId, Instant now, ImportPreview preview) {
            entries.put(importId, new Entry(now, preview));
            return preview;
        }
    }
}

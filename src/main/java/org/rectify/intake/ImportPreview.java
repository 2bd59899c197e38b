package org.rectify.intake;

import java.time.LocalDate;
import java.util.List;

import org.rectify.deadline.DeadlineType;
import org.rectify.problem.Severity;

/**
 * An uploaded feedback list as checked: the issues that stop it (none: it can be imported) and what it would
 * register, row by row, with its measures counted. {@code alreadyImported}: the same file was imported into
 * the round before; {@code upload} is then that import.
 */
public record ImportPreview(
        ImportView upload, boolean alreadyImported, List<ImportIssue> issues, List<Row> rows, int tasks) {

    public boolean importable() {
        return !alreadyImported && issues.isEmpty() && !rows.isEmpty();
    }

    /** A problem the list would register, its names as the region knows them. */
    public record Row(
            int row,
            String number,
            String title,
            String description,
            String categoryCode,
            Severity severity,
            String leadUnit,
            List<String> coUnits,
            String leader,
            DeadlineType deadlineType,
            LocalDate deadline,
            int tasks) {}
}

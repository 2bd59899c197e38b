package org.rectify.intake;

import java.util.List;

import org.rectify.common.RuleException;

/** A feedback list with issues is imported not in part but not at all: 422, with every issue. */
public class ImportRefused extends RuleException {

    private final transient List<ImportIssue> issues;

    ImportRefused(List<ImportIssue> issues) {
        super("import.refused", "the list has " + issues.size() + " issue(s); nothing was imported", issues.size());
        this.issues = List.copyOf(issues);
    }

    public List<ImportIssue> issues() {
        return issues;
    }
}

package org.rectify.intake;

import java.util.List;
import java.util.Locale;

import org.rectify.common.RuleTexts;
import org.springframework.stereotype.Component;

/** An import's issues in the reader's language: where (sheet, row, cell, column) and what. */
@Component
public class ImportTexts {

    private final RuleTexts rules;

    ImportTexts(RuleTexts rules) {
        this.rules = rules;
    }

    /** One issue as the API and the pages show it. */
    public record IssueView(String sheet, int row, String cell, String column, String code, String message) {}

    public List<IssueView> views(List<ImportIssue> issues, Locale locale) {
        return issues.stream().map(i -> view(i, locale)).toList();
    }

    public IssueView view(ImportIssue issue, Locale locale) {
        boolean zh = "zh".equals(locale.getLanguage());
        return new IssueView(
                zh ? issue.sheet().zh : issue.sheet().en,
                issue.row(),
                issue.cell(),
                issue.column() == null ? null : issue.column().header(locale),
                issue.code(),
                rules.text(issue.code(), issue.args().toArray(), issue.english(), locale));
    }
}

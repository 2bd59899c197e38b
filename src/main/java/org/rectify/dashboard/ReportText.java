package org.rectify.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The words of a report in its reader's language: texts from {@code i18n/reports*.properties}, dates as
 * the language writes them (2026年11月30日, 30 November 2026), rates with one decimal, and counts as
 * plain digits (no grouping, as official documents print them).
 */
record ReportText(Labels labels) {

    static final String NONE = "—";

    String text(String key, Object... args) {
        return labels.text(key, args);
    }

    String date(LocalDate day) {
        return DateTimeFormatter.ofPattern(labels.text("report.date.pattern"), labels.locale())
                .format(day);
    }

    String name(Named named) {
        return named == null ? NONE : labels.name(named);
    }

    /** A rate or an average with one decimal, or a dash where it has no denominator. */
    static String decimal(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A rate in percent, "16.7%", or a dash. */
    static String percent(Double rate) {
        return rate == null ? NONE : decimal(rate) + "%";
    }

    static String count(long n) {
        return Long.toString(n);
    }

    String count(Figures figures, Figure figure) {
        return count(figures.count(figure));
    }

    /** The scope of a report in one line: "县扶贫开发局 · 巡视“回头看”". */
    String scope(List<Named> scope) {
        return scope.stream().map(this::name).collect(Collectors.joining(" · "));
    }

    /** The unit (or region) a report is about, without its filters: "示范县". */
    String unit(List<Named> scope) {
        return scope.isEmpty() ? NONE : name(scope.get(0));
    }

    /** A unit's move in the ranking since the week before, in words. */
    String change(Dashboard.Ranked ranked) {
        Integer change = ranked.change();
        if (change == null) {
            return text("report.change.new");
        }
        if (change == 0) {
            return text("report.change.same");
        }
        return change > 0
                ? text("report.change.up", String.valueOf(change))
                : text("report.change.down", String.valueOf(-change));
    }

    /** The name of a ranking's section (departments, townships ...). */
    String section(String section) {
        return labels.messages().getMessage("report.section." + section, null, section, labels.locale());
    }
}

package org.rectify.ui;

import java.util.Locale;
import java.util.Objects;

import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.ReferenceData;
import org.rectify.inspection.ReferenceItem;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.org.UserView;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Display names for the ids the views carry, in the page's language, for templates:
 * {@code ${@names.unit(p.leadUnitId())}}. The look-ups are the directory's cached ones.
 */
@Component("names")
public class Names {

    private final OrgDirectory directory;
    private final ReferenceData reference;
    private final InspectionRounds rounds;

    Names(OrgDirectory directory, ReferenceData reference, InspectionRounds rounds) {
        this.directory = directory;
        this.reference = reference;
        this.rounds = rounds;
    }

    public String unit(Long id) {
        if (id == null) {
            return "—";
        }
        return directory.findUnit(id).map(Names::name).orElse("#" + id);
    }

    public String user(Long id) {
        if (id == null) {
            return "—";
        }
        return directory.findUser(id).map(UserView::displayName).orElse("#" + id);
    }

    public String category(String code) {
        return item(code, reference.categories());
    }

    public String source(String code) {
        return item(code, reference.sourceTypes());
    }

    public String round(Long id) {
        if (id == null) {
            return "—";
        }
        var round = rounds.get(id);
        return round.code() + " " + round.name();
    }

    static String name(OrgUnitView unit) {
        return english() && unit.nameEn() != null && !unit.nameEn().isBlank() ? unit.nameEn() : unit.nameZh();
    }

    private static String item(String code, java.util.List<ReferenceItem> items) {
        if (code == null) {
            return "—";
        }
        return items.stream()
                .filter(i -> Objects.equals(i.code(), code))
                .findFirst()
                .map(i -> english() && i.nameEn() != null && !i.nameEn().isBlank() ? i.nameEn() : i.nameZh())
                .orElse(code);
    }

    static boolean english() {
        return Locale.ENGLISH
                .getLanguage()
                .equals(LocaleContextHolder.getLocale().getLanguage());
    }
}

package org.rectify.ui;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rectify.org.CurrentActor;
import org.rectify.org.NewUnit;
import org.rectify.org.OrgAdministration;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.org.UnitKind;
import org.rectify.org.UserView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: the org tree of the region (county → departments and townships → villages), new units, renaming. */
@Controller
class AdminOrgPages {

    private final OrgAdministration administration;
    private final OrgDirectory directory;
    private final CurrentActor current;
    private final MessageSource messages;

    AdminOrgPages(
            OrgAdministration administration, OrgDirectory directory, CurrentActor current, MessageSource messages) {
        this.administration = administration;
        this.directory = directory;
        this.current = current;
        this.messages = messages;
    }

    record Rename(
            @NotBlank @Size(max = 200) String nameZh,
            @NotBlank @Size(max = 200) String nameEn) {}

    @GetMapping("/admin/org")
    String tree(Model model) {
        // The account counts come from the admin-only user list, which also makes the page ADMIN's alone.
        Map<Long, Long> accounts =
                administration.users().stream().collect(Collectors.groupingBy(UserView::unitId, Collectors.counting()));
        OrgTree tree = new OrgTree(directory.subtree(current.get().regionPath()), accounts);
        model.addAttribute("roots", tree.roots());
        model.addAttribute("choices", tree.choices());
        model.addAttribute("kinds", UnitKind.values());
        return "admin/org";
    }

    @PostMapping("/admin/org/units")
    String create(@Valid NewUnit unit, RedirectAttributes redirect, Locale locale) {
        OrgUnitView created = administration.createUnit(unit);
        redirect.addFlashAttribute(
                "notice",
                messages.getMessage("admin.org.created", new Object[] {created.code(), Names.name(created)}, locale));
        return "redirect:/admin/org";
    }

    @PostMapping("/admin/org/units/{id}/rename")
    String rename(@PathVariable Long id, @Valid Rename names, RedirectAttributes redirect, Locale locale) {
        OrgUnitView renamed = administration.renameUnit(id, names.nameZh(), names.nameEn());
        redirect.addFlashAttribute(
                "notice",
                messages.getMessage("admin.org.renamed", new Object[] {renamed.code(), Names.name(renamed)}, locale));
        return "redirect:/admin/org";
    }
}

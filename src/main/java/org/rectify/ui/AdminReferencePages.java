package org.rectify.ui;

import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.rectify.inspection.ReferenceData;
import org.rectify.inspection.ReferenceItem;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ADMIN: the reference lists, source types (巡视, 督查, ...) and problem categories, each entry with
 * its code, Chinese and English names, place in the lists and whether it is still offered. Saving a
 * code that exists changes that entry; an inactive entry stays on the problems that use it.
 */
@Controller
class AdminReferencePages {

    private final ReferenceData reference;
    private final CurrentActor current;
    private final MessageSource messages;

    AdminReferencePages(ReferenceData reference, CurrentActor current, MessageSource messages) {
        this.reference = reference;
        this.current = current;
        this.messages = messages;
    }

    /** An unchecked "active" box sends nothing: null, which means not offered. */
    record EntryForm(
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+")
            String code,

            @NotBlank @Size(max = 100) String nameZh,
            @NotBlank @Size(max = 100) String nameEn,
            @Min(0) @Max(100000) int sortOrder,
            Boolean active) {

        ReferenceItem item() {
            return new ReferenceItem(code, nameZh, nameEn, sortOrder, Boolean.TRUE.equals(active));
        }
    }

    @GetMapping("/admin/reference")
    String lists(Model model) {
        // Everyone reads these lists (forms offer them); this page is the administrator's.
        current.get().require(Role.ADMIN);
        model.addAttribute("sources", reference.sourceTypes());
        model.addAttribute("categories", reference.categories());
        return "admin/reference";
    }

    @PostMapping("/admin/reference/source-types")
    String saveSource(@Valid EntryForm entry, RedirectAttributes redirect, Locale locale) {
        ReferenceItem saved = reference.saveSourceType(entry.item());
        return saved(saved, redirect, locale);
    }

    @PostMapping("/admin/reference/categories")
    String saveCategory(@Valid EntryForm entry, RedirectAttributes redirect, Locale locale) {
        ReferenceItem saved = reference.saveCategory(entry.item());
        return saved(saved, redirect, locale);
    }

    private String saved(ReferenceItem saved, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute(
                "notice", messages.getMessage("admin.reference.saved", new Object[] {saved.code()}, locale));
        return "redirect:/admin/reference";
    }
}

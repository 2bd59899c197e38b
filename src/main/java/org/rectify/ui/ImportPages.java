package org.rectify.ui;

import java.util.List;
import java.util.Locale;

import org.rectify.common.UploadedFile;
import org.rectify.inspection.InspectionRounds;
import org.rectify.intake.FeedbackImports;
import org.rectify.intake.ImportPreview;
import org.rectify.intake.ImportRefused;
import org.rectify.intake.ImportResult;
import org.rectify.intake.ImportTexts;
import org.rectify.intake.XlsxDownload;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office imports a round's feedback list from Excel: downloads the template, uploads the filled-in file,
 * reads the report (every issue, cell by cell) and the preview of what will be registered (with problems
 * already registered that look alike), then imports it in one step.
 */
@Controller
class ImportPages {

    static final int PAGE_SIZE = 20;

    private final FeedbackImports imports;
    private final ImportTexts texts;
    private final InspectionRounds rounds;
    private final CurrentActor current;
    private final MessageSource messages;

    ImportPages(
            FeedbackImports imports,
            ImportTexts texts,
            InspectionRounds rounds,
            CurrentActor current,
            MessageSource messages) {
        this.imports = imports;
        this.texts = texts;
        this.rounds = rounds;
        this.current = current;
        this.messages = messages;
    }

    @GetMapping("/office/rounds/{roundId}/import")
    String upload(@PathVariable Long roundId, Model model) {
        current.get().require(Role.OFFICE);
        model.addAttribute("round", rounds.get(roundId));
        model.addAttribute("imports", imports.imported(roundId));
        return "office/import";
    }

    @GetMapping("/office/rounds/{roundId}/import/template")
    ResponseEntity<byte[]> template(@PathVariable Long roundId, Locale locale) {
        return XlsxDownload.of(messages.getMessage("importPage.templateFile", null, locale), imports.template(roundId));
    }

    @PostMapping("/office/rounds/{roundId}/import")
    String check(
            @PathVariable Long roundId,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect,
            Locale locale) {
        UploadedFile upload = file == null
                ? null
                : new UploadedFile(file.getOriginalFilename(), file.getContentType(), file.getSize(), file);
        ImportPreview preview = imports.preview(roundId, upload);
        if (preview.alreadyImported()) {
            redirect.addFlashAttribute(
                    "notice",
                    messages.getMessage(
                            "importPage.already",
                            new Object[] {
                                preview.upload().fileName(), preview.upload().problems()
                            },
                            locale));
            return "redirect:/office/rounds/" + roundId + "/import";
        }
        return "redirect:/office/imports/" + preview.upload().id();
    }

    @GetMapping("/office/imports/{id}")
    String preview(@PathVariable Long id, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        ImportPreview preview = imports.preview(id);
        if (preview.alreadyImported()) {
            return "redirect:/office/rounds/" + preview.upload().roundId() + "/import";
        }
        int from = Math.max(0, Math.min(page, (preview.rows().size() - 1) / PAGE_SIZE)) * PAGE_SIZE;
        List<ImportPreview.Row> shown = preview.rows()
                .subList(
                        Math.min(from, preview.rows().size()),
                        Math.min(from + PAGE_SIZE, preview.rows().size()));
        Page<ImportPreview.Row> rows = new PageImpl<>(
                shown,
                PageRequest.of(from / PAGE_SIZE, PAGE_SIZE),
                preview.rows().size());
        model.addAttribute("preview", preview);
        model.addAttribute("round", rounds.get(preview.upload().roundId()));
        model.addAttribute("issues", texts.views(preview.issues(), locale));
        model.addAttribute("rows", rows);
        model.addAttribute("pagerBase", "/office/imports/" + id + "?");
        FeedbackImports.LikelyDuplicates likely = preview.issues().isEmpty()
                ? imports.likelyDuplicates(shown)
                : new FeedbackImports.LikelyDuplicates(true, java.util.Map.of());
        model.addAttribute("likely", likely.byRow());
        model.addAttribute("likelyUnknown", !likely.ready());
        return "office/import-preview";
    }

    @PostMapping("/office/imports/{id}/commit")
    String commit(@PathVariable Long id, RedirectAttributes redirect, Locale locale) {
        ImportResult result;
        try {
            result = imports.commit(id);
        } catch (ImportRefused refused) {
            redirect.addFlashAttribute(
                    "error",
                    messages.getMessage(
                            "importPage.refusedNow",
                            new Object[] {refused.issues().size()},
                            locale));
            return "redirect:/office/imports/" + id;
        }
        String key = result.alreadyImported() ? "importPage.already" : "importPage.done";
        redirect.addFlashAttribute(
                "notice",
                messages.getMessage(
                        key,
                        new Object[] {
                            result.upload().fileName(),
                            result.upload().problems(),
                            result.upload().tasks()
                        },
                        locale));
        return "redirect:/office/rounds/" + result.upload().roundId() + "/import";
    }

    @GetMapping("/office/imports/{id}/file")
    ResponseEntity<byte[]> original(@PathVariable Long id) {
        FeedbackImports.StoredUpload stored = imports.file(id);
        return XlsxDownload.of(stored.fileName(), stored.content());
    }
}

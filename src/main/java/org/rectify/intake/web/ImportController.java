package org.rectify.intake.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.rectify.common.UploadedFile;
import org.rectify.intake.FeedbackImports;
import org.rectify.intake.ImportPreview;
import org.rectify.intake.ImportRefused;
import org.rectify.intake.ImportResult;
import org.rectify.intake.ImportTexts;
import org.rectify.intake.ImportView;
import org.rectify.intake.XlsxDownload;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A round's feedback list from Excel: the template, an upload checked (dryRun) or imported in one step, a
 * preview imported later, the round's imports and their files.
 */
@RestController
@RequestMapping("/api")
class ImportController {

    private final FeedbackImports imports;
    private final ImportTexts texts;

    ImportController(FeedbackImports imports, ImportTexts texts) {
        this.imports = imports;
        this.texts = texts;
    }

    /** The preview as the API shows it: issues in the reader's language, the rows it would register. */
    record PreviewBody(
            ImportView upload,
            boolean alreadyImported,
            boolean importable,
            int problems,
            int tasks,
            List<ImportTexts.IssueView> issues,
            List<ImportPreview.Row> rows) {}

    @GetMapping("/rounds/{roundId}/imports/template")
    ResponseEntity<byte[]> template(@PathVariable Long roundId) {
        return XlsxDownload.of("反馈问题清单导入模板.xlsx", imports.template(roundId));
    }

    /**
     * Uploads a list: with {@code dryRun=true} it is only checked (200, the preview, kept for a day to be
     * imported by {@code POST /api/imports/{id}/commit}); otherwise imported when it has no issues (201), 422
     * with every issue when it has any, 200 with the earlier import when the same file was imported before.
     */
    @PostMapping(path = "/rounds/{roundId}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(
            @PathVariable Long roundId,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Locale locale) {
        UploadedFile upload = new UploadedFile(file.getOriginalFilename(), file.getContentType(), file.getSize(), file);
        if (dryRun) {
            return ResponseEntity.ok(body(imports.preview(roundId, upload), locale));
        }
        return result(imports.importFile(roundId, upload));
    }

    @GetMapping("/imports/{id}")
    PreviewBody preview(@PathVariable Long id, Locale locale) {
        return body(imports.preview(id), locale);
    }

    @PostMapping("/imports/{id}/commit")
    ResponseEntity<ImportResult> commit(@PathVariable Long id) {
        return result(imports.commit(id));
    }

    @GetMapping("/rounds/{roundId}/imports")
    List<ImportView> imported(@PathVariable Long roundId) {
        return imports.imported(roundId);
    }

    @GetMapping("/imports/{id}/file")
    ResponseEntity<byte[]> original(@PathVariable Long id) {
        FeedbackImports.StoredUpload stored = imports.file(id);
        return XlsxDownload.of(stored.fileName(), stored.content());
    }

    @ExceptionHandler(ImportRefused.class)
    ProblemDetail refused(ImportRefused refused, Locale locale) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage());
        body.setTitle("The list has issues");
        body.setProperty("code", refused.code());
        body.setProperty("issues", texts.views(refused.issues(), locale));
        return body;
    }

    private PreviewBody body(ImportPreview p, Locale locale) {
        return new PreviewBody(
                p.upload(),
                p.alreadyImported(),
                p.importable(),
                p.rows().size(),
                p.tasks(),
                texts.views(p.issues(), locale),
                p.rows());
    }

    private static ResponseEntity<ImportResult> result(ImportResult result) {
        if (result.alreadyImported()) {
            return ResponseEntity.ok(result);
        }
        return ResponseEntity.created(
                        URI.create("/api/imports/" + result.upload().id()))
                .body(result);
    }
}

package org.rectify.extension.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rectify.extension.ExtensionView;
import org.rectify.extension.Extensions;
import org.rectify.web.Bodies.Comment;
import org.rectify.web.Bodies.Reason;
import org.rectify.web.Uploads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api")
class ExtensionController {

    private final Extensions extensions;

    ExtensionController(Extensions extensions) {
        this.extensions = extensions;
    }

    /** 延期申请: a later working day, a reason and, if any, evidence. */
    @PostMapping(path = "/tasks/{id}/extensions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ExtensionView request(
            @PathVariable Long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedDate,
            @RequestParam @NotBlank @Size(max = 2000) String reason,
            @RequestPart(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String originals) {
        return extensions.request(id, requestedDate, reason, Uploads.of(files, originals));
    }

    @GetMapping("/tasks/{id}/extensions")
    List<ExtensionView> ofTask(@PathVariable Long id) {
        return extensions.ofTask(id);
    }

    @PostMapping("/extensions/{id}/confirm")
    ExtensionView confirm(@PathVariable Long id, @Valid @RequestBody(required = false) Comment body) {
        return extensions.confirm(id, Comment.of(body));
    }

    @PostMapping("/extensions/{id}/return")
    ExtensionView returnToStaff(@PathVariable Long id, @Valid @RequestBody Reason body) {
        return extensions.returnToStaff(id, body.reason());
    }

    @PostMapping("/extensions/{id}/approve")
    ExtensionView approve(@PathVariable Long id, @Valid @RequestBody(required = false) Comment body) {
        return extensions.approve(id, Comment.of(body));
    }

    @PostMapping("/extensions/{id}/refuse")
    ExtensionView refuse(@PathVariable Long id, @Valid @RequestBody Reason body) {
        return extensions.refuse(id, body.reason());
    }
}

package org.rectify.signoff.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rectify.signoff.SignOffView;
import org.rectify.signoff.SignOffs;
import org.rectify.web.Bodies.Comment;
import org.rectify.web.Bodies.Reason;
import org.rectify.web.Uploads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api")
class SignOffController {

    private final SignOffs signOffs;

    SignOffController(SignOffs signOffs) {
        this.signOffs = signOffs;
    }

    /** The unit's staff apply for sign-off of a task, with evidence (or evidence already on the task). */
    @PostMapping(path = "/tasks/{id}/sign-off", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    SignOffView apply(
            @PathVariable Long id,
            @RequestParam @NotBlank @Size(max = 4000) String statement,
            @RequestPart(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String originals) {
        return signOffs.apply(id, statement, Uploads.of(files, originals));
    }

    @GetMapping("/tasks/{id}/sign-offs")
    List<SignOffView> ofTask(@PathVariable Long id) {
        return signOffs.ofTask(id);
    }

    @GetMapping("/sign-offs/{id}")
    SignOffView get(@PathVariable Long id) {
        return signOffs.get(id);
    }

    @PostMapping("/sign-offs/{id}/confirm")
    SignOffView confirm(@PathVariable Long id, @Valid @RequestBody(required = false) Comment body) {
        return signOffs.confirm(id, Comment.of(body));
    }

    @PostMapping("/sign-offs/{id}/return")
    SignOffView returnToStaff(@PathVariable Long id, @Valid @RequestBody Reason body) {
        return signOffs.returnToStaff(id, body.reason());
    }

    @PostMapping("/sign-offs/{id}/approve")
    SignOffView approve(@PathVariable Long id, @Valid @RequestBody(required = false) Comment body) {
        return signOffs.approve(id, Comment.of(body));
    }

    @PostMapping("/sign-offs/{id}/reject")
    SignOffView reject(@PathVariable Long id, @Valid @RequestBody Reason body) {
        return signOffs.reject(id, body.reason());
    }
}

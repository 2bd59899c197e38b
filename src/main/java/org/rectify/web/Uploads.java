package org.rectify.web;

import java.util.List;

import org.rectify.common.UploadedFile;
import org.springframework.web.multipart.MultipartFile;

/** Multipart files as the services take them; empty parts (a form's unused file field) are dropped. */
public final class Uploads {

    private Uploads() {
    }

    public static List<UploadedFile> of(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
                .map(f -> new UploadedFile(f.getOriginalFilename(), f.getContentType(), f.getSize(), f))
                .toList();
    }
}

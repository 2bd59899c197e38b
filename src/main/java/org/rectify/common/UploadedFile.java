package org.rectify.common;

import org.springframework.core.io.InputStreamSource;

/**
 * A file as it arrives from a form or the API, before it is checked and stored; with what the browser says of
 * the original when it sent a smaller copy of a photo ({@code original}, null when it says nothing).
 */
public record UploadedFile(
        String fileName, String contentType, long size, InputStreamSource content, Original original) {

    public UploadedFile(String fileName, String contentType, long size, InputStreamSource content) {
        this(fileName, contentType, size, content, null);
    }

    /**
     * The photo as the user had it, before the browser shrank it: its name, size and SHA-256 (null when it was sent
     * unshrunk), and the browser's code of why it was not shrunk (see task.PhotoNote), if any.
     */
    public record Original(String fileName, Long size, String sha256, String note) {}
}

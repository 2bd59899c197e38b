package org.rectify.common;

import org.springframework.core.io.InputStreamSource;

/** A file as it arrives from a form or the API, before it is checked and stored. */
public record UploadedFile(String fileName, String contentType, long size, InputStreamSource content) {
}

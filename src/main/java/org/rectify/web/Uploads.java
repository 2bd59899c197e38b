package org.rectify.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rectify.common.InvalidInputException;
import org.rectify.common.UploadedFile;
import org.springframework.web.multipart.MultipartFile;

/**
 * Multipart files as the services take them; empty parts (a form's unused file field) are dropped. The field
 * {@code originals} (js/rectify.js sends it) is a JSON array with one entry per file sent, in the order sent:
 * what the browser says of the photo it shrank, {@code {"name", "size", "sha256"}}, or of why it did not,
 * {@code {"note": "NOT_SHRUNK_INSECURE_CONTEXT"}}; null for a file it sent as it was.
 */
public final class Uploads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NOTE = Pattern.compile("[A-Z_]{1,60}");

    private Uploads() {}

    public static List<UploadedFile> of(List<MultipartFile> files) {
        return of(files, null);
    }

    public static List<UploadedFile> of(List<MultipartFile> files, String originals) {
        List<MultipartFile> sent = files == null
                ? List.of()
                : files.stream()
                        .filter(f -> !f.isEmpty()
                                || (f.getOriginalFilename() != null
                                        && !f.getOriginalFilename().isBlank()))
                        .toList();
        List<UploadedFile.Original> told = originals(originals, sent.size());
        List<UploadedFile> uploads = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            MultipartFile f = sent.get(i);
            uploads.add(new UploadedFile(
                    f.getOriginalFilename(), f.getContentType(), f.getSize(), f, told.isEmpty() ? null : told.get(i)));
        }
        return uploads;
    }

    private static List<UploadedFile.Original> originals(String json, int files) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode list;
        try {
            list = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw refused();
        }
        if (!list.isArray() || list.size() != files) {
            throw refused();
        }
        List<UploadedFile.Original> told = new ArrayList<>();
        for (JsonNode entry : list) {
            told.add(entry.isObject() ? original(entry) : null);
        }
        return told;
    }

    private static UploadedFile.Original original(JsonNode entry) {
        String sha256 = entry.path("sha256").isTextual() ? entry.get("sha256").asText() : null;
        String note = entry.path("note").isTextual() ? entry.get("note").asText() : null;
        long size = entry.path("size").asLong(-1);
        if ((sha256 != null && (!SHA256.matcher(sha256).matches() || size <= 0))
                || (note != null && !NOTE.matcher(note).matches())) {
            throw refused();
        }
        String name = entry.path("name").isTextual() ? entry.get("name").asText() : null;
        return new UploadedFile.Original(name, sha256 == null ? null : size, sha256, note);
    }

    private static InvalidInputException refused() {
        return new InvalidInputException(
                "originals",
                "rule.evidence.originals",
                "originals is a JSON array with one entry per file: null, or {name, size, sha256} of the photo the"
                        + " file was shrunk from, or {note}");
    }
}

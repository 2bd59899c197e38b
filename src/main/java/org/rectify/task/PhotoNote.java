package org.rectify.task;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Why a photo's record lacks something (evidence.photo_note, comma-separated; shown as photo.note.* texts). The
 * NOT_SHRUNK codes come from the browser (js/rectify.js), the others from the server's reading of the EXIF.
 */
public enum PhotoNote {
    /** Neither time nor place in the photo's EXIF (or no EXIF at all: a screenshot, an edited copy). */
    NO_EXIF,
    /** A time, but no GPS position (location off on the camera). */
    NO_GPS,
    /** A GPS position, but no DateTimeOriginal. */
    NO_TIME,
    /** A large photo sent as it was: the page was not on https or localhost, so the browser could not hash it. */
    NOT_SHRUNK_INSECURE_CONTEXT,
    /** A large photo sent as it was: the browser could not decode or re-encode it. */
    NOT_SHRUNK_UNSUPPORTED;

    /** The codes as stored, or null when there are none. */
    static String join(Collection<PhotoNote> notes) {
        return notes.isEmpty()
                ? null
                : notes.stream().distinct().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The codes of a stored note; unknown ones are dropped. */
    public static List<PhotoNote> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(","))
                .map(PhotoNote::named)
                .filter(Objects::nonNull)
                .toList();
    }

    static PhotoNote named(String code) {
        try {
            return code == null ? null : valueOf(code.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}

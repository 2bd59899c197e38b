package org.rectify.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies shared by several endpoints. */
public final class Bodies {

    private Bodies() {}

    /** A decision that must say why (return, send back, reject). */
    public record Reason(@NotBlank @Size(max = 2000) String reason) {}

    /** A decision with an optional comment (approve, confirm). */
    public record Comment(@Size(max = 2000) String comment) {

        public static Comment none() {
            return new Comment(null);
        }

        /** The comment of a body that may be left out: no body, no comment. */
        public static String of(Comment body) {
            return body == null ? null : body.comment();
        }
    }
}

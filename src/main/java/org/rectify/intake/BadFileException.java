package org.rectify.intake;

import org.rectify.common.InvalidInputException;

/**
 * A file that cannot be read as a feedback list at all (not an .xlsx, encrypted, a zip bomb, formulas,
 * merged cells, hidden sheets, too many rows): 400, and nothing is written. The code names a text of the
 * rules bundle ({@code import.file.*}).
 */
public class BadFileException extends InvalidInputException {

    BadFileException(String code, String defaultMessage, Object... args) {
        super("file", code, defaultMessage, args);
    }
}

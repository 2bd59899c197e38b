package org.rectify.common;

/** Input that is well-formed but does not make sense here (a unit outside the region, a past date): 400. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

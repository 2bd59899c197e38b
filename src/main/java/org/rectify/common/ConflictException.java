package org.rectify.common;

/** The action does not fit the current state (wrong step, duplicate, lost race): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}

package org.rectify.common;

/** The caller can see the thing but its role does not allow the action: 403. */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}

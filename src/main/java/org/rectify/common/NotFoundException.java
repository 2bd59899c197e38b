package org.rectify.common;

/**
 * A thing that does not exist, or that the caller may not see: both answer 404 alike, so that
 * asking for another unit's data tells nothing about it.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " not found");
    }
}

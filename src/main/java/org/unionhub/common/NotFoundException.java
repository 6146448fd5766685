package org.unionhub.common;

/**
 * The thing asked for does not exist, or lies outside the caller's data scope: both answer the same, so that a
 * scope never reveals what exists beyond it.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}

package org.unionhub.common;

/** The request is valid but clashes with the current state (already decided, already a member); answers 409. */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code) {
        super(code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

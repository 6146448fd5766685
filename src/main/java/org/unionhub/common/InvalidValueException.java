package org.unionhub.common;

import java.util.Objects;

/**
 * Thrown when a raw value breaks a rule of its value type. {@link #problem()} gives a stable code; the message names
 * the rule in English and never repeats personal data such as an identity number.
 */
public class InvalidValueException extends RuntimeException {

    private final ValueProblem problem;

    public InvalidValueException(ValueProblem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public ValueProblem problem() {
        return problem;
    }
}

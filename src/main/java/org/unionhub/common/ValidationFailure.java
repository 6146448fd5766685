package org.unionhub.common;

import java.util.ArrayList;
import java.util.List;

/** Input that breaks one or more rules; nothing has been stored when this is thrown. */
public class ValidationFailure extends RuntimeException {

    private final List<Violation> violations;

    public ValidationFailure(List<Violation> violations) {
        super("Invalid input: " + violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("A validation failure needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static ValidationFailure of(String field, String code) {
        return new ValidationFailure(List.of(new Violation(field, code)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Collects violations while checking a whole input, then fails once with all of them. */
    public static final class Collector {

        private final List<Violation> violations = new ArrayList<>();

        public Collector add(String field, String code) {
            violations.add(new Violation(field, code));
            return this;
        }

        public boolean has(String field) {
            return violations.stream().anyMatch(v -> v.field().equals(field));
        }

        /** What was collected so far, for callers that report violations instead of throwing them. */
        public List<Violation> violations() {
            return List.copyOf(violations);
        }

        public void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new ValidationFailure(violations);
            }
        }
    }
}

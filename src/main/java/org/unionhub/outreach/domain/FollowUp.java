package org.unionhub.outreach.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.unionhub.common.ValidationFailure;
import org.unionhub.common.Violation;

/** The rules of a follow-up task: what to do, in short, and a due date that is not already past. */
public final class FollowUp {

    static final int TODO_MAX = 100;

    private FollowUp() {
    }

    /**
     * Checks a new task and answers what to do, trimmed.
     *
     * @throws ValidationFailure naming {@code todo} or {@code dueOn}
     */
    public static String check(String todo, LocalDate dueOn, LocalDate today) {
        List<Violation> errors = new ArrayList<>();
        String trimmed = todo == null ? "" : todo.strip();
        if (trimmed.isEmpty()) {
            errors.add(new Violation("todo", "REQUIRED"));
        } else if (trimmed.length() > TODO_MAX) {
            errors.add(new Violation("todo", "TOO_LONG"));
        }
        if (dueOn == null) {
            errors.add(new Violation("dueOn", "REQUIRED"));
        } else if (dueOn.isBefore(today)) {
            errors.add(new Violation("dueOn", "DUE_IN_PAST"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailure(errors);
        }
        return trimmed;
    }

    /** Whether an open task due on {@code due} is late on {@code today}. */
    public static boolean isOverdue(LocalDate due, LocalDate today) {
        return due.isBefore(today);
    }
}

package org.unionhub.outreach.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unionhub.common.ValidationFailure;
import org.unionhub.common.Violation;
import org.unionhub.outreach.DeclineReason;
import org.unionhub.outreach.PipelineState;

/**
 * The rules of an enterprise's founding pipeline, free of storage: its current {@code state} and the date it was
 * reached. Open states only move forward (stages may be skipped); any open state may decline, with a reason; a
 * declined enterprise may be taken up again at any open state; founded is final and is reached only by founding the
 * union. Every step is dated, not in the future and not before the step before it. Moving to the state the pipeline
 * is already in changes nothing, so a repeated submission records no second step.
 */
public record Pipeline(PipelineState state, LocalDate since) {

    /** One dated move of the pipeline; {@code from} is null for the first step. */
    public record Step(PipelineState from, PipelineState to, LocalDate on, DeclineReason declineReason, String note) {
    }

    /**
     * The first step of an enterprise that has no pipeline yet: any open state, or declined at the first contact.
     *
     * @throws ValidationFailure naming {@code state}, {@code on}, {@code declineReason} or {@code note}
     */
    public static Step start(PipelineState to, LocalDate on, LocalDate today, DeclineReason reason, String note) {
        List<Violation> errors = new ArrayList<>();
        checkTarget(null, to, errors);
        checkDate(on, null, today, errors);
        checkDecline(to, reason, note, errors);
        throwIfAny(errors);
        return new Step(null, to, on, to == PipelineState.DECLINED ? reason : null, note);
    }

    /**
     * The step that moves this pipeline to {@code to} on {@code on}, or empty when it is already there.
     *
     * @throws ValidationFailure naming {@code state}, {@code on}, {@code declineReason} or {@code note}
     */
    public Optional<Step> moveTo(PipelineState to, LocalDate on, LocalDate today, DeclineReason reason, String note) {
        if (to != null && to == state && to != PipelineState.FOUNDED) {
            return Optional.empty();
        }
        List<Violation> errors = new ArrayList<>();
        checkTarget(state, to, errors);
        checkDate(on, since, today, errors);
        checkDecline(to, reason, note, errors);
        throwIfAny(errors);
        return Optional.of(new Step(state, to, on, to == PipelineState.DECLINED ? reason : null, note));
    }

    /**
     * Checks that a founding dated {@code foundedOn} does not come before the last step. The founding date's other
     * rules (required, not in the future) belong to the founding itself.
     *
     * @throws ValidationFailure naming {@code foundedOn}
     */
    public void checkFoundingDate(LocalDate foundedOn) {
        if (foundedOn != null && foundedOn.isBefore(since)) {
            throw ValidationFailure.of("foundedOn", "BEFORE_PREVIOUS_STEP");
        }
    }

    /**
     * Whether an outcome seen on {@code on} (at an enterprise session) moves this pipeline on: a later open stage, a
     * decline of an open pipeline, or taking a declined enterprise up again, not dated before the last step. A session
     * never moves a pipeline back.
     */
    public boolean isAdvancedBy(PipelineState outcome, LocalDate on) {
        if (outcome == null || on.isBefore(since) || state == PipelineState.FOUNDED || outcome == state) {
            return false;
        }
        if (outcome == PipelineState.DECLINED) {
            return state.isOpen();
        }
        return outcome.isOpen() && (state == PipelineState.DECLINED || outcome.ordinal() > state.ordinal());
    }

    /**
     * What is wrong with an outcome as such, whatever the pipeline: missing, founded (which only the founding form
     * makes), or a decline without its reason (or without a note for {@code OTHER}). {@code field} names the outcome.
     */
    public static List<Violation> outcomeProblems(String field, PipelineState outcome, DeclineReason reason,
            String note) {
        List<Violation> errors = new ArrayList<>();
        if (outcome == null) {
            errors.add(new Violation(field, "REQUIRED"));
        } else if (outcome == PipelineState.FOUNDED) {
            errors.add(new Violation(field, "FOUNDING_NEEDS_FORM"));
        }
        checkDecline(outcome, reason, note, errors);
        return errors;
    }

    /** The step a founding makes: from the current state (or none) to founded. */
    public static Step founding(Pipeline current, LocalDate foundedOn) {
        return new Step(current == null ? null : current.state(), PipelineState.FOUNDED, foundedOn, null, null);
    }

    private static void checkTarget(PipelineState from, PipelineState to, List<Violation> errors) {
        if (to == null) {
            errors.add(new Violation("state", "REQUIRED"));
        } else if (from == PipelineState.FOUNDED) {
            errors.add(new Violation("state", "ALREADY_FOUNDED"));
        } else if (to == PipelineState.FOUNDED) {
            errors.add(new Violation("state", "FOUNDING_NEEDS_FORM"));
        } else if (from != null && from.isOpen() && to.isOpen() && to.ordinal() < from.ordinal()) {
            errors.add(new Violation("state", "PIPELINE_ONLY_FORWARD"));
        }
    }

    private static void checkDate(LocalDate on, LocalDate since, LocalDate today, List<Violation> errors) {
        if (on == null) {
            errors.add(new Violation("on", "REQUIRED"));
        } else if (on.isAfter(today)) {
            errors.add(new Violation("on", "FUTURE_DATE"));
        } else if (since != null && on.isBefore(since)) {
            errors.add(new Violation("on", "BEFORE_PREVIOUS_STEP"));
        }
    }

    private static void checkDecline(PipelineState to, DeclineReason reason, String note, List<Violation> errors) {
        if (to != PipelineState.DECLINED) {
            return;
        }
        if (reason == null) {
            errors.add(new Violation("declineReason", "REQUIRED"));
        } else if (reason == DeclineReason.OTHER && (note == null || note.isBlank())) {
            errors.add(new Violation("note", "REQUIRED"));
        }
    }

    private static void throwIfAny(List<Violation> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationFailure(errors);
        }
    }
}

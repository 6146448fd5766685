package org.unionhub.outreach;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A pipeline step staff record: the state reached, on which day, and for a decline its reason (and note). */
public record StepInput(PipelineState state, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
        DeclineReason declineReason, String note) {
}

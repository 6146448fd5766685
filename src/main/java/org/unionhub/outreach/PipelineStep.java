package org.unionhub.outreach;

import java.time.Instant;
import java.time.LocalDate;

/** One dated move of an enterprise's pipeline, who recorded it and the session it came from, if any. */
public record PipelineStep(PipelineState from, PipelineState to, LocalDate on, DeclineReason declineReason,
        String note, Long sessionId, String recordedBy, Instant recordedAt) {
}

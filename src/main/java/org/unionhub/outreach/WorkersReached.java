package org.unionhub.outreach;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Staff at a worker session counted {@code count} more workers reached (negative to correct a miscount). The
 * {@code key} is unique to this event, so that a listener handed it again after a crash can tell it has counted it.
 */
public record WorkersReached(long sessionId, int count, LocalDate on, String key) {

    public WorkersReached(long sessionId, int count, LocalDate on) {
        this(sessionId, count, on, UUID.randomUUID().toString());
    }
}

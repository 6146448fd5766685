package org.unionhub.outreach;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Staff at a worker session counted {@code count} more consultations on {@code topic} (negative to correct). The
 * {@code key} is unique to this event, so that a listener handed it again after a crash can tell it has counted it.
 */
public record ConsultationsCounted(long sessionId, String topic, int count, LocalDate on, String key) {

    public ConsultationsCounted(long sessionId, String topic, int count, LocalDate on) {
        this(sessionId, topic, count, on, UUID.randomUUID().toString());
    }
}

package org.unionhub.outreach;

import java.time.LocalDate;

/** Staff at a worker session counted {@code count} more consultations on {@code topic} (negative to correct). */
public record ConsultationsCounted(long sessionId, String topic, int count, LocalDate on) {
}

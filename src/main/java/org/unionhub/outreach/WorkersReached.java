package org.unionhub.outreach;

import java.time.LocalDate;

/** Staff at a worker session counted {@code count} more workers reached (negative to correct a miscount). */
public record WorkersReached(long sessionId, int count, LocalDate on) {
}

package org.unionhub.membership;

import java.time.LocalDate;

/**
 * A worker's application was stored (once per application, never for a retry). {@code sessionCode} is the
 * communication session it came through, if any; the application is then an on-site application of that session.
 */
public record ApplicationSubmitted(String applicationNo, long handlingUnionId, String handlingUnionPath,
        String sessionCode, LocalDate submittedOn) {
}

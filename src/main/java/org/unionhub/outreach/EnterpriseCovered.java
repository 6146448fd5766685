package org.unionhub.outreach;

import java.time.LocalDate;

/** An enterprise session covered the enterprise {@code enterpriseId} on {@code on}. */
public record EnterpriseCovered(long sessionId, long enterpriseId, LocalDate on) {
}

package org.unionhub.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An enterprise an enterprise session covered on {@code heldOn}: whom staff met, the service package items offered,
 * the outcome, and whether it moved the enterprise's pipeline on ({@code advanced}).
 */
public record EnterpriseCoverage(long sessionId, String sessionTitle, LocalDate heldOn, long enterpriseId,
        String enterpriseName, String personMet, String personTitle, List<ServiceItem> items, PipelineState outcome,
        DeclineReason declineReason, String note, boolean advanced, String recordedBy, Instant recordedAt) {
}

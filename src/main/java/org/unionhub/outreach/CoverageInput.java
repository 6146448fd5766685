package org.unionhub.outreach;

import java.util.List;

/**
 * What staff record for an enterprise an enterprise session covered: the person met (and their position), the service
 * package items offered, and the outcome — the pipeline state the visit reached (contacted, interested, preparing, or
 * declined with a reason).
 */
public record CoverageInput(String personMet, String personTitle, List<Long> itemIds, PipelineState outcome,
        DeclineReason declineReason, String note) {
}

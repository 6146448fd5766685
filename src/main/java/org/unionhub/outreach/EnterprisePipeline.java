package org.unionhub.outreach;

import java.time.LocalDate;
import java.util.List;
import org.unionhub.organisation.Founding;

/**
 * One enterprise's pipeline with its steps (oldest first), tasks (open ones first) and, once founded, the founding.
 * {@code state} is null while nobody has recorded a step; {@code unionised} says the enterprise has a union now,
 * however it came by it.
 */
public record EnterprisePipeline(long enterpriseId, String enterpriseName, Integer employeeCount, boolean workersHome,
        long orgId, String orgName, boolean unionised, PipelineState state, LocalDate since,
        DeclineReason declineReason, List<PipelineStep> steps, List<FollowUpTask> tasks, Founding founding) {

    public boolean isStarted() {
        return state != null;
    }
}

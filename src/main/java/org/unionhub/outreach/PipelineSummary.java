package org.unionhub.outreach;

import java.time.LocalDate;

/**
 * An enterprise's pipeline as lists show it. {@code workersHome}: the enterprise has 100 or more employees and so
 * builds a workers' home (职工之家) along with its union. {@code nextDue} is its earliest open task's due date.
 */
public record PipelineSummary(long enterpriseId, String enterpriseName, Integer employeeCount, boolean workersHome,
        long orgId, String orgName, PipelineState state, LocalDate since, DeclineReason declineReason, Long unionId,
        int openTasks, LocalDate nextDue) {
}

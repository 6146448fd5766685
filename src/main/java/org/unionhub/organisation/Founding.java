package org.unionhub.organisation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A union founded in an enterprise (建会): the new grassroots union {@code unionId} under {@code parentId} (the
 * enterprise's street), its chair and date, and whether the enterprise, having 100 or more employees, must also build
 * a workers' home (职工之家). {@code sessionId} is the enterprise session whose pipeline led to it, if any.
 */
public record Founding(
        long unionId,
        String unionName,
        String unionCreditCode,
        long parentId,
        String parentName,
        long enterpriseId,
        String chair,
        LocalDate foundedOn,
        Integer employeeCount,
        boolean workersHomeFlagged,
        Long sessionId,
        String foundedBy,
        Instant foundedAt) {
}

package org.unionhub.outreach;

import java.time.Instant;
import java.time.LocalDate;

/** A follow-up task of an enterprise's pipeline; {@code overdue} is judged against today while it is not done. */
public record FollowUpTask(long id, long enterpriseId, String enterpriseName, String todo, LocalDate dueOn,
        boolean overdue, String createdBy, Instant doneAt, String doneBy) {

    public boolean isDone() {
        return doneAt != null;
    }
}

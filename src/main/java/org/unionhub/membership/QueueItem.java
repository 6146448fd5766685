package org.unionhub.membership;

import java.time.Instant;

/** An application waiting for a decision, as the approval queue shows it: personal fields masked. */
public record QueueItem(String applicationNo, String name, String idNumberMasked, String phoneMasked,
        String employerName, String occupation, boolean mobileMember, String handlingUnionName, String sessionCode,
        Instant submittedAt) {
}

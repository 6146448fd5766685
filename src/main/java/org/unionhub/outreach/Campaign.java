package org.unionhub.outreach;

import java.time.LocalDate;

/** A campaign day run by the federation or a district, grouping the sessions held in its area that day. */
public record Campaign(long id, String name, LocalDate heldOn, long orgId, String orgName, long sessions) {
}

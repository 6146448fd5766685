package org.unionhub.outreach;

import java.time.LocalDate;

/** A campaign day to create: its name, its date, and the federation or district union that runs it. */
public record CampaignInput(String name, LocalDate heldOn, Long orgId) {
}

package org.unionhub.reporting;

import java.time.LocalDate;

/**
 * A campaign day (or days) as its sessions show it: the id outreach gave it, the first and last day a session of it
 * is held, and how many sessions it has in the caller's scope. Campaign names belong to outreach ({@code Campaigns});
 * reporting depends on outreach's events only, so the console shows the id and the dates, and {@link CampaignBoard}
 * is the one place where a name lookup would go.
 */
public record Campaign(long id, LocalDate firstDay, LocalDate lastDay, int sessions) {
}

package org.unionhub.outreach;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A campaign day to create: its name, its date, and the federation or district union that runs it. */
public record CampaignInput(String name, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
        Long orgId) {
}

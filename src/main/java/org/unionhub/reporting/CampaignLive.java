package org.unionhub.reporting;

import java.util.List;

/** A campaign's live figures under one node, area by area (the node's children), with the node's total. */
public record CampaignLive(Campaign campaign, long orgId, String orgName, List<CampaignArea> areas,
        CampaignArea total) {
}

package org.unionhub.reporting;

/**
 * A campaign's live figures in one area (a child of the node looked at, or the node itself for the sessions it runs
 * directly): sessions open (planned and not cancelled), workers reached, consultations, on-site applications and
 * members joined through those sessions.
 */
public record CampaignArea(long orgId, String orgName, long sessions, long workersReached, long consultations,
        long applications, long membersJoined) {
}

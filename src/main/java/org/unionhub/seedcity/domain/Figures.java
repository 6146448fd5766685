package org.unionhub.seedcity.domain;

/**
 * The nine figures of the dual-communication funnel, as the plan expects the funnel to show them for an area and a
 * period (the same names as the funnel report's).
 */
public record Figures(long workerSessions, long workersReached, long consultations, long applications,
        long membersJoined, long memberRecords, long enterpriseSessions, long enterprisesCovered, long unionsFounded) {
}

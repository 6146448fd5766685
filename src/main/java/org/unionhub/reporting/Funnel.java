package org.unionhub.reporting;

import java.time.LocalDate;

/**
 * The funnel of one node of the union tree (its whole subtree) over the days {@code from} to {@code to}, both
 * included. Sessions, workers reached, consultations, enterprise sessions and enterprises covered count at the
 * session's organising union; on-site applications and members joined through a session at the session's union too;
 * members' records (every join but transfers, and every imported member) at the member's union; unions founded at the
 * new union's parent. {@code enterprisesCovered} counts distinct enterprises over the whole period, so the children's
 * figures may add up to more than their parent's.
 */
public record Funnel(long orgId, String orgName, LocalDate from, LocalDate to, long workerSessions,
        long workersReached, long consultations, long applications, long membersJoined, long memberRecords,
        long enterpriseSessions, long enterprisesCovered, long unionsFounded) {
}

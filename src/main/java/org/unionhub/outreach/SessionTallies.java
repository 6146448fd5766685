package org.unionhub.outreach;

import java.util.Map;

/**
 * What a session has counted so far: workers reached, consultations by topic code (every topic, in the code table's
 * order), and the applications made and members joined through its code.
 */
public record SessionTallies(long sessionId, int workersReached, Map<String, Integer> consultations,
        long applications, long joined) {

    public int consultationsTotal() {
        return consultations.values().stream().mapToInt(Integer::intValue).sum();
    }
}

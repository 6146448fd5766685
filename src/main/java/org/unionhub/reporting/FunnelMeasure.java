package org.unionhub.reporting;

import java.util.function.ToLongFunction;

/**
 * The nine figures of the dual-communication funnel, in the order reports show them; {@link #key()} is the name in
 * the API and in message keys ({@code funnel.measure.<key>}).
 */
public enum FunnelMeasure {
    WORKER_SESSIONS("workerSessions", Funnel::workerSessions),
    WORKERS_REACHED("workersReached", Funnel::workersReached),
    CONSULTATIONS("consultations", Funnel::consultations),
    APPLICATIONS("applications", Funnel::applications),
    MEMBERS_JOINED("membersJoined", Funnel::membersJoined),
    MEMBER_RECORDS("memberRecords", Funnel::memberRecords),
    ENTERPRISE_SESSIONS("enterpriseSessions", Funnel::enterpriseSessions),
    ENTERPRISES_COVERED("enterprisesCovered", Funnel::enterprisesCovered),
    UNIONS_FOUNDED("unionsFounded", Funnel::unionsFounded);

    private final String key;
    private final ToLongFunction<Funnel> value;

    FunnelMeasure(String key, ToLongFunction<Funnel> value) {
        this.key = key;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public long of(Funnel funnel) {
        return value.applyAsLong(funnel);
    }
}

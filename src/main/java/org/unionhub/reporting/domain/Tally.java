package org.unionhub.reporting.domain;

/**
 * What one event adds to the day's figures of a node and its ancestors (negative to take something back). Enterprises
 * covered are not summed: they are counted as distinct enterprises over the asked range.
 */
public record Tally(int workerSessions, int workersReached, int consultations, int applications, int membersJoined,
        int memberRecords, int enterpriseSessions, int unionsFounded) {

    public static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, 0, 0);

    public static Tally session(boolean worker) {
        return worker ? new Tally(1, 0, 0, 0, 0, 0, 0, 0) : new Tally(0, 0, 0, 0, 0, 0, 1, 0);
    }

    public static Tally workersReached(int count) {
        return new Tally(0, count, 0, 0, 0, 0, 0, 0);
    }

    public static Tally consultations(int count) {
        return new Tally(0, 0, count, 0, 0, 0, 0, 0);
    }

    public static Tally applications(int count) {
        return new Tally(0, 0, 0, count, 0, 0, 0, 0);
    }

    public static Tally membersJoined(int count) {
        return new Tally(0, 0, 0, 0, count, 0, 0, 0);
    }

    public static Tally memberRecords(int count) {
        return new Tally(0, 0, 0, 0, 0, count, 0, 0);
    }

    public static Tally unionsFounded(int count) {
        return new Tally(0, 0, 0, 0, 0, 0, 0, count);
    }

    public Tally plus(Tally other) {
        return new Tally(workerSessions + other.workerSessions, workersReached + other.workersReached,
                consultations + other.consultations, applications + other.applications,
                membersJoined + other.membersJoined, memberRecords + other.memberRecords,
                enterpriseSessions + other.enterpriseSessions, unionsFounded + other.unionsFounded);
    }

    public Tally negated() {
        return new Tally(-workerSessions, -workersReached, -consultations, -applications, -membersJoined,
                -memberRecords, -enterpriseSessions, -unionsFounded);
    }

    public boolean isNone() {
        return equals(NONE);
    }
}

package org.unionhub.station;

import java.util.EnumSet;
import java.util.Set;

/** A station's life: planned → built → accepted ⇄ suspended, and closed from any state. */
public enum StationStatus {
    PLANNED,
    BUILT,
    ACCEPTED,
    SUSPENDED,
    CLOSED;

    public Set<StationStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(BUILT, CLOSED);
            case BUILT -> EnumSet.of(ACCEPTED, CLOSED);
            case ACCEPTED -> EnumSet.of(SUSPENDED, CLOSED);
            case SUSPENDED -> EnumSet.of(ACCEPTED, CLOSED);
            case CLOSED -> EnumSet.noneOf(StationStatus.class);
        };
    }

    public boolean canMoveTo(StationStatus target) {
        return next().contains(target);
    }

    /** Workers can use it: it is built, and not suspended or closed. */
    public boolean inService() {
        return this == BUILT || this == ACCEPTED;
    }
}

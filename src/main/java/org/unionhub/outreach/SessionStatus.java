package org.unionhub.outreach;

import java.util.EnumSet;
import java.util.Set;

/** A session's life: planned → open → closed, or a planned one cancelled. The first counter tap opens it. */
public enum SessionStatus {
    PLANNED,
    OPEN,
    CLOSED,
    CANCELLED;

    public Set<SessionStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(OPEN, CLOSED, CANCELLED);
            case OPEN -> EnumSet.of(CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(SessionStatus.class);
        };
    }

    public boolean canMoveTo(SessionStatus target) {
        return next().contains(target);
    }

    /** Workers can still apply through it, and staff can still count at it. */
    public boolean isLive() {
        return this == PLANNED || this == OPEN;
    }
}

package org.unionhub.membership;

import java.time.Instant;

/** An application as its status page and the API show it: no personal fields. */
public record ApplicationView(String applicationNo, ApplicationStatus status, UnionRef handlingUnit,
        boolean mobileMember, String rejectReason, String memberNo, Instant submittedAt, Instant decidedAt) {

    /** A union by id and name. */
    public record UnionRef(long id, String name) {
    }
}

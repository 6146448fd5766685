package org.unionhub.membership;

import java.time.LocalDate;

/**
 * A worker became a member through an approved application. {@code sessionCode} is the communication session the
 * application came through, if any; {@code source} is how they joined (ONLINE or SESSION). Counted as a join by the
 * funnel, and the person's mutual-aid card is requested on it. Not published when a membership moves to another
 * union — that is {@link MemberTransferred}, neither a new join nor a reason for a second card — nor for imported
 * members, which {@link MembersImported} reports by batch.
 */
public record MemberJoined(String memberNo, long unionId, String unionPath, String sessionCode, String source,
        LocalDate joinedOn) {
}

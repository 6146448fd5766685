package org.unionhub.membership;

import java.time.LocalDate;

/**
 * A worker became a member. {@code sessionCode} is the communication session the application came through, if any;
 * {@code source} is how they joined (ONLINE, SESSION, IMPORT, TRANSFER).
 */
public record MemberJoined(String memberNo, long unionId, String unionPath, String sessionCode, String source,
        LocalDate joinedOn) {
}

package org.unionhub.membership;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Members' records were collected by a roster import: {@code count} new members of one union, committed in one batch.
 * Published per union and batch instead of one {@link MemberJoined} per row, so that a million-row import stays cheap.
 * The {@code key} is unique to this event, so that a listener handed it again after a crash can tell it has counted it.
 */
public record MembersImported(long unionId, String unionPath, int count, LocalDate importedOn, String key) {

    public MembersImported(long unionId, String unionPath, int count, LocalDate importedOn) {
        this(unionId, unionPath, count, importedOn, UUID.randomUUID().toString());
    }
}

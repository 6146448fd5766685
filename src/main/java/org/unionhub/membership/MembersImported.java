package org.unionhub.membership;

import java.time.LocalDate;

/**
 * Members' records were collected by a roster import: {@code count} new members of one union, committed in one batch.
 * Published per union and batch instead of one {@link MemberJoined} per row, so that a million-row import stays cheap.
 */
public record MembersImported(long unionId, String unionPath, int count, LocalDate importedOn) {
}

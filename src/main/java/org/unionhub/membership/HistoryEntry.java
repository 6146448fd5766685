package org.unionhub.membership;

import java.time.Instant;

/**
 * One change in a membership's history: when, by whom (a staff account's username, or {@code system}), from which
 * status (none when it began) to which, at which union, and why ({@code reason}: a code of the status rules, or
 * TRANSFER_OUT, TRANSFER_IN, UNION_CLOSED), with the staff's note.
 */
public record HistoryEntry(Instant at, String by, String fromStatus, String toStatus, long unionId, String unionName,
        String reason, String note) {
}

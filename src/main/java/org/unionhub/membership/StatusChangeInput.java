package org.unionhub.membership;

/**
 * A status change staff record: the new {@code status} (ACTIVE, RETAINED, LAPSED or ENDED), the {@code reason} code
 * (optional when only one leads to that status) and an optional {@code note} of up to 200 characters.
 */
public record StatusChangeInput(String status, String reason, String note) {
}

package org.unionhub.identity;

import java.time.Instant;

/** A staff or partner account as the console and the API show it (never its password hash). */
public record StaffAccount(long id, String username, String displayName, Role role, long orgId, String orgName,
        boolean enabled, Instant lockedUntil) {
}

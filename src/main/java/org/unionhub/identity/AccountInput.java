package org.unionhub.identity;

/** What an administrator enters to create or change an account; {@code password} only when creating or resetting. */
public record AccountInput(String username, String displayName, Role role, Long orgId, String password,
        Boolean enabled) {
}

package org.unionhub.organisation;

/**
 * A staff member's data scope: the node they are bound to and everything below it. Only the root's id is held, so a
 * subtree move is seen at once; the check itself compares materialised paths in the database.
 */
public record OrgScope(long rootOrgId) {
}

package org.unionhub.organisation;

import java.time.LocalDate;

/**
 * A node of the tree (a union) was closed on {@code closedOn}; {@code parentId} at {@code parentPath} is the union
 * above it, which takes over what the closed one held (its members move there).
 */
public record UnionClosed(long unionId, String unionPath, long parentId, String parentPath, LocalDate closedOn) {
}

package org.unionhub.organisation;

import java.time.Instant;

/**
 * A node and everything below it moved under a new parent. Modules that keep copies of materialised paths rewrite
 * every path starting with {@code oldPath} to start with {@code newPath}.
 */
public record SubtreeMoved(long orgId, long fromParentId, long toParentId, String oldPath, String newPath,
        Instant movedAt, String movedBy) {
}

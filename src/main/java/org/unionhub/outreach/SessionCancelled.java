package org.unionhub.outreach;

/** A planned session was called off; it no longer counts anywhere. */
public record SessionCancelled(long sessionId) {
}

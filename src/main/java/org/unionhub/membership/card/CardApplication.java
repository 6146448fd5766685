package org.unionhub.membership.card;

/** What the bank needs to issue a member's card; {@code requestId} is the idempotency key of the request. */
public record CardApplication(long requestId, String memberNo, String name) {
}

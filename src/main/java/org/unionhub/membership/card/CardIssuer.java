package org.unionhub.membership.card;

/**
 * The port to the bank that issues the mutual-aid card. The card worker calls it from the outbox until it answers; an
 * adapter must treat calls with the same {@link CardApplication#requestId()} as one request (answer the card issued
 * the first time), because a call whose answer was lost — a crash after the bank issued, before the number was
 * stored — is sent again.
 */
public interface CardIssuer {

    /** The new card's number (digits only, Luhn-valid); throws {@link CardIssuingException} when the bank fails. */
    String issue(CardApplication application);
}

package org.unionhub.membership.card;

/** The bank did not issue the card this time (unreachable, refused, timed out); the request is tried again later. */
public class CardIssuingException extends RuntimeException {

    public CardIssuingException(String message) {
        super(message);
    }
}

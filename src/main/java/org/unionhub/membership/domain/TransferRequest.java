package org.unionhub.membership.domain;

import org.unionhub.common.ConflictException;

/**
 * A request to move a membership to another union (转会/接转) and its outcome. It waits ({@link Status#PENDING})
 * until staff of the receiving union accept or refuse it, or the sending side cancels it; each of those is final, so
 * deciding it a second time — a double tap, or two staff at once — is refused as {@code ALREADY_DECIDED}.
 */
public record TransferRequest(Status status) {

    public enum Status {
        PENDING,
        ACCEPTED,
        REFUSED,
        CANCELLED
    }

    /** Why the receiving union refuses; the worker sees it. */
    public enum RefuseReason {
        NOT_EMPLOYED_HERE,
        NOT_IN_THIS_AREA,
        INFORMATION_MISMATCH,
        OTHER
    }

    public TransferRequest {
        if (status == null) {
            throw new IllegalArgumentException("A transfer request has a status");
        }
    }

    public Status accept() {
        return decide(Status.ACCEPTED);
    }

    public Status refuse() {
        return decide(Status.REFUSED);
    }

    public Status cancel() {
        return decide(Status.CANCELLED);
    }

    private Status decide(Status to) {
        if (status != Status.PENDING) {
            throw new ConflictException("ALREADY_DECIDED");
        }
        return to;
    }
}

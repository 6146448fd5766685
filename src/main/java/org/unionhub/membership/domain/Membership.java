package org.unionhub.membership.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.unionhub.common.ConflictException;
import org.unionhub.common.ValidationFailure;

/**
 * One membership (会籍) at one union and the rules for its status. Staff record the changes of a person's life —
 * retirement or unemployment keeps the membership at the old union ({@link Status#RETAINED}), dues and union life
 * that lapsed ({@link Status#LAPSED}) may be reinstated, leaving ends it ({@link Status#ENDED}) — and a transfer
 * closes it as {@link Status#TRANSFERRED_OUT} while a new membership begins at the receiving union. Ended and
 * transferred-out memberships are final: they stay on record and never change again.
 */
public record Membership(Status status, long unionId) {

    public enum Status {
        ACTIVE,
        RETAINED,
        LAPSED,
        TRANSFERRED_OUT,
        ENDED;

        /** No change can follow: the membership is history. */
        public boolean isFinal() {
            return this == ENDED || this == TRANSFERRED_OUT;
        }
    }

    /** Why staff change a status; each reason leads to exactly one status. */
    public enum Reason {
        /** Back to normal standing: re-employed, or dues and union life resumed. */
        REINSTATED(Status.ACTIVE),
        RETIRED(Status.RETAINED),
        UNEMPLOYED(Status.RETAINED),
        /** Six months without dues or union life, the member not yet deemed to have left. */
        DUES_UNPAID(Status.LAPSED),
        /** The member asked to leave (退会自由). */
        WITHDREW(Status.ENDED),
        /** Lapsed and, after being talked to, still not returning: deemed to have left (视为自动退会). */
        DEEMED_WITHDRAWN(Status.ENDED),
        EXPELLED(Status.ENDED),
        DECEASED(Status.ENDED);

        private final Status leadsTo;

        Reason(Status leadsTo) {
            this.leadsTo = leadsTo;
        }

        public Status leadsTo() {
            return leadsTo;
        }

        /** The reasons that lead to {@code status}, in order. */
        public static List<Reason> leadingTo(Status status) {
            return Arrays.stream(values()).filter(r -> r.leadsTo == status).toList();
        }
    }

    /** How a transfer came about; a union's closure keeps the members' standing, a new job makes them active. */
    public enum TransferOrigin {
        STAFF,
        WORKER,
        UNION_CLOSED
    }

    /** A change staff record: from, to, and why. */
    public record StatusChange(Status from, Status to, Reason reason) {
    }

    /** What a transfer makes of a membership: the old one closed, the new one at the receiving union. */
    public record Transfer(Membership transferredOut, Membership continued) {
    }

    public Membership {
        if (status == null) {
            throw new IllegalArgumentException("A membership has a status");
        }
    }

    /** The statuses staff may move this membership to directly (a transfer aside), in the order of the enum. */
    public Set<Status> allowedChanges() {
        return switch (status) {
            case ACTIVE -> EnumSet.of(Status.RETAINED, Status.LAPSED, Status.ENDED);
            case RETAINED, LAPSED -> EnumSet.of(Status.ACTIVE, Status.ENDED);
            case TRANSFERRED_OUT, ENDED -> EnumSet.noneOf(Status.class);
        };
    }

    /** Whether the membership may move to another union: any membership that is not final. */
    public boolean mayTransfer() {
        return !status.isFinal();
    }

    /**
     * Checks a change staff asked for. The reason may be left out when only one leads to the status. Bad input
     * (no or unknown target, TRANSFERRED_OUT, a reason for another status) is a {@link ValidationFailure}; a change
     * the current status does not allow is a {@link ConflictException}: {@code MEMBERSHIP_FINAL},
     * {@code STATUS_UNCHANGED} or {@code TRANSITION_NOT_ALLOWED}.
     */
    public StatusChange changeTo(Status to, Reason reason) {
        if (to == null) {
            throw ValidationFailure.of("status", "REQUIRED");
        }
        if (to == Status.TRANSFERRED_OUT) {
            throw ValidationFailure.of("status", "TRANSFER_ONLY");
        }
        List<Reason> reasons = Reason.leadingTo(to);
        Reason why = reason != null ? reason : reasons.size() == 1 ? reasons.get(0) : null;
        if (why == null) {
            throw ValidationFailure.of("reason", "REQUIRED");
        }
        if (why.leadsTo() != to) {
            throw ValidationFailure.of("reason", "REASON_NOT_FOR_STATUS");
        }
        if (status.isFinal()) {
            throw new ConflictException("MEMBERSHIP_FINAL");
        }
        if (status == to) {
            throw new ConflictException("STATUS_UNCHANGED");
        }
        if (!allowedChanges().contains(to)) {
            throw new ConflictException("TRANSITION_NOT_ALLOWED");
        }
        return new StatusChange(status, to, why);
    }

    /**
     * Moves the membership to {@code receivingUnionId}: this one becomes TRANSFERRED_OUT, a new one begins there —
     * ACTIVE after a transfer someone asked for (a new job), in the same standing when the union closed (a retired
     * member stays retained at the parent union). Refused ({@link ConflictException}) when the membership is final
     * ({@code MEMBERSHIP_FINAL}) or already at that union ({@code SAME_UNION}).
     */
    public Transfer transferTo(long receivingUnionId, TransferOrigin origin) {
        if (status.isFinal()) {
            throw new ConflictException("MEMBERSHIP_FINAL");
        }
        if (receivingUnionId == unionId) {
            throw new ConflictException("SAME_UNION");
        }
        Status continued = origin == TransferOrigin.UNION_CLOSED ? status : Status.ACTIVE;
        return new Transfer(new Membership(Status.TRANSFERRED_OUT, unionId),
                new Membership(continued, receivingUnionId));
    }
}

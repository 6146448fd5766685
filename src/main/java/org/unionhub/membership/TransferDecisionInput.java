package org.unionhub.membership;

/**
 * Staff refusing or cancelling a transfer: the refusal's {@code reason} code (NOT_EMPLOYED_HERE, NOT_IN_THIS_AREA,
 * INFORMATION_MISMATCH, OTHER; required to refuse, unused to cancel) and an optional {@code note} of up to 200
 * characters.
 */
public record TransferDecisionInput(String reason, String note) {
}

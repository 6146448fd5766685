package org.unionhub.membership;

import java.time.Instant;
import org.unionhub.membership.ApplicationView.UnionRef;

/**
 * A transfer request as the worker's status page and the public API show it: no personal fields, not even the union
 * the membership leaves.
 */
public record TransferStatus(String transferNo, String status, UnionRef toUnion, boolean mobileMember,
        String refuseReason, String newMemberNo, Instant requestedAt, Instant decidedAt) {
}

package org.unionhub.membership;

import java.time.Instant;
import org.unionhub.membership.ApplicationView.UnionRef;

/**
 * A transfer request as staff see it: the member (personal fields masked), from which union to which, who asked and
 * how ({@code origin}: STAFF, WORKER or UNION_CLOSED), and the outcome ({@code status}: PENDING, ACCEPTED, REFUSED,
 * CANCELLED; {@code newMemberNo} once accepted).
 */
public record TransferView(String transferNo, String status, String memberNo, String name, String idNumberMasked,
        String phoneMasked, UnionRef fromUnion, UnionRef toUnion, boolean mobileMember, String origin,
        String requestedBy, Instant requestedAt, String employerName, String occupation, String note,
        String refuseReason, String decisionNote, String decidedBy, Instant decidedAt, String newMemberNo) {
}

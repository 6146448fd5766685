package org.unionhub.membership.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionhub.membership.HistoryEntry;
import org.unionhub.membership.Members;
import org.unionhub.membership.MembershipTransfers;
import org.unionhub.membership.MembershipTransfers.Requested;
import org.unionhub.membership.StatusAction;
import org.unionhub.membership.StatusChangeInput;
import org.unionhub.membership.TransferInput;
import org.unionhub.membership.TransferView;
import org.unionhub.organisation.ScopedPrincipal;

/**
 * A member's status, history and transfers, for staff in scope. A status change is recorded as a new entry of the
 * member's history ({@code POST …/status-changes} answers 201 with it), which is why it is not a {@code PUT} of the
 * status: recording the same change twice is refused ({@code STATUS_UNCHANGED}) instead of silently repeated.
 */
@Tag(name = "Membership status", description = "Status changes, history and transfers of a member, in scope")
@RestController
class MemberStatusApiController {

    private final Members members;
    private final MembershipTransfers transfers;

    MemberStatusApiController(Members members, MembershipTransfers transfers) {
        this.members = members;
        this.transfers = transfers;
    }

    @Operation(summary = "The member's history, oldest first: who, when, from and to which status, union, reason")
    @GetMapping("/api/v1/members/{memberNo}/history")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<HistoryEntry> history(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String memberNo) {
        return members.history(staff, memberNo);
    }

    @Operation(summary = "The status changes allowed now, with their reason codes")
    @GetMapping("/api/v1/members/{memberNo}/status-changes/allowed")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<StatusAction> allowed(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String memberNo) {
        return members.allowedChanges(staff, memberNo);
    }

    @Operation(summary = "Record a status change (ACTIVE, RETAINED, LAPSED, ENDED) with a reason code and a note",
            description = "400 for bad input (field and code); 409 MEMBERSHIP_FINAL, STATUS_UNCHANGED or "
                    + "TRANSITION_NOT_ALLOWED when the current status does not allow it; TRANSFERRED_OUT only by a "
                    + "transfer (400 status TRANSFER_ONLY)")
    @PostMapping("/api/v1/members/{memberNo}/status-changes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    HistoryEntry changeStatus(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String memberNo,
            @RequestBody StatusChangeInput input) {
        return members.changeStatus(staff, memberNo, input);
    }

    @Operation(summary = "Transfers that moved this membership away or brought it here, newest first")
    @GetMapping("/api/v1/members/{memberNo}/transfers")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<TransferView> transfers(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String memberNo) {
        return transfers.ofMember(staff, memberNo);
    }

    @Operation(summary = "Ask to move the member to a union anywhere in the tree",
            description = "201 with the waiting request; the same request again answers 200 with it; one waiting to "
                    + "another union: 409 TRANSFER_PENDING; final membership: 409 MEMBERSHIP_FINAL; its own union: "
                    + "409 SAME_UNION")
    @PostMapping("/api/v1/members/{memberNo}/transfers")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    ResponseEntity<TransferView> requestTransfer(@AuthenticationPrincipal ScopedPrincipal staff,
            @PathVariable String memberNo, @RequestBody TransferInput input) {
        Requested<TransferView> requested = transfers.request(staff, memberNo, input);
        return ResponseEntity.status(requested.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(requested.transfer());
    }
}

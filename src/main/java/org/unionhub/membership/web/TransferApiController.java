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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionhub.membership.ApplicationInput;
import org.unionhub.membership.ApplicationView.UnionRef;
import org.unionhub.membership.MembershipTransfers;
import org.unionhub.membership.MembershipTransfers.Requested;
import org.unionhub.membership.TransferDecisionInput;
import org.unionhub.membership.TransferStatus;
import org.unionhub.membership.TransferView;
import org.unionhub.organisation.ScopedPrincipal;

/**
 * Transfer requests: a worker's own (no sign-in, like an application) and the staff's inboxes and decisions. The
 * worker's two endpoints are the only public ones; a transfer number is {@code T} and digits, so the staff's fixed
 * paths under the same prefix ({@code incoming}, {@code outgoing}, {@code receiving-unions}) need a sign-in.
 */
@Tag(name = "Membership transfers", description = "Moving a membership to another union (转会/接转)")
@RestController
class TransferApiController {

    static final String TRANSFER_NO = "{transferNo:T[0-9]+}";

    private final MembershipTransfers transfers;

    TransferApiController(MembershipTransfers transfers) {
        this.transfers = transfers;
    }

    @Operation(summary = "A member asks to move their membership (no sign-in; the fields of an application)",
            description = "The union is the one the territorial rule picks for these fields; the phone must be the "
                    + "one on file (400 phone PHONE_NOT_ON_FILE). 201 with the request; the same Idempotency-Key "
                    + "again, or the same request still waiting, answers 200 with it. 409 NOT_A_MEMBER, SAME_UNION, "
                    + "TRANSFER_PENDING (one to another union waits)")
    @PostMapping("/api/v1/membership-transfers")
    ResponseEntity<TransferStatus> request(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody ApplicationInput input) {
        Requested<TransferStatus> requested = transfers.requestByWorker(key, input);
        return ResponseEntity.status(requested.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(requested.transfer());
    }

    @Operation(summary = "A transfer request's status (no sign-in; no personal fields)")
    @GetMapping("/api/v1/membership-transfers/" + TRANSFER_NO)
    TransferStatus status(@PathVariable String transferNo) {
        return transfers.status(transferNo);
    }

    @Operation(summary = "Requests waiting for a union in the caller's scope to accept them, newest first")
    @GetMapping("/api/v1/membership-transfers/incoming")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<TransferView> incoming(@AuthenticationPrincipal ScopedPrincipal staff) {
        return transfers.incoming(staff);
    }

    @Operation(summary = "Requests waiting to move members away from unions in the caller's scope, newest first")
    @GetMapping("/api/v1/membership-transfers/outgoing")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<TransferView> outgoing(@AuthenticationPrincipal ScopedPrincipal staff) {
        return transfers.outgoing(staff);
    }

    @Operation(summary = "Unions anywhere in the tree that can take a member, by part of their name")
    @GetMapping("/api/v1/membership-transfers/receiving-unions")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<UnionRef> receivingUnions(@RequestParam(required = false) String q) {
        return transfers.receivingUnions(q);
    }

    @Operation(summary = "One request, for staff of either side")
    @GetMapping("/api/v1/membership-transfers/" + TRANSFER_NO + "/details")
    @PreAuthorize("hasAuthority('ORG_READ')")
    TransferView details(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String transferNo) {
        return transfers.get(staff, transferNo);
    }

    @Operation(summary = "Accept (receiving side): the membership moves; 409 ALREADY_DECIDED when decided before")
    @PostMapping("/api/v1/membership-transfers/" + TRANSFER_NO + "/accept")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    TransferView accept(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String transferNo) {
        return transfers.accept(staff, transferNo);
    }

    @Operation(summary = "Refuse (receiving side) with a reason code the worker sees, and a note")
    @PostMapping("/api/v1/membership-transfers/" + TRANSFER_NO + "/refuse")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    TransferView refuse(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String transferNo,
            @RequestBody TransferDecisionInput input) {
        return transfers.refuse(staff, transferNo, input);
    }

    @Operation(summary = "Cancel (sending side) while it waits, with an optional note")
    @PostMapping("/api/v1/membership-transfers/" + TRANSFER_NO + "/cancel")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    TransferView cancel(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String transferNo,
            @RequestBody(required = false) TransferDecisionInput input) {
        return transfers.cancel(staff, transferNo, input);
    }
}

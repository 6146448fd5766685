package org.unionhub.membership.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.unionhub.membership.ApplicationInput;
import org.unionhub.membership.ApplicationView;
import org.unionhub.membership.MemberView;
import org.unionhub.membership.Members;
import org.unionhub.membership.MembershipApplications;
import org.unionhub.membership.MembershipApplications.Submitted;
import org.unionhub.organisation.ScopedPrincipal;

@Tag(name = "Membership", description = "Applying to join, deciding applications, members")
@RestController
class MembershipApiController {

    record Decision(String memberNo) {
    }

    record Rejection(String reason) {
    }

    /**
     * The answer to the submitter: the application as its status shows it, and the access secret that opens the
     * worker's status page and e-card ({@code ?secret=}).
     */
    record SubmittedApplication(@JsonUnwrapped ApplicationView application, String accessSecret) {
    }

    private final MembershipApplications applications;
    private final Members members;

    MembershipApiController(MembershipApplications applications, Members members) {
        this.applications = applications;
        this.members = members;
    }

    @Operation(summary = "Apply to join (no sign-in)",
            description = "201 with the application and its accessSecret; the same Idempotency-Key again answers 200 "
                    + "with the same application and secret")
    @PostMapping("/api/v1/membership-applications")
    ResponseEntity<SubmittedApplication> submit(
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody ApplicationInput input) {
        Submitted submitted = applications.submit(key, input);
        return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new SubmittedApplication(submitted.application(), submitted.accessSecret()));
    }

    @Operation(summary = "An application's status (no sign-in; no personal fields)")
    @GetMapping("/api/v1/membership-applications/{applicationNo}")
    ApplicationView status(@PathVariable String applicationNo) {
        return applications.status(applicationNo);
    }

    @Operation(summary = "Approve; 409 ALREADY_DECIDED when someone decided it first")
    @PostMapping("/api/v1/membership-applications/{applicationNo}/approve")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    Decision approve(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String applicationNo) {
        return new Decision(applications.approve(staff, applicationNo));
    }

    @Operation(summary = "Reject with a reason code from the code table")
    @PostMapping("/api/v1/membership-applications/{applicationNo}/reject")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    ApplicationView reject(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String applicationNo,
            @RequestBody Rejection rejection) {
        applications.reject(staff, applicationNo, rejection.reason());
        return applications.status(applicationNo);
    }

    @Operation(summary = "A member in the caller's scope, personal fields masked")
    @GetMapping("/api/v1/members/{memberNo}")
    @PreAuthorize("hasAuthority('ORG_READ')")
    MemberView member(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String memberNo) {
        return members.get(staff, memberNo);
    }
}

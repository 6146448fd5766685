package org.unionhub.membership.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionhub.Messages;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.membership.PersonalField;
import org.unionhub.membership.Roster;
import org.unionhub.membership.RosterFilter;
import org.unionhub.membership.RosterPage;

@Tag(name = "Roster", description = "Members in the caller's scope: search (masked) and audited reveal")
@RestController
class RosterApiController {

    /** Which field to reveal. */
    record RevealRequest(PersonalField field) {
    }

    /** The clear value; never in a log line, even with Spring's web logging at DEBUG (which prints bodies). */
    record Revealed(String value) {

        @Override
        public String toString() {
            return "Revealed[value=(hidden)]";
        }
    }

    private final Roster roster;

    RosterApiController(Roster roster) {
        this.roster = roster;
    }

    @Operation(summary = "Members in scope, newest first, 50 a page (page counts from 1); personal fields masked",
            description = "q: a member number (exact) or part of a name; unionId: a union in scope and those below it; "
                    + "status: ACTIVE, RETAINED, LAPSED, TRANSFERRED_OUT or ENDED; mobileOnly; joinedFrom/joinedTo: ISO dates, both included")
    @GetMapping("/api/v1/members")
    @PreAuthorize("hasAuthority('ORG_READ')")
    RosterPage list(@AuthenticationPrincipal StaffPrincipal me, @ParameterObject @ModelAttribute RosterFilter filter,
            BindingResult binding, @RequestParam(defaultValue = "1") int page) {
        Messages.requireWellTyped(binding);
        return roster.search(me, filter, page);
    }

    @Operation(summary = "Reveal a member's ID_NUMBER or PHONE in clear; recorded in the audit log")
    @PostMapping("/api/v1/members/{memberNo}/reveal")
    @PreAuthorize("hasAuthority('PERSONAL_DATA_REVEAL')")
    Revealed reveal(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String memberNo,
            @RequestBody RevealRequest request) {
        return new Revealed(roster.reveal(me, memberNo, request.field()));
    }
}

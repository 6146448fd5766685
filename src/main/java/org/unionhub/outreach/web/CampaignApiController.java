package org.unionhub.outreach.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.Campaign;
import org.unionhub.outreach.CampaignInput;
import org.unionhub.outreach.Campaigns;

@Tag(name = "Outreach", description = "Worker and enterprise communication sessions (双沟通), their counters")
@RestController
@RequestMapping("/api/v1/outreach/campaigns")
class CampaignApiController {

    private final Campaigns campaigns;

    CampaignApiController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Operation(summary = "Create a campaign day run by the federation or a district in the caller's scope")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    Campaign create(@AuthenticationPrincipal ScopedPrincipal staff, @RequestBody CampaignInput input) {
        return campaigns.create(staff, input);
    }

    @Operation(summary = "Campaigns that reach the caller's node or lie in their scope, newest first")
    @GetMapping
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<Campaign> list(@AuthenticationPrincipal ScopedPrincipal staff) {
        return campaigns.list(staff);
    }

    @Operation(summary = "A campaign")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('ORG_READ')")
    Campaign get(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable long id) {
        return campaigns.get(staff, id);
    }
}

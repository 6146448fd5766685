package org.unionhub.reporting.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.organisation.OrgTree;
import org.unionhub.reporting.CampaignBoard;
import org.unionhub.reporting.CampaignLive;

/**
 * Campaign days: the list of campaigns in scope, and a campaign's live page for the whole scope or one node in it,
 * whose figures htmx refreshes every few seconds (table and bar chart by area).
 */
@Controller
@PreAuthorize("hasAuthority('ORG_READ')")
class CampaignReportPageController {

    private final CampaignBoard board;
    private final OrgTree tree;

    CampaignReportPageController(CampaignBoard board, OrgTree tree) {
        this.board = board;
        this.tree = tree;
    }

    @GetMapping("/reports/campaigns")
    String campaigns(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("campaigns", board.campaigns(me.scope()));
        return "reports/campaigns";
    }

    @GetMapping("/reports/campaigns/{id}")
    String live(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Long orgId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        CampaignLive live = board.live(me.scope(), id, orgId);
        model.addAttribute("live", live);
        if (htmx != null) {
            return "reports/campaign :: live";
        }
        model.addAttribute("choices", tree.children(me.scope(), me.scope().rootOrgId()));
        model.addAttribute("root", tree.get(me.scope(), me.scope().rootOrgId()));
        return "reports/campaign";
    }
}

package org.unionhub.outreach.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.unionhub.Messages;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.CampaignInput;
import org.unionhub.outreach.Campaigns;

/** Campaign days: the list that reaches the staff member, and the form for federation and district staff. */
@Controller
@PreAuthorize("hasAuthority('ORG_READ')")
class CampaignPageController {

    private final Campaigns campaigns;
    private final MessageSource messages;
    private final Clock clock;

    CampaignPageController(Campaigns campaigns, MessageSource messages, Clock clock) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/outreach/campaigns")
    String list(@AuthenticationPrincipal ScopedPrincipal me, Model model) {
        return page(me, model, new CampaignInput(null, LocalDate.now(clock), me.scope().rootOrgId()));
    }

    @PostMapping("/outreach/campaigns")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String create(@AuthenticationPrincipal ScopedPrincipal me, @ModelAttribute("form") CampaignInput input,
            BindingResult binding, Model model, Locale locale) {
        try {
            Messages.requireWellTyped(binding);
            campaigns.create(me, input);
            return "redirect:/outreach/campaigns";
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale, "campaign"));
            return page(me, model, input);
        }
    }

    private String page(ScopedPrincipal me, Model model, CampaignInput form) {
        model.addAttribute("campaigns", campaigns.list(me));
        model.addAttribute("canCreate", campaigns.canCreate(me));
        model.addAttribute("form", form);
        return "outreach/campaigns";
    }
}

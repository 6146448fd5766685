package org.unionhub.outreach.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionhub.Messages;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.CoverageInput;
import org.unionhub.outreach.DeclineReason;
import org.unionhub.outreach.EnterpriseSessionRecords;
import org.unionhub.outreach.OutreachSessions;
import org.unionhub.outreach.ServicePackageCatalogue;
import org.unionhub.outreach.Session;

/** An enterprise session's record: the enterprises it covered, and the form to add (or correct) one. */
@Controller
@PreAuthorize("hasAuthority('ORG_READ')")
class EnterpriseSessionPageController {

    private final EnterpriseSessionRecords records;
    private final OutreachSessions sessions;
    private final EnterpriseRegistry enterprises;
    private final ServicePackageCatalogue catalogue;
    private final MessageSource messages;

    EnterpriseSessionPageController(EnterpriseSessionRecords records, OutreachSessions sessions,
            EnterpriseRegistry enterprises, ServicePackageCatalogue catalogue, MessageSource messages) {
        this.records = records;
        this.sessions = sessions;
        this.enterprises = enterprises;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GetMapping("/outreach/sessions/{id}/enterprises")
    String show(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String q, Model model) {
        return page(me, id, q, null, new CoverageInput(null, null, List.of(), null, null, null), model);
    }

    @PostMapping("/outreach/sessions/{id}/enterprises")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String record(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Long enterpriseId, @ModelAttribute CoverageInput input,
            BindingResult binding, Model model, Locale locale) {
        try {
            Messages.requireWellTyped(binding);
            if (enterpriseId == null) {
                throw ValidationFailure.of("enterpriseId", "REQUIRED");
            }
            records.record(me, id, enterpriseId, input);
            return "redirect:/outreach/sessions/" + id + "/enterprises?recorded";
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale, "coverage"));
            return page(me, id, null, enterpriseId, input, model);
        }
    }

    private String page(ScopedPrincipal me, long id, String q, Long enterpriseId, CoverageInput form, Model model) {
        Session session = sessions.get(me, id);
        String text = Texts.blankToNull(q);
        model.addAttribute("s", session);
        model.addAttribute("covered", records.ofSession(me, id));
        model.addAttribute("q", text);
        model.addAttribute("candidates", text == null ? enterprises.search(me.scope(), session.orgId(), null)
                : enterprises.search(me.scope(), null, text));
        model.addAttribute("items", catalogue.offeredAt(session.orgId()));
        model.addAttribute("outcomes", PipelinePageController.RECORDABLE);
        model.addAttribute("declineReasons", DeclineReason.values());
        model.addAttribute("enterpriseId", enterpriseId);
        model.addAttribute("form", form);
        return "pipeline/session";
    }
}

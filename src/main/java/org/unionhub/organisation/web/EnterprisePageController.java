package org.unionhub.organisation.web;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionhub.Messages;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.Enterprise;
import org.unionhub.organisation.EnterpriseInput;
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.organisation.UnionFoundings;

/** Enterprise list, page and forms. */
@Controller
@PreAuthorize("hasAuthority('ORG_READ')")
class EnterprisePageController {

    private final EnterpriseRegistry registry;
    private final UnionFoundings foundings;
    private final MessageSource messages;

    EnterprisePageController(EnterpriseRegistry registry, UnionFoundings foundings, MessageSource messages) {
        this.registry = registry;
        this.foundings = foundings;
        this.messages = messages;
    }

    @GetMapping("/enterprises")
    String list(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam(required = false) String q,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("enterprises", registry.search(me.scope(), null, q));
        return htmx != null ? "enterprises/list :: rows" : "enterprises/list";
    }

    @GetMapping("/enterprises/{id}")
    String show(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("enterprise", registry.get(me.scope(), id));
        model.addAttribute("founding", foundings.latestFounding(me.scope(), id).orElse(null));
        model.addAttribute("unionHistory", foundings.unionHistory(me.scope(), id));
        return "enterprises/show";
    }

    @GetMapping("/enterprises/new")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String newForm(@RequestParam(required = false) Long orgId, Model model) {
        return form(model, null, new EnterpriseInput(null, null, false, orgId, null, null, null, null, false, false,
                false, null, null));
    }

    @PostMapping("/enterprises")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String create(@AuthenticationPrincipal ScopedPrincipal me, @ModelAttribute EnterpriseInput input, BindingResult binding, Model model,
            Locale locale) {
        try {
            Messages.requireWellTyped(binding);
            return "redirect:/enterprises/" + registry.create(me.scope(), input).id() + "?created";
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale));
            return form(model, null, input);
        }
    }

    @GetMapping("/enterprises/{id}/edit")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String editForm(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model) {
        Enterprise e = registry.get(me.scope(), id);
        return form(model, e, new EnterpriseInput(e.name(), e.creditCode(), e.creditCodeCheckFailed(), e.orgId(),
                e.divisionCode(), e.address(), e.industry(), e.employeeCount(), e.newEconomy(),
                e.newSocialOrganisation(), e.gigPlatform(), e.unionId(), e.unionFoundedOn()));
    }

    @PostMapping("/enterprises/{id}")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String update(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @ModelAttribute EnterpriseInput input, BindingResult binding, Model model, Locale locale) {
        Enterprise existing = registry.get(me.scope(), id);
        try {
            Messages.requireWellTyped(binding);
            registry.update(me.scope(), id, input);
            return "redirect:/enterprises/" + id + "?saved";
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale));
            return form(model, existing, input);
        }
    }

    /** Records that the enterprise closed; its union closes too (and its members move to the parent union). */
    @PostMapping("/enterprises/{id}/close")
    @PreAuthorize("hasAuthority('ORG_RESHAPE')")
    String close(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closedOn,
            Model model, Locale locale) {
        try {
            registry.close(me.scope(), id, closedOn);
            return "redirect:/enterprises/" + id + "?closed";
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale));
            return show(me, id, model);
        }
    }

    private static String form(Model model, Enterprise existing, EnterpriseInput input) {
        model.addAttribute("existing", existing);
        model.addAttribute("form", input);
        return "enterprises/form";
    }
}

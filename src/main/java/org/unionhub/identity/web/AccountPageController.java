package org.unionhub.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import org.unionhub.common.ValidationFailure;
import org.unionhub.identity.AccountInput;
import org.unionhub.identity.IssuedToken;
import org.unionhub.identity.PartnerStep;
import org.unionhub.identity.Role;
import org.unionhub.identity.StaffAccount;
import org.unionhub.identity.StaffAccounts;
import org.unionhub.identity.StaffPrincipal;

/** Account administration for federation and district admins, limited to their own subtree. */
@Controller
@PreAuthorize("hasAuthority('ACCOUNT_ADMIN')")
class AccountPageController {

    private final StaffAccounts accounts;
    private final MessageSource messages;

    AccountPageController(StaffAccounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/admin/accounts")
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        return page(me, model, new AccountInput(null, null, Role.STREET_STAFF, me.orgId(), null, true));
    }

    @PostMapping("/admin/accounts")
    String create(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute AccountInput input, BindingResult binding, Model model,
            Locale locale) {
        try {
            Messages.requireWellTyped(binding);
            accounts.create(me, input);
            return "redirect:/admin/accounts?created";
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale));
            return page(me, model, input);
        }
    }

    @GetMapping("/admin/accounts/{id}")
    String show(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        StaffAccount account = accounts.get(me, id);
        model.addAttribute("account", account);
        model.addAttribute("form", new AccountInput(account.username(), account.displayName(), account.role(),
                account.orgId(), null, account.enabled()));
        model.addAttribute("roles", grantable(me));
        if (account.role().isPartner()) {
            model.addAttribute("tokens", accounts.tokensOf(me, id));
            model.addAttribute("steps", account.role().steps());
        }
        return "admin/account";
    }

    @PostMapping("/admin/accounts/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @ModelAttribute AccountInput input, BindingResult binding, Model model, Locale locale) {
        try {
            Messages.requireWellTyped(binding);
            accounts.update(me, id, input);
            return "redirect:/admin/accounts/" + id + "?saved";
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale));
            String view = show(me, id, model);
            model.addAttribute("form", input);
            return view;
        }
    }

    @PostMapping("/admin/accounts/{id}/unlock")
    String unlock(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        accounts.unlock(me, id);
        return "redirect:/admin/accounts/" + id + "?saved";
    }

    @PostMapping("/admin/accounts/{id}/tokens")
    String issue(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String label,
            @RequestParam(name = "steps", required = false) Set<PartnerStep> steps, Model model, Locale locale) {
        try {
            IssuedToken token = accounts.issueToken(me, id, label, steps);
            model.addAttribute("issued", token);
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale));
        }
        return show(me, id, model);
    }

    @PostMapping("/admin/accounts/{id}/tokens/{tokenId}/revoke")
    String revoke(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @PathVariable long tokenId) {
        accounts.revokeToken(me, tokenId);
        return "redirect:/admin/accounts/" + id;
    }

    private String page(StaffPrincipal me, Model model, AccountInput form) {
        model.addAttribute("accounts", accounts.list(me));
        model.addAttribute("roles", grantable(me));
        model.addAttribute("form", form);
        return "admin/accounts";
    }

    private static List<Role> grantable(StaffPrincipal me) {
        Set<Role> roles = EnumSet.allOf(Role.class);
        if (me.role() != Role.FEDERATION_ADMIN) {
            roles.remove(Role.FEDERATION_ADMIN);
        }
        return List.copyOf(roles);
    }
}

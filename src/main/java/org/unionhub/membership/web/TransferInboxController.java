package org.unionhub.membership.web;

import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionhub.Messages;
import org.unionhub.common.ConflictException;
import org.unionhub.common.ValidationFailure;
import org.unionhub.membership.MembershipTransfers;
import org.unionhub.membership.TransferDecisionInput;
import org.unionhub.membership.TransferView;
import org.unionhub.organisation.ScopedPrincipal;

/**
 * The transfer inbox, made for a phone like the approval queue: requests waiting for the staff's unions to accept
 * them (accept in one tap, refuse with a reason the worker sees), and those waiting to take members away (cancel).
 * Each decision swaps its row for the outcome in place (htmx); without script, the page reloads.
 */
@Controller
@PreAuthorize("hasAuthority('ORG_READ')")
class TransferInboxController {

    private final MembershipTransfers transfers;
    private final MessageSource messages;

    TransferInboxController(MembershipTransfers transfers, MessageSource messages) {
        this.transfers = transfers;
        this.messages = messages;
    }

    @GetMapping("/transfers")
    String inbox(@AuthenticationPrincipal ScopedPrincipal staff, Model model) {
        model.addAttribute("incoming", transfers.incoming(staff));
        model.addAttribute("outgoing", transfers.outgoing(staff));
        model.addAttribute("reasons", transfers.refuseReasons());
        return "transfers/inbox";
    }

    @PostMapping("/transfers/{transferNo}/accept")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String accept(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String transferNo,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        return decided(transferNo, () -> transfers.accept(staff, transferNo), htmx, model, locale);
    }

    @PostMapping("/transfers/{transferNo}/refuse")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String refuse(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String transferNo,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String note,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        return decided(transferNo, () -> transfers.refuse(staff, transferNo, new TransferDecisionInput(reason, note)),
                htmx, model, locale);
    }

    @PostMapping("/transfers/{transferNo}/cancel")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String cancel(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String transferNo,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        return decided(transferNo, () -> transfers.cancel(staff, transferNo, new TransferDecisionInput(null, null)),
                htmx, model, locale);
    }

    /** What became of one request: decided (with the new member number once accepted), or why not. */
    record Outcome(String transferNo, TransferView transfer, String error) {
    }

    private String decided(String transferNo, Supplier<TransferView> decision, String htmx, Model model,
            Locale locale) {
        Outcome outcome;
        try {
            outcome = new Outcome(transferNo, decision.get(), null);
        } catch (ConflictException e) {
            outcome = new Outcome(transferNo, null, messages.getMessage("error." + e.code(), null, locale));
        } catch (ValidationFailure e) {
            outcome = new Outcome(transferNo, null, String.join("；", Messages.byField(messages, e, locale).values()));
        }
        if (htmx == null && outcome.error() == null) {
            return "redirect:/transfers";
        }
        model.addAttribute("outcome", outcome);
        return "transfers/inbox :: outcome";
    }
}

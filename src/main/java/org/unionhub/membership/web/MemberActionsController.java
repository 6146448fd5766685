package org.unionhub.membership.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionhub.Messages;
import org.unionhub.common.ConflictException;
import org.unionhub.common.ValidationFailure;
import org.unionhub.identity.StaffPrincipal;
import org.unionhub.membership.Members;
import org.unionhub.membership.MembershipTransfers;
import org.unionhub.membership.StatusChangeInput;
import org.unionhub.membership.TransferDecisionInput;
import org.unionhub.membership.TransferInput;

/**
 * The member page's forms: record a status change, ask for a transfer, cancel a waiting one. Each redirects back to
 * the page when done; when refused, the page comes back with the reason above the forms and nothing changed.
 */
@Controller
@PreAuthorize("hasAuthority('ORG_WRITE')")
class MemberActionsController {

    private final Members members;
    private final MembershipTransfers transfers;
    private final MemberRecordModel record;
    private final MessageSource messages;

    MemberActionsController(Members members, MembershipTransfers transfers, MemberRecordModel record,
            MessageSource messages) {
        this.members = members;
        this.transfers = transfers;
        this.record = record;
        this.messages = messages;
    }

    @PostMapping("/members/{memberNo}/status")
    String changeStatus(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String memberNo,
            @RequestParam(required = false) String status, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note, Model model, Locale locale) {
        return act(me, memberNo, model, locale, "statusChanged",
                () -> members.changeStatus(me, memberNo, new StatusChangeInput(status, reason, note)));
    }

    @PostMapping("/members/{memberNo}/transfers")
    String requestTransfer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String memberNo,
            @RequestParam(required = false) Long toUnionId, @RequestParam(required = false) String note,
            Model model, Locale locale) {
        return act(me, memberNo, model, locale, "transferRequested",
                () -> transfers.request(me, memberNo, new TransferInput(toUnionId, note)));
    }

    @PostMapping("/members/{memberNo}/transfers/{transferNo}/cancel")
    String cancelTransfer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String memberNo,
            @PathVariable String transferNo, Model model, Locale locale) {
        return act(me, memberNo, model, locale, "transferCancelled",
                () -> transfers.cancel(me, transferNo, new TransferDecisionInput(null, null)));
    }

    private String act(StaffPrincipal me, String memberNo, Model model, Locale locale, String done, Runnable action) {
        try {
            action.run();
            return "redirect:/members/" + memberNo + "?" + done;
        } catch (ValidationFailure failure) {
            model.addAttribute("actionErrors", Messages.byField(messages, failure, locale, "member"));
        } catch (ConflictException conflict) {
            model.addAttribute("actionErrors",
                    Map.of("", messages.getMessage("error." + conflict.code(), null, locale)));
        }
        return record.page(me, members.get(me, memberNo), Map.of(), null, model);
    }
}

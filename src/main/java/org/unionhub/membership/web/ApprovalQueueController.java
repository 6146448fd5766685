package org.unionhub.membership.web;

import java.util.List;
import java.util.Locale;
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
import org.unionhub.membership.MembershipApplications;
import org.unionhub.organisation.ScopedPrincipal;

/**
 * The approval queue, made for a phone at a street stall: newest first, filter by session, approve with one tap or
 * many at once, reject with a reason from the code table. Each decision swaps its row in place (htmx).
 */
@Controller
@PreAuthorize("hasAuthority('ORG_WRITE')")
class ApprovalQueueController {

    private static final int QUEUE_SIZE = 100;

    private final MembershipApplications applications;
    private final MessageSource messages;

    ApprovalQueueController(MembershipApplications applications, MessageSource messages) {
        this.applications = applications;
        this.messages = messages;
    }

    @GetMapping("/join/queue")
    String queue(@AuthenticationPrincipal ScopedPrincipal staff, @RequestParam(name = "s", required = false) String session,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("items", applications.queue(staff, session, QUEUE_SIZE));
        model.addAttribute("sessionCode", session);
        model.addAttribute("reasons", applications.rejectReasons());
        return htmx != null ? "join/queue :: rows" : "join/queue";
    }

    @PostMapping("/join/queue/{applicationNo}/approve")
    String approve(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String applicationNo, Model model,
            Locale locale) {
        return decided(model, applicationNo, () -> applications.approve(staff, applicationNo), locale);
    }

    @PostMapping("/join/queue/{applicationNo}/reject")
    String reject(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable String applicationNo,
            @RequestParam(required = false) String reason, Model model, Locale locale) {
        return decided(model, applicationNo, () -> {
            applications.reject(staff, applicationNo, reason);
            return null;
        }, locale);
    }

    /** Approves every ticked application; each answers for itself, so one already decided does not stop the rest. */
    @PostMapping("/join/queue/approve")
    String approveMany(@AuthenticationPrincipal ScopedPrincipal staff,
            @RequestParam(name = "applicationNo", required = false) List<String> numbers, Model model,
            Locale locale) {
        List<Outcome> outcomes = (numbers == null ? List.<String>of() : numbers).stream()
                .map(no -> outcome(no, () -> applications.approve(staff, no), locale))
                .toList();
        model.addAttribute("outcomes", outcomes);
        return "join/queue :: outcomes";
    }

    /** What became of one application. */
    record Outcome(String applicationNo, String memberNo, boolean rejected, String error) {
    }

    private interface Decision {
        String decide();
    }

    private String decided(Model model, String applicationNo, Decision decision, Locale locale) {
        model.addAttribute("outcomes", List.of(outcome(applicationNo, decision, locale)));
        return "join/queue :: outcomes";
    }

    private Outcome outcome(String applicationNo, Decision decision, Locale locale) {
        try {
            String memberNo = decision.decide();
            return new Outcome(applicationNo, memberNo, memberNo == null, null);
        } catch (ConflictException e) {
            return new Outcome(applicationNo, null, false, messages.getMessage("error." + e.code(), null, locale));
        } catch (ValidationFailure e) {
            return new Outcome(applicationNo, null, false,
                    String.join("；", Messages.byField(messages, e, locale).values()));
        }
    }
}

package org.unionhub.membership.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.unionhub.Messages;
import org.unionhub.common.ConflictException;
import org.unionhub.common.ValidationFailure;
import org.unionhub.membership.ApplicationInput;
import org.unionhub.membership.ApplicationView;
import org.unionhub.membership.MembershipApplications;
import org.unionhub.membership.MembershipTransfers;
import org.unionhub.membership.SessionDirectory.SessionRef;

/**
 * The worker's side of joining, on a phone without signing in: the application form (opened from a session's QR
 * code as {@code /join?s=<code>}), and the status page that refreshes itself until staff decide. The form carries a
 * one-time request key, so a double tap or a retry after a lost answer finds the same application; it redirects to
 * the status page with the application's access secret in the link ({@code ?secret=}), without which the page does
 * not open. A worker who is a member already is offered a transfer to the union the form routes to, and follows it on
 * its own status page.
 */
@Controller
class JoinPageController {

    private final MembershipApplications applications;
    private final MembershipTransfers transfers;
    private final MessageSource messages;

    JoinPageController(MembershipApplications applications, MembershipTransfers transfers, MessageSource messages) {
        this.applications = applications;
        this.transfers = transfers;
        this.messages = messages;
    }

    /**
     * The form, naming the session the worker came from; a code that names no session taking applications (unknown,
     * closed or cancelled) is said so and dropped, so the worker can still apply.
     */
    @GetMapping("/join")
    String form(@RequestParam(name = "s", required = false) String sessionCode, Model model) {
        String code = sessionCode == null || sessionCode.isBlank() ? null : sessionCode.strip();
        if (code != null) {
            Optional<SessionRef> session = applications.session(code);
            if (session.isEmpty()) {
                model.addAttribute("unknownSession", code);
            }
            code = session.map(SessionRef::code).orElse(null);
        }
        return form(model, new ApplicationInput(null, "RESIDENT_ID", null, null, null, null, null, null, null,
                code, false), UUID.randomUUID().toString(), false);
    }

    @PostMapping("/join")
    String submit(@RequestParam("requestKey") String requestKey,
            @RequestParam(name = "noFixedEmployer", defaultValue = "false") boolean noFixedEmployer,
            @ModelAttribute ApplicationInput input, BindingResult binding, Model model, Locale locale) {
        ApplicationInput effective = effective(input, noFixedEmployer);
        try {
            Messages.requireWellTyped(binding);
            MembershipApplications.Submitted submitted = applications.submit(requestKey, effective);
            return "redirect:" + UriComponentsBuilder.fromPath("/join/status/{no}")
                    .queryParam("secret", submitted.accessSecret())
                    .buildAndExpand(submitted.application().applicationNo()).toUriString();
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale, "join"));
            return form(model, input, requestKey, noFixedEmployer);
        } catch (ConflictException conflict) {
            model.addAttribute("conflict", messages.getMessage("error." + conflict.code(), null, locale));
            if ("ALREADY_MEMBER".equals(conflict.code())) {
                model.addAttribute("transferTo", transfers.receivingUnionFor(effective));
            }
            return form(model, input, requestKey, noFixedEmployer);
        }
    }

    /**
     * A member asks to move their membership instead of joining again: the same form, sent with the offer's button.
     * The phone must be the one on file; the offer stays on the page while the worker corrects it.
     */
    @PostMapping("/join/transfers")
    String requestTransfer(@RequestParam("requestKey") String requestKey,
            @RequestParam(name = "noFixedEmployer", defaultValue = "false") boolean noFixedEmployer,
            @ModelAttribute ApplicationInput input, BindingResult binding, Model model, Locale locale) {
        ApplicationInput effective = effective(input, noFixedEmployer);
        try {
            Messages.requireWellTyped(binding);
            String number = transfers.requestByWorker(requestKey, effective).transfer().transferNo();
            return "redirect:/join/transfers/" + number;
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale, "join"));
            if (failure.violations().stream().allMatch(v -> "phone".equals(v.field()))) {
                model.addAttribute("transferTo", transfers.receivingUnionFor(effective));
            }
            return form(model, input, requestKey, noFixedEmployer);
        } catch (ConflictException conflict) {
            model.addAttribute("conflict", messages.getMessage("error." + conflict.code(), null, locale));
            return form(model, input, requestKey, noFixedEmployer);
        }
    }

    @GetMapping("/join/transfers/{transferNo}")
    String transferStatus(@PathVariable String transferNo, Model model) {
        model.addAttribute("transfer", transfers.status(transferNo));
        return "join/transfer";
    }

    /** Opens only with the application's access secret, which the link from the form carries. */
    @GetMapping("/join/status/{applicationNo}")
    String status(@PathVariable String applicationNo, @RequestParam(required = false) String secret, Model model,
            Locale locale) {
        ApplicationView application = applications.status(applicationNo, secret);
        model.addAttribute("submitted", application);
        model.addAttribute("secret", secret);
        if (application.rejectReason() != null) {
            model.addAttribute("reason", applications.rejectReasons().stream()
                    .filter(r -> r.code().equals(application.rejectReason()))
                    .map(r -> r.name(locale)).findFirst().orElse(application.rejectReason()));
        }
        return "join/status";
    }

    /** What the form means: an employer, or no fixed employer with an occupation — the other side's fields dropped. */
    private static ApplicationInput effective(ApplicationInput input, boolean noFixedEmployer) {
        return noFixedEmployer
                ? new ApplicationInput(input.name(), input.idType(), input.idNumber(), input.phone(), null, null,
                        input.occupation(), input.workStreetId(), input.homeStreetId(), input.sessionCode(),
                        input.consent())
                : new ApplicationInput(input.name(), input.idType(), input.idNumber(), input.phone(),
                        input.employerCreditCode(), input.employerName(), null, input.workStreetId(), null,
                        input.sessionCode(), input.consent());
    }

    private String form(Model model, ApplicationInput input, String requestKey, boolean noFixedEmployer) {
        model.addAttribute("form", input);
        if (input.sessionCode() != null && !input.sessionCode().isBlank()) {
            applications.session(input.sessionCode()).ifPresent(session -> model.addAttribute("viaSession", session));
        }
        model.addAttribute("requestKey", requestKey);
        model.addAttribute("noFixedEmployer", noFixedEmployer);
        model.addAttribute("streets", applications.streets());
        model.addAttribute("occupations", List.of("COURIER", "FOOD_DELIVERY_RIDER", "RIDE_HAILING_DRIVER",
                "TRUCK_DRIVER", "DOMESTIC_WORKER", "OTHER"));
        model.addAttribute("idTypes", List.of("RESIDENT_ID", "RESIDENCE_PERMIT", "PASSPORT",
                "MAINLAND_TRAVEL_PERMIT", "FOREIGN_PERMANENT_RESIDENCE"));
        return "join/form";
    }
}

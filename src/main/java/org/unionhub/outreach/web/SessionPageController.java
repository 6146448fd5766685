package org.unionhub.outreach.web;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
import org.unionhub.QrSvg;
import org.unionhub.common.ConflictException;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.Campaigns;
import org.unionhub.outreach.OutreachSessions;
import org.unionhub.outreach.Session;
import org.unionhub.outreach.SessionFilter;
import org.unionhub.outreach.SessionInput;
import org.unionhub.outreach.SessionKind;
import org.unionhub.outreach.SessionStatus;
import org.unionhub.outreach.domain.SessionWindow;

/**
 * The staff's session pages: the list of the scope (upcoming, open, closed; by kind and campaign), the planning form
 * (lunchtime today by default; a one-time request key makes a double submit find the first session), a session's
 * page with its tallies, and the printable QR poster.
 */
@Controller
@PreAuthorize("hasAuthority('ORG_READ')")
class SessionPageController {

    /** The planning form as the browser sends it: a day and two times; names one per line or comma-separated. */
    record SessionForm(String kind, Long orgId, Long campaignId, String title, String place, BigDecimal lat,
            BigDecimal lng, String day, String startTime, String endTime, String staffOnDuty, String partners) {

        SessionInput input() {
            return new SessionInput(kind, orgId, campaignId, title, place, lat, lng, at(startTime), at(endTime),
                    names(staffOnDuty), names(partners));
        }

        private String at(String time) {
            return day == null || day.isBlank() || time == null || time.isBlank() ? null
                    : day.strip() + "T" + time.strip();
        }

        private static List<String> names(String text) {
            return text == null ? List.of() : Arrays.stream(text.split("[,，、\\n]")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final OutreachSessions sessions;
    private final Campaigns campaigns;
    private final OrgTree tree;
    private final MessageSource messages;

    SessionPageController(OutreachSessions sessions, Campaigns campaigns, OrgTree tree, MessageSource messages) {
        this.sessions = sessions;
        this.campaigns = campaigns;
        this.tree = tree;
        this.messages = messages;
    }

    @GetMapping("/outreach/sessions")
    String list(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam(required = false) SessionStatus status,
            @RequestParam(required = false) SessionKind kind, @RequestParam(required = false) Long campaignId,
            Model model) {
        model.addAttribute("sessions", sessions.list(me, new SessionFilter(status, kind, campaignId)));
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("statuses", SessionStatus.values());
        model.addAttribute("kinds", SessionKind.values());
        model.addAttribute("campaigns", campaigns.list(me));
        return "outreach/list";
    }

    @GetMapping("/outreach/sessions/new")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String newForm(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam(required = false) Long orgId,
            @RequestParam(required = false) Long campaignId, Model model) {
        SessionWindow lunch = sessions.defaultWindow();
        return form(me, model, new SessionForm("WORKER", orgId == null ? me.scope().rootOrgId() : orgId, campaignId,
                null, null, null, null, lunch.startsAt().toLocalDate().toString(), lunch.startsAt().format(TIME),
                lunch.endsAt().format(TIME), null, null), UUID.randomUUID().toString());
    }

    @PostMapping("/outreach/sessions")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String plan(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam("requestKey") String requestKey,
            @ModelAttribute("form") SessionForm form, BindingResult binding, Model model, Locale locale) {
        try {
            Messages.requireWellTyped(binding);
            return "redirect:/outreach/sessions/" + sessions.plan(me, requestKey, form.input()).session().id();
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale, "session"));
            return form(me, model, form, requestKey);
        }
    }

    @GetMapping("/outreach/sessions/{id}")
    String show(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model) {
        Session session = sessions.get(me, id);
        model.addAttribute("s", session);
        model.addAttribute("tallies", sessions.tallies(me, id));
        model.addAttribute("topics", sessions.topics());
        model.addAttribute("joinUrl", SessionApiController.joinUrl(session));
        return "outreach/show";
    }

    @PostMapping("/outreach/sessions/{id}/cancel")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String cancel(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model, Locale locale) {
        return changed(me, id, model, locale, () -> sessions.cancel(me, id));
    }

    @PostMapping("/outreach/sessions/{id}/close")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String close(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model, Locale locale) {
        return changed(me, id, model, locale, () -> sessions.close(me, id));
    }

    /** An A4 poster to print: the union, the theme, when and where, and a big QR code of the join link. */
    @GetMapping("/outreach/sessions/{id}/poster")
    String poster(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model) {
        Session session = sessions.get(me, id);
        String joinUrl = SessionApiController.joinUrl(session);
        model.addAttribute("s", session);
        model.addAttribute("joinUrl", joinUrl);
        model.addAttribute("qr", QrSvg.of(joinUrl));
        return "outreach/poster";
    }

    private interface Change {
        Session apply();
    }

    private String changed(ScopedPrincipal me, long id, Model model, Locale locale, Change change) {
        try {
            change.apply();
            return "redirect:/outreach/sessions/" + id;
        } catch (ConflictException conflict) {
            model.addAttribute("conflict", messages.getMessage("error." + conflict.code(), null, locale));
            return show(me, id, model);
        }
    }

    private String form(ScopedPrincipal me, Model model, SessionForm form, String requestKey) {
        OrgUnit root = tree.get(me.scope(), me.scope().rootOrgId());
        List<OrgUnit> organisers = new ArrayList<>();
        organisers.add(root);
        organisers.addAll(tree.children(me.scope(), root.id()).stream().filter(OrgUnit::isActive).toList());
        if (form.orgId() != null && organisers.stream().noneMatch(u -> u.id() == form.orgId())
                && tree.covers(me.scope(), form.orgId())) {
            tree.find(form.orgId()).ifPresent(organisers::add);
        }
        model.addAttribute("form", form);
        model.addAttribute("requestKey", requestKey);
        model.addAttribute("organisers", organisers);
        model.addAttribute("kinds", SessionKind.values());
        model.addAttribute("campaigns", campaigns.list(me));
        return "outreach/form";
    }
}

package org.unionhub.outreach.web;

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
import org.unionhub.outreach.OutreachSessions;
import org.unionhub.outreach.Session;
import org.unionhub.outreach.SessionCounters;

/**
 * The live page of a session, for a phone at the stall: one-tap counters (workers reached, consultations by topic,
 * each with a correction), the applications arriving through the session's code with one-tap approval, and closing
 * with the tallies. Counters and arrivals refresh every few seconds (htmx). Every tap carries an id the phone made
 * ({@code session-live.js} keeps unsent taps and sends them again until the server answers), so a lost answer or a
 * retry never counts twice; without JavaScript each button posts a tap id rendered with the page.
 */
@Controller
@PreAuthorize("hasAuthority('ORG_WRITE')")
class LiveSessionController {

    static final int ARRIVALS_SHOWN = 30;

    /** What became of one approval tapped on the live page. */
    record Outcome(String applicationNo, String memberNo, String error) {
    }

    private final OutreachSessions sessions;
    private final SessionCounters counters;
    private final MembershipApplications applications;
    private final MessageSource messages;

    LiveSessionController(OutreachSessions sessions, SessionCounters counters, MembershipApplications applications,
            MessageSource messages) {
        this.sessions = sessions;
        this.counters = counters;
        this.applications = applications;
        this.messages = messages;
    }

    @GetMapping("/outreach/sessions/{id}/live")
    String live(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model) {
        Session session = sessions.get(me, id);
        model.addAttribute("s", session);
        tallies(me, session, model);
        arrivals(me, session, model);
        return "outreach/live";
    }

    @GetMapping("/outreach/sessions/{id}/live/tallies")
    String talliesFragment(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model) {
        Session session = sessions.get(me, id);
        model.addAttribute("s", session);
        tallies(me, session, model);
        return "outreach/live :: tallies";
    }

    @GetMapping("/outreach/sessions/{id}/live/arrivals")
    String arrivalsFragment(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model) {
        Session session = sessions.get(me, id);
        model.addAttribute("s", session);
        arrivals(me, session, model);
        return "outreach/live :: arrivals";
    }

    /** One tap: {@code measure} is REACHED or a topic code, {@code count} +1 or -1 (a correction). */
    @PostMapping("/outreach/sessions/{id}/live/tap")
    String tap(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, @RequestParam String tapId,
            @RequestParam String measure, @RequestParam int count,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        try {
            if (SessionCounters.REACHED.equals(measure)) {
                counters.countReached(me, id, tapId, count);
            } else {
                counters.countConsultations(me, id, tapId, measure, count);
            }
        } catch (ValidationFailure failure) {
            model.addAttribute("tapError", String.join("；", Messages.byField(messages, failure, locale).values()));
        } catch (ConflictException conflict) {
            model.addAttribute("tapError", messages.getMessage("error." + conflict.code(), null, locale));
        }
        if (htmx == null && !model.containsAttribute("tapError")) {
            return "redirect:/outreach/sessions/" + id + "/live";
        }
        Session session = sessions.get(me, id);
        model.addAttribute("s", session);
        tallies(me, session, model);
        if (htmx == null) {
            arrivals(me, session, model);
            return "outreach/live";
        }
        return "outreach/live :: tallies";
    }

    @PostMapping("/outreach/sessions/{id}/live/approve/{applicationNo}")
    String approve(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @PathVariable String applicationNo, Model model, Locale locale) {
        Session session = sessions.get(me, id);
        Outcome outcome;
        try {
            outcome = new Outcome(applicationNo, applications.approve(me, applicationNo), null);
        } catch (ConflictException conflict) {
            outcome = new Outcome(applicationNo, null, messages.getMessage("error." + conflict.code(), null, locale));
        }
        model.addAttribute("s", session);
        model.addAttribute("outcome", outcome);
        return "outreach/live :: outcome";
    }

    @PostMapping("/outreach/sessions/{id}/live/close")
    String close(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id, Model model, Locale locale) {
        try {
            sessions.close(me, id);
        } catch (ConflictException conflict) {
            model.addAttribute("tapError", messages.getMessage("error." + conflict.code(), null, locale));
            return live(me, id, model);
        }
        return "redirect:/outreach/sessions/" + id + "/live";
    }

    private void tallies(ScopedPrincipal me, Session session, Model model) {
        model.addAttribute("tallies", sessions.tallies(me, session.id()));
        model.addAttribute("topics", sessions.topics());
    }

    private void arrivals(ScopedPrincipal me, Session session, Model model) {
        model.addAttribute("arrivals", session.status().isLive()
                ? applications.queue(me, session.code(), ARRIVALS_SHOWN) : List.of());
    }
}

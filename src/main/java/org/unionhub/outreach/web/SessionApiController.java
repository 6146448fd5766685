package org.unionhub.outreach.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.ConsultationTopic;
import org.unionhub.outreach.OutreachSessions;
import org.unionhub.outreach.OutreachSessions.Planned;
import org.unionhub.outreach.Session;
import org.unionhub.outreach.SessionCounters;
import org.unionhub.outreach.SessionCounters.Counted;
import org.unionhub.outreach.SessionFilter;
import org.unionhub.outreach.SessionInput;
import org.unionhub.outreach.SessionKind;
import org.unionhub.outreach.SessionStatus;
import org.unionhub.outreach.SessionTallies;

@Tag(name = "Outreach", description = "Worker and enterprise communication sessions (双沟通), their counters")
@RestController
@RequestMapping("/api/v1/outreach")
class SessionApiController {

    /** A session as the API answers it; {@code joinUrl} is the absolute link its QR code opens. */
    record SessionAnswer(long id, String code, String joinUrl, SessionKind kind, long orgId, String orgName,
            Long campaignId, String campaignName, String title, String place, BigDecimal lat, BigDecimal lng,
            OffsetDateTime startsAt, OffsetDateTime endsAt, LocalDate heldOn, List<String> staffOnDuty,
            List<String> partners, SessionStatus status) {

        static SessionAnswer of(Session s) {
            return new SessionAnswer(s.id(), s.code(), SessionApiController.joinUrl(s), s.kind(), s.orgId(), s.orgName(), s.campaignId(),
                    s.campaignName(), s.title(), s.place(), s.lat(), s.lng(), s.startsAt(), s.endsAt(), s.heldOn(),
                    s.staffOnDuty(), s.partners(), s.status());
        }
    }

    /** A session's tallies. */
    record TalliesAnswer(long sessionId, int workersReached, Map<String, Integer> consultations,
            int consultationsTotal, long applications, long joined) {

        static TalliesAnswer of(SessionTallies t) {
            return new TalliesAnswer(t.sessionId(), t.workersReached(), t.consultations(), t.consultationsTotal(),
                    t.applications(), t.joined());
        }
    }

    record ConsultationInput(String topic, Integer count) {
    }

    record ReachedInput(Integer count) {
    }

    private final OutreachSessions sessions;
    private final SessionCounters counters;

    SessionApiController(OutreachSessions sessions, SessionCounters counters) {
        this.sessions = sessions;
        this.counters = counters;
    }

    @Operation(summary = "Plan a session in the caller's scope",
            description = "201 with id, code and joinUrl. With an Idempotency-Key the same key again (same account) "
                    + "answers 200 with the same session.")
    @PostMapping("/sessions")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    ResponseEntity<SessionAnswer> plan(@AuthenticationPrincipal ScopedPrincipal staff,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody SessionInput input) {
        Planned planned = sessions.plan(staff, key, input);
        return ResponseEntity.status(planned.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(SessionAnswer.of(planned.session()));
    }

    @Operation(summary = "Sessions in the caller's scope, newest first (at most 200)")
    @GetMapping("/sessions")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<SessionAnswer> list(@AuthenticationPrincipal ScopedPrincipal staff,
            @RequestParam(required = false) SessionStatus status, @RequestParam(required = false) SessionKind kind,
            @RequestParam(required = false) Long campaignId) {
        return sessions.list(staff, new SessionFilter(status, kind, campaignId)).stream().map(SessionAnswer::of)
                .toList();
    }

    @Operation(summary = "A session in the caller's scope")
    @GetMapping("/sessions/{id}")
    @PreAuthorize("hasAuthority('ORG_READ')")
    SessionAnswer get(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable long id) {
        return SessionAnswer.of(sessions.get(staff, id));
    }

    @Operation(summary = "A session's tallies: reached, consultations by topic, applications, joined")
    @GetMapping("/sessions/{id}/tallies")
    @PreAuthorize("hasAuthority('ORG_READ')")
    TalliesAnswer tallies(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable long id) {
        return TalliesAnswer.of(sessions.tallies(staff, id));
    }

    @Operation(summary = "Open a planned session (the first counted tap opens it too)")
    @PostMapping("/sessions/{id}/open")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    SessionAnswer open(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable long id) {
        return SessionAnswer.of(sessions.open(staff, id));
    }

    @Operation(summary = "Close a session: counting stops and its code takes no more applications")
    @PostMapping("/sessions/{id}/close")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    SessionAnswer close(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable long id) {
        return SessionAnswer.of(sessions.close(staff, id));
    }

    @Operation(summary = "Cancel a planned session")
    @PostMapping("/sessions/{id}/cancel")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    SessionAnswer cancel(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable long id) {
        return SessionAnswer.of(sessions.cancel(staff, id));
    }

    @Operation(summary = "Count consultations on a topic at a worker session",
            description = "201 with the tallies. Send an Idempotency-Key per tap: the same key again answers 200 "
                    + "and counts nothing. A negative count corrects a miscount.")
    @PostMapping("/sessions/{id}/consultations")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    ResponseEntity<TalliesAnswer> consultations(@AuthenticationPrincipal ScopedPrincipal staff,
            @PathVariable long id, @RequestHeader(name = "Idempotency-Key", required = false) String tapId,
            @RequestBody ConsultationInput input) {
        return answer(counters.countConsultations(staff, id, tapId, input.topic(), input.count()));
    }

    @Operation(summary = "Count workers reached at a worker session",
            description = "As for consultations: 201 with the tallies, 200 for a repeated Idempotency-Key.")
    @PostMapping("/sessions/{id}/reached")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    ResponseEntity<TalliesAnswer> reached(@AuthenticationPrincipal ScopedPrincipal staff, @PathVariable long id,
            @RequestHeader(name = "Idempotency-Key", required = false) String tapId,
            @RequestBody ReachedInput input) {
        return answer(counters.countReached(staff, id, tapId, input.count()));
    }

    @Operation(summary = "The consultation topics (code table)")
    @GetMapping("/consultation-topics")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<ConsultationTopic> topics() {
        return sessions.topics();
    }

    private static ResponseEntity<TalliesAnswer> answer(Counted counted) {
        return ResponseEntity.status(counted.counted() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(TalliesAnswer.of(counted.tallies()));
    }

    static String joinUrl(Session session) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/join").queryParam("s", session.code())
                .toUriString();
    }
}

package org.unionhub.outreach;

import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.ConflictException;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.persistence.SessionRepository;
import org.unionhub.outreach.persistence.SessionRepository.SessionRow;

/**
 * The one-tap counters of a worker session: workers reached and consultations by topic. Each tap carries an id made
 * by the client; a retried tap (same id) is recorded once and counts once. Taps on one session take turns on its row,
 * so two staff tapping at once lose nothing. A negative count corrects a miscount, never below zero. The first tap
 * opens a planned session. Publishes {@link WorkersReached} and {@link ConsultationsCounted} with the session's date.
 */
@Service
@Transactional(readOnly = true)
public class SessionCounters {

    /** The tallies after a tap, and whether this tap counted ({@code false}: a retry of one already counted). */
    public record Counted(SessionTallies tallies, boolean counted) {
    }

    /** The measure a tap on the workers-reached counter records. */
    public static final String REACHED = "REACHED";
    static final int MOST_AT_ONCE = 1000;
    private static final Pattern TAP_ID = Pattern.compile("^[\\x21-\\x7e]{8,100}$");

    private final SessionRepository sessions;
    private final OutreachSessions outreach;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionCounters(SessionRepository sessions, OutreachSessions outreach, ApplicationEventPublisher events,
            Clock clock) {
        this.sessions = sessions;
        this.outreach = outreach;
        this.events = events;
        this.clock = clock;
    }

    /** Counts {@code count} more workers reached (negative to correct). */
    @Transactional
    public Counted countReached(ScopedPrincipal staff, long sessionId, String tapId, Integer count) {
        return count(staff, sessionId, tapId, REACHED, count);
    }

    /** Counts {@code count} more consultations on {@code topic} (negative to correct). */
    @Transactional
    public Counted countConsultations(ScopedPrincipal staff, long sessionId, String tapId, String topic,
            Integer count) {
        var errors = new ValidationFailure.Collector();
        String code = Texts.blankToNull(topic);
        if (code == null) {
            errors.add("topic", "REQUIRED");
        } else if (!sessions.isTopic(code)) {
            errors.add("topic", "UNKNOWN_CODE");
        }
        checkCount(count, errors);
        errors.throwIfAny();
        return count(staff, sessionId, tapId, code, count);
    }

    private Counted count(ScopedPrincipal staff, long sessionId, String tapId, String measure, Integer count) {
        String tap = Texts.blankToNull(tapId);
        var errors = new ValidationFailure.Collector();
        if (tap != null && !TAP_ID.matcher(tap).matches()) {
            errors.add("Idempotency-Key", "IDEMPOTENCY_KEY_FORMAT");
        }
        checkCount(count, errors);
        errors.throwIfAny();
        SessionRow session = sessions.lockInScope(outreach.scopePath(staff), sessionId)
                .orElseThrow(() -> new NotFoundException("Session " + sessionId));
        if (session.kind() != SessionKind.WORKER) {
            throw new ConflictException("WORKER_SESSIONS_ONLY");
        }
        if (!sessions.recordTap(sessionId, tap == null ? UUID.randomUUID().toString() : tap, measure, count,
                staff.username())) {
            return new Counted(outreach.tallies(session), false);
        }
        if (!session.status().isLive()) {
            throw new ConflictException("SESSION_NOT_LIVE");
        }
        if (session.status() == SessionStatus.PLANNED) {
            sessions.changeStatus(sessionId, SessionStatus.PLANNED, SessionStatus.OPEN, staff.username(),
                    clock.instant());
        }
        boolean applied = REACHED.equals(measure) ? sessions.addReached(sessionId, count)
                : sessions.addConsultations(sessionId, measure, count);
        if (!applied) {
            throw ValidationFailure.of("count", "BELOW_ZERO");
        }
        events.publishEvent(REACHED.equals(measure) ? new WorkersReached(sessionId, count, session.heldOn())
                : new ConsultationsCounted(sessionId, measure, count, session.heldOn()));
        return new Counted(outreach.tallies(sessions.findById(sessionId).orElseThrow()), true);
    }

    private static void checkCount(Integer count, ValidationFailure.Collector errors) {
        if (errors.has("count")) {
            return;
        }
        if (count == null) {
            errors.add("count", "REQUIRED");
        } else if (count == 0 || Math.abs(count) > MOST_AT_ONCE) {
            errors.add("count", "OUT_OF_RANGE");
        }
    }
}

package org.unionhub.outreach;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.ConflictException;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.domain.SessionCodes;
import org.unionhub.outreach.domain.SessionWindow;
import org.unionhub.outreach.persistence.CampaignRepository;
import org.unionhub.outreach.persistence.CampaignRepository.CampaignRow;
import org.unionhub.outreach.persistence.SessionRepository;
import org.unionhub.outreach.persistence.SessionRepository.NewSession;
import org.unionhub.outreach.persistence.SessionRepository.SessionRow;

/**
 * Planning and running communication sessions in a staff member's scope: plan one (an {@code Idempotency-Key} makes a
 * double submit find the first), open, close or cancel it, and read its tallies. Publishes {@link SessionPlanned}
 * and {@link SessionCancelled} in the transaction that changes the session.
 */
@Service
@Transactional(readOnly = true)
public class OutreachSessions {

    /** A session planned now ({@code created}) or found again under the same idempotency key. */
    public record Planned(Session session, boolean created) {
    }

    static final int TITLE_MAX = 100;
    static final int PLACE_MAX = 200;
    static final int NAMES_MAX = 20;
    static final int NAME_MAX = 50;
    static final int LIST_LIMIT = 200;
    private static final int CODE_ATTEMPTS = 8;
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]{8,100}$");

    private final SessionRepository sessions;
    private final CampaignRepository campaigns;
    private final OrgTree tree;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    OutreachSessions(SessionRepository sessions, CampaignRepository campaigns, OrgTree tree, Clock clock,
            ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.campaigns = campaigns;
        this.tree = tree;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Checks and stores a session with a fresh code. The same staff member's same key again returns the first session
     * unchanged; without a key every call plans a new one.
     */
    @Transactional
    public Planned plan(ScopedPrincipal staff, String idempotencyKey, SessionInput input) {
        String key = Texts.blankToNull(idempotencyKey);
        if (key != null && !KEY.matcher(key).matches()) {
            throw ValidationFailure.of("Idempotency-Key", "IDEMPOTENCY_KEY_FORMAT");
        }
        if (key != null) {
            Optional<Long> earlier = sessions.findByKey(staff.username(), key);
            if (earlier.isPresent()) {
                return new Planned(view(sessions.findById(earlier.get()).orElseThrow()), false);
            }
        }
        NewSession checked = check(staff, key, input);
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            Optional<SessionRow> stored = store(withCode(checked, SessionCodes.next(random)));
            if (stored.isPresent()) {
                return new Planned(view(stored.get()), true);
            }
            if (key != null) {
                Optional<Long> concurrent = sessions.findByKey(staff.username(), key);
                if (concurrent.isPresent()) {
                    return new Planned(view(sessions.findById(concurrent.get()).orElseThrow()), false);
                }
            }
        }
        throw new IllegalStateException("No free session code after " + CODE_ATTEMPTS + " attempts");
    }

    /**
     * Plans a session under a code chosen beforehand (the demo session's well-known code); the code must be one the
     * generator could have made and not taken yet.
     */
    @Transactional
    public Session planWithCode(ScopedPrincipal staff, String code, SessionInput input) {
        String chosen = SessionCodes.normalise(code);
        if (chosen == null) {
            throw ValidationFailure.of("code", "FORMAT");
        }
        NewSession checked = check(staff, null, input);
        return store(withCode(checked, chosen)).map(this::view)
                .orElseThrow(() -> ValidationFailure.of("code", "DUPLICATE"));
    }

    public Session get(ScopedPrincipal staff, long id) {
        return view(row(staff, id));
    }

    public List<Session> list(ScopedPrincipal staff, SessionFilter filter) {
        Map<Long, String> orgNames = new HashMap<>();
        Map<Long, String> campaignNames = new HashMap<>();
        return sessions.search(scopePath(staff), filter.status(), filter.kind(), filter.campaignId(), LIST_LIMIT)
                .stream().map(row -> view(row, orgNames, campaignNames)).toList();
    }

    public SessionTallies tallies(ScopedPrincipal staff, long id) {
        return tallies(row(staff, id));
    }

    /** Opens a planned session (the first counter tap does it too). */
    @Transactional
    public Session open(ScopedPrincipal staff, long id) {
        return move(staff, id, SessionStatus.OPEN);
    }

    /** Closes a session: its counters stop, its code no longer takes applications; its tallies stay. */
    @Transactional
    public Session close(ScopedPrincipal staff, long id) {
        return move(staff, id, SessionStatus.CLOSED);
    }

    /** Calls off a planned session; it no longer counts anywhere. */
    @Transactional
    public Session cancel(ScopedPrincipal staff, long id) {
        Session cancelled = move(staff, id, SessionStatus.CANCELLED);
        events.publishEvent(new SessionCancelled(id));
        return cancelled;
    }

    public List<ConsultationTopic> topics() {
        return sessions.topics();
    }

    /** The lunchtime window of today in the city's zone: the planning form's default. */
    public SessionWindow defaultWindow() {
        return SessionWindow.lunchtime(LocalDate.now(clock), clock.getZone());
    }

    /** A session whose code workers can still apply with (planned or open), by a code as typed. */
    public Optional<Session> findLive(String typedCode) {
        return Optional.ofNullable(SessionCodes.normalise(typedCode))
                .flatMap(sessions::findByCode)
                .filter(s -> s.status().isLive())
                .map(this::view);
    }

    String scopePath(ScopedPrincipal staff) {
        return tree.get(staff.scope(), staff.scope().rootOrgId()).path();
    }

    SessionRow row(ScopedPrincipal staff, long id) {
        return sessions.findInScope(scopePath(staff), id).orElseThrow(() -> new NotFoundException("Session " + id));
    }

    SessionTallies tallies(SessionRow row) {
        return new SessionTallies(row.id(), row.workersReached(), sessions.consultations(row.id()),
                sessions.applications(row.id()), sessions.joins(row.id()));
    }

    Session view(SessionRow row) {
        return view(row, new HashMap<>(), new HashMap<>());
    }

    /** The session as staff see it; names looked up once per list through the maps given. */
    private Session view(SessionRow row, Map<Long, String> orgNames, Map<Long, String> campaignNames) {
        String orgName = orgNames.computeIfAbsent(row.orgId(), id -> tree.find(id).map(OrgUnit::name).orElse(""));
        String campaignName = row.campaignId() == null ? null : campaignNames.computeIfAbsent(row.campaignId(),
                id -> campaigns.findById(id).map(CampaignRow::name).orElse(null));
        return new Session(row.id(), row.code(), row.kind(), row.orgId(), orgName, row.campaignId(), campaignName,
                row.title(), row.place(), row.lat(), row.lng(), local(row.startsAt()), local(row.endsAt()),
                row.heldOn(), row.staffOnDuty(), row.partners(), row.status(), row.createdBy());
    }

    /** A stored instant as the city's wall-clock time, the way posters and pages show it. */
    private OffsetDateTime local(OffsetDateTime at) {
        return at.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    private Session move(ScopedPrincipal staff, long id, SessionStatus target) {
        SessionRow session = row(staff, id);
        if (!session.status().canMoveTo(target)
                || !sessions.changeStatus(id, session.status(), target, staff.username(), clock.instant())) {
            throw new ConflictException("STATUS_TRANSITION_NOT_ALLOWED");
        }
        return view(sessions.findById(id).orElseThrow());
    }

    /** Inserts and announces a session; empty when its code (or its creator's key) is taken. */
    private Optional<SessionRow> store(NewSession session) {
        Optional<Long> id = sessions.insert(session);
        id.ifPresent(stored -> events.publishEvent(new SessionPlanned(stored, session.code(), session.kind(),
                session.orgId(), session.orgPath(), session.campaignId(), session.heldOn())));
        return id.flatMap(sessions::findById);
    }

    private static NewSession withCode(NewSession s, String code) {
        return new NewSession(code, s.kind(), s.orgId(), s.orgPath(), s.campaignId(), s.title(), s.place(), s.lat(),
                s.lng(), s.startsAt(), s.endsAt(), s.heldOn(), s.staffOnDuty(), s.partners(), s.createdBy(),
                s.idempotencyKey());
    }

    private NewSession check(ScopedPrincipal staff, String key, SessionInput input) {
        var errors = new ValidationFailure.Collector();
        SessionKind kind = null;
        if (Texts.blankToNull(input.kind()) == null) {
            errors.add("kind", "REQUIRED");
        } else {
            try {
                kind = SessionKind.valueOf(input.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("kind", "UNKNOWN_CODE");
            }
        }
        OrgUnit organiser = null;
        if (input.orgId() == null) {
            errors.add("orgId", "REQUIRED");
        } else if (!tree.covers(staff.scope(), input.orgId())) {
            errors.add("orgId", "NOT_FOUND");
        } else {
            organiser = tree.find(input.orgId()).orElseThrow();
            if (!organiser.isActive()) {
                errors.add("orgId", "ALREADY_CLOSED");
            }
        }
        String title = text(input.title(), "title", TITLE_MAX, errors);
        String place = text(input.place(), "place", PLACE_MAX, errors);
        checkCoordinates(input.lat(), input.lng(), errors);
        ZoneId zone = clock.getZone();
        Optional<OffsetDateTime> starts = time(input.startsAt(), "startsAt", zone, errors);
        Optional<OffsetDateTime> ends = time(input.endsAt(), "endsAt", zone, errors);
        SessionWindow window = null;
        if (starts.isPresent() && ends.isPresent()) {
            window = new SessionWindow(starts.get(), ends.get());
            window.problem().ifPresent(problem -> errors.add("endsAt", problem.name()));
        }
        List<String> staffOnDuty = names(input.staffOnDuty(), "staffOnDuty", errors);
        List<String> partners = names(input.partners(), "partners", errors);
        if (input.campaignId() != null && organiser != null && window != null) {
            checkCampaign(input.campaignId(), organiser, window.heldOn(zone), errors);
        }
        errors.throwIfAny();
        return new NewSession(null, kind, organiser.id(), organiser.path(), input.campaignId(), title, place,
                input.lat(), input.lng(), window.startsAt(), window.endsAt(), window.heldOn(zone), staffOnDuty,
                partners, staff.username(), key);
    }

    /** The campaign must reach the organiser (run by it or a union above it) and be held on the session's day. */
    private void checkCampaign(long campaignId, OrgUnit organiser, LocalDate heldOn,
            ValidationFailure.Collector errors) {
        Optional<CampaignRow> campaign = campaigns.findById(campaignId)
                .filter(c -> organiser.path().startsWith(c.orgPath()));
        if (campaign.isEmpty()) {
            errors.add("campaignId", "NOT_FOUND");
        } else if (!campaign.get().heldOn().equals(heldOn)) {
            errors.add("campaignId", "CAMPAIGN_OTHER_DAY");
        }
    }

    private static String text(String value, String field, int max, ValidationFailure.Collector errors) {
        String text = Texts.blankToNull(value);
        if (text == null) {
            errors.add(field, "REQUIRED");
        } else if (text.length() > max) {
            errors.add(field, "TOO_LONG");
        }
        return text;
    }

    private static void checkCoordinates(BigDecimal lat, BigDecimal lng, ValidationFailure.Collector errors) {
        if (lat == null && lng == null) {
            return;
        }
        if (lat == null) {
            errors.add("lat", "REQUIRED");
        } else if (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            errors.add("lat", "OUT_OF_RANGE");
        }
        if (lng == null) {
            errors.add("lng", "REQUIRED");
        } else if (lng.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            errors.add("lng", "OUT_OF_RANGE");
        }
    }

    private static Optional<OffsetDateTime> time(String text, String field, ZoneId zone,
            ValidationFailure.Collector errors) {
        if (Texts.blankToNull(text) == null) {
            errors.add(field, "REQUIRED");
            return Optional.empty();
        }
        Optional<OffsetDateTime> parsed = SessionWindow.parse(text, zone);
        if (parsed.isEmpty()) {
            errors.add(field, "FORMAT");
        }
        return parsed;
    }

    private static List<String> names(List<String> values, String field, ValidationFailure.Collector errors) {
        List<String> names = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String name = Texts.blankToNull(value);
            if (name == null || names.contains(name)) {
                continue;
            }
            if (name.length() > NAME_MAX) {
                errors.add(field, "TOO_LONG");
                return names;
            }
            names.add(name);
        }
        if (names.size() > NAMES_MAX) {
            errors.add(field, "TOO_MANY");
        }
        return names;
    }
}

package org.unionhub.outreach;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.outreach.domain.SessionCodes;
import org.unionhub.outreach.domain.SessionWindow;
import org.unionhub.outreach.persistence.CampaignRepository;
import org.unionhub.outreach.persistence.CampaignRepository.CampaignRow;
import org.unionhub.outreach.persistence.SessionBackfillRepository;
import org.unionhub.outreach.persistence.SessionBackfillRepository.HeldRow;

/**
 * Sessions that have already taken place, recorded in bulk with their final tallies: a backfill of past outreach
 * (the seeds' city generator uses it), where planning and tapping each of tens of thousands of sessions one call at
 * a time would take hours. Each session is stored closed, as it would be after its stall packed up, and announced
 * with the same events the live path publishes, in the same transaction: {@link SessionPlanned}, then
 * {@link WorkersReached} and {@link ConsultationsCounted} (one per topic counted) dated the session's day. The events
 * are published kind by kind across the batch (all plannings, then all workers reached, then the consultations topic
 * by topic), so that the listeners working through them in parallel seldom wait for the same session.
 */
@Service
@Transactional(readOnly = true)
public class SessionBackfill {

    /**
     * A session that took place: who organised it (an active union), when and where, who was on duty and which
     * partners came, and for a worker session the workers reached and consultations by topic code.
     */
    public record HeldSession(SessionKind kind, long orgId, Long campaignId, String title, String place,
            BigDecimal lat, BigDecimal lng, OffsetDateTime startsAt, OffsetDateTime endsAt, List<String> staffOnDuty,
            List<String> partners, int workersReached, Map<String, Integer> consultations) {
    }

    /** A recorded session: its id and the code it was given. */
    public record Recorded(long sessionId, String code) {
    }

    private static final int CODE_ROUNDS = 8;

    private final SessionBackfillRepository backfill;
    private final CampaignRepository campaigns;
    private final OrgTree tree;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SessionBackfill(SessionBackfillRepository backfill, CampaignRepository campaigns, OrgTree tree, Clock clock,
            ApplicationEventPublisher events) {
        this.backfill = backfill;
        this.campaigns = campaigns;
        this.tree = tree;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Checks every session (a broken rule names the session by its place in the list, e.g.
     * {@code sessions[3].endsAt}; then nothing is stored) and records them all, closed and recorded by
     * {@code recordedBy}, with codes drawn from {@code codes} (a seeded generator makes the codes repeatable; a code
     * already taken is drawn again). Answers the sessions in the order given.
     */
    @Transactional
    public List<Recorded> recordHeld(String recordedBy, List<HeldSession> sessions, RandomGenerator codes) {
        List<HeldRow> rows = check(recordedBy, sessions);
        Map<Integer, Recorded> recorded = new HashMap<>();
        Set<String> drawn = new HashSet<>();
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            waiting.add(i);
        }
        for (int round = 0; !waiting.isEmpty(); round++) {
            if (round == CODE_ROUNDS) {
                throw new IllegalStateException("No free session codes for " + waiting.size() + " sessions");
            }
            List<HeldRow> batch = new ArrayList<>();
            for (int i : waiting) {
                String code;
                do {
                    code = SessionCodes.next(codes);
                } while (!drawn.add(code));
                batch.add(rows.get(i).withCode(code));
            }
            Map<String, Long> ids = backfill.insertClosed(batch);
            List<Integer> taken = new ArrayList<>();
            for (int k = 0; k < batch.size(); k++) {
                Long id = ids.get(batch.get(k).code());
                if (id == null) {
                    taken.add(waiting.get(k));
                } else {
                    recorded.put(waiting.get(k), new Recorded(id, batch.get(k).code()));
                }
            }
            waiting = taken;
        }
        List<Recorded> answer = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            answer.add(recorded.get(i));
        }
        backfill.insertConsultations(answer.stream().map(Recorded::sessionId).toList(),
                rows.stream().map(HeldRow::consultations).toList());
        publish(rows, answer);
        return answer;
    }

    private void publish(List<HeldRow> rows, List<Recorded> recorded) {
        for (int i = 0; i < rows.size(); i++) {
            HeldRow row = rows.get(i);
            events.publishEvent(new SessionPlanned(recorded.get(i).sessionId(), recorded.get(i).code(), row.kind(),
                    row.orgId(), row.orgPath(), row.campaignId(), row.heldOn()));
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).workersReached() > 0) {
                events.publishEvent(new WorkersReached(recorded.get(i).sessionId(), rows.get(i).workersReached(),
                        rows.get(i).heldOn()));
            }
        }
        for (String topic : topicsInOrder(rows)) {
            for (int i = 0; i < rows.size(); i++) {
                int count = rows.get(i).consultations().getOrDefault(topic, 0);
                if (count > 0) {
                    events.publishEvent(new ConsultationsCounted(recorded.get(i).sessionId(), topic, count,
                            rows.get(i).heldOn()));
                }
            }
        }
    }

    private static Set<String> topicsInOrder(List<HeldRow> rows) {
        Set<String> topics = new LinkedHashSet<>();
        rows.forEach(row -> topics.addAll(row.consultations().keySet()));
        return topics;
    }

    private List<HeldRow> check(String recordedBy, List<HeldSession> sessions) {
        var errors = new ValidationFailure.Collector();
        if (Texts.blankToNull(recordedBy) == null) {
            errors.add("recordedBy", "REQUIRED");
        }
        Set<String> topics = new HashSet<>();
        backfill.topics().forEach(topics::add);
        Map<Long, Optional<OrgUnit>> organisers = new HashMap<>();
        Map<Long, Optional<CampaignRow>> campaignRows = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<HeldRow> rows = new ArrayList<>(sessions.size());
        for (int i = 0; i < sessions.size(); i++) {
            HeldSession s = sessions.get(i);
            String at = "sessions[" + i + "].";
            if (s.kind() == null) {
                errors.add(at + "kind", "REQUIRED");
            }
            OrgUnit organiser = organisers.computeIfAbsent(s.orgId(), tree::find).orElse(null);
            if (organiser == null) {
                errors.add(at + "orgId", "NOT_FOUND");
            } else if (!organiser.isActive()) {
                errors.add(at + "orgId", "ALREADY_CLOSED");
            }
            text(s.title(), at + "title", OutreachSessions.TITLE_MAX, errors);
            text(s.place(), at + "place", OutreachSessions.PLACE_MAX, errors);
            LocalDate heldOn = null;
            if (s.startsAt() == null || s.endsAt() == null) {
                errors.add(at + "endsAt", "REQUIRED");
            } else {
                SessionWindow window = new SessionWindow(s.startsAt(), s.endsAt());
                window.problem().ifPresent(problem -> errors.add(at + "endsAt", problem.name()));
                if (s.endsAt().isAfter(now)) {
                    errors.add(at + "endsAt", "SESSION_NOT_HELD_YET");
                }
                heldOn = window.heldOn(clock.getZone());
            }
            names(s.staffOnDuty(), at + "staffOnDuty", errors);
            names(s.partners(), at + "partners", errors);
            if (s.campaignId() != null && organiser != null && heldOn != null) {
                Optional<CampaignRow> campaign = campaignRows.computeIfAbsent(s.campaignId(), campaigns::findById)
                        .filter(c -> organiser.path().startsWith(c.orgPath()));
                if (campaign.isEmpty()) {
                    errors.add(at + "campaignId", "NOT_FOUND");
                } else if (!campaign.get().heldOn().equals(heldOn)) {
                    errors.add(at + "campaignId", "CAMPAIGN_OTHER_DAY");
                }
            }
            checkTallies(s, at, topics, errors);
            if (organiser != null && heldOn != null) {
                rows.add(new HeldRow(null, s.kind(), organiser.id(), organiser.path(), s.campaignId(),
                        Texts.blankToNull(s.title()), Texts.blankToNull(s.place()), s.lat(), s.lng(), s.startsAt(),
                        s.endsAt(), heldOn, list(s.staffOnDuty()), list(s.partners()), s.workersReached(),
                        counted(s.consultations()), recordedBy));
            }
        }
        errors.throwIfAny();
        return rows;
    }

    private static void checkTallies(HeldSession s, String at, Set<String> topics,
            ValidationFailure.Collector errors) {
        if (s.workersReached() < 0) {
            errors.add(at + "workersReached", "NEGATIVE");
        }
        Map<String, Integer> consultations = s.consultations() == null ? Map.of() : s.consultations();
        if (s.kind() == SessionKind.ENTERPRISE && (s.workersReached() > 0 || !consultations.isEmpty())) {
            errors.add(at + "consultations", "WORKER_SESSIONS_ONLY");
        }
        consultations.forEach((topic, count) -> {
            if (!topics.contains(topic)) {
                errors.add(at + "consultations", "UNKNOWN_CODE");
            } else if (count == null || count < 0) {
                errors.add(at + "consultations", "NEGATIVE");
            }
        });
    }

    /** The topics that were counted at all, in the order given. */
    private static Map<String, Integer> counted(Map<String, Integer> consultations) {
        Map<String, Integer> counted = new LinkedHashMap<>();
        if (consultations != null) {
            consultations.forEach((topic, count) -> {
                if (count != null && count > 0) {
                    counted.put(topic, count);
                }
            });
        }
        return counted;
    }

    private static void text(String value, String field, int max, ValidationFailure.Collector errors) {
        String text = Texts.blankToNull(value);
        if (text == null) {
            errors.add(field, "REQUIRED");
        } else if (text.length() > max) {
            errors.add(field, "TOO_LONG");
        }
    }

    private static void names(List<String> names, String field, ValidationFailure.Collector errors) {
        List<String> given = list(names);
        if (given.size() > OutreachSessions.NAMES_MAX) {
            errors.add(field, "TOO_MANY");
        } else if (given.stream().anyMatch(String::isEmpty)) {
            errors.add(field, "REQUIRED");
        } else if (given.stream().anyMatch(n -> n.length() > OutreachSessions.NAME_MAX)) {
            errors.add(field, "TOO_LONG");
        }
    }

    private static List<String> list(List<String> names) {
        return names == null ? List.of() : names.stream().map(n -> n == null ? "" : n.strip()).toList();
    }
}

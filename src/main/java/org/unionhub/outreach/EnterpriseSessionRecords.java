package org.unionhub.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.Enterprise;
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.domain.Pipeline;
import org.unionhub.outreach.persistence.CoverageRepository;
import org.unionhub.outreach.persistence.CoverageRepository.CoverageRow;
import org.unionhub.outreach.persistence.CoverageRepository.NewCoverage;

/**
 * The record of an enterprise session (企业沟通会): each enterprise it covered, the person met, the service package
 * items offered and the outcome. The first record of an enterprise at a session publishes {@link EnterpriseCovered}
 * in the same transaction; recording it again corrects it and publishes nothing. The outcome moves the enterprise's
 * pipeline on when it is a step forward, dated the session's day.
 */
@Service
@Transactional(readOnly = true)
public class EnterpriseSessionRecords {

    /** A coverage recorded now ({@code created}) or corrected. */
    public record Recorded(EnterpriseCoverage coverage, boolean created) {
    }

    static final int PERSON_MAX = 50;
    static final int ITEMS_MAX = 20;

    private final OutreachSessions sessions;
    private final EnterpriseRegistry enterprises;
    private final EnterprisePipelines pipelines;
    private final ServicePackageCatalogue catalogue;
    private final CoverageRepository coverage;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EnterpriseSessionRecords(OutreachSessions sessions, EnterpriseRegistry enterprises, EnterprisePipelines pipelines,
            ServicePackageCatalogue catalogue, CoverageRepository coverage, Clock clock,
            ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.enterprises = enterprises;
        this.pipelines = pipelines;
        this.catalogue = catalogue;
        this.coverage = coverage;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Records (or corrects) what an enterprise session in scope did with an enterprise in scope. The session must be
     * an enterprise session that has taken place and was not cancelled; the items must be offered at the organising
     * union's sessions (or already recorded for this enterprise).
     */
    @Transactional
    public Recorded record(ScopedPrincipal staff, long sessionId, long enterpriseId, CoverageInput input) {
        Session session = sessions.get(staff, sessionId);
        Enterprise enterprise = enterprises.get(staff.scope(), enterpriseId);
        var errors = new ValidationFailure.Collector();
        if (session.kind() != SessionKind.ENTERPRISE) {
            errors.add("sessionId", "ENTERPRISE_SESSIONS_ONLY");
        } else if (session.status() == SessionStatus.CANCELLED) {
            errors.add("sessionId", "SESSION_CANCELLED");
        } else if (session.heldOn().isAfter(LocalDate.now(clock))) {
            errors.add("sessionId", "SESSION_NOT_HELD_YET");
        }
        String person = Texts.blankToNull(input.personMet());
        if (person == null) {
            errors.add("personMet", "REQUIRED");
        } else if (person.length() > PERSON_MAX) {
            errors.add("personMet", "TOO_LONG");
        }
        String title = Texts.blankToNull(input.personTitle());
        if (title != null && title.length() > PERSON_MAX) {
            errors.add("personTitle", "TOO_LONG");
        }
        String note = Texts.blankToNull(input.note());
        if (note != null && note.length() > EnterprisePipelines.NOTE_MAX) {
            errors.add("note", "TOO_LONG");
        }
        Set<Long> items = new LinkedHashSet<>(input.itemIds() == null ? List.of() : input.itemIds());
        items.remove(null);
        Set<Long> allowed = new HashSet<>();
        catalogue.offeredAt(session.orgId()).forEach(item -> allowed.add(item.id()));
        coverage.find(sessionId, enterpriseId).ifPresent(earlier -> allowed.addAll(earlier.itemIds()));
        if (items.size() > ITEMS_MAX) {
            errors.add("itemIds", "TOO_MANY");
        } else if (!allowed.containsAll(items)) {
            errors.add("itemIds", "UNKNOWN_CODE");
        }
        Pipeline.outcomeProblems("outcome", input.outcome(), input.declineReason(), note)
                .forEach(v -> errors.add(v.field(), v.code()));
        errors.throwIfAny();

        DeclineReason reason = input.outcome() == PipelineState.DECLINED ? input.declineReason() : null;
        boolean advanced = pipelines.advance(staff, enterpriseId,
                new StepInput(input.outcome(), session.heldOn(), reason, note), sessionId);
        boolean created = coverage.upsert(new NewCoverage(sessionId, enterpriseId, enterprise.name(), person, title,
                input.outcome(), reason, note, advanced, staff.username()), List.copyOf(items));
        if (created) {
            events.publishEvent(new EnterpriseCovered(sessionId, enterpriseId, session.heldOn()));
        }
        return new Recorded(view(coverage.find(sessionId, enterpriseId).orElseThrow()), created);
    }

    /** The enterprises a session in scope covered, in the order recorded. */
    public List<EnterpriseCoverage> ofSession(ScopedPrincipal staff, long sessionId) {
        sessions.get(staff, sessionId);
        return views(coverage.ofSession(sessionId));
    }

    /** The sessions that covered an enterprise in scope, latest first. */
    public List<EnterpriseCoverage> ofEnterprise(OrgScope scope, long enterpriseId) {
        enterprises.get(scope, enterpriseId);
        return views(coverage.ofEnterprise(enterpriseId));
    }

    private EnterpriseCoverage view(CoverageRow row) {
        return views(List.of(row)).get(0);
    }

    private List<EnterpriseCoverage> views(List<CoverageRow> rows) {
        Map<Long, ServiceItem> items = catalogue.items(rows.stream().flatMap(r -> r.itemIds().stream())
                        .collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(ServiceItem::id, Function.identity()));
        return rows.stream().map(row -> new EnterpriseCoverage(row.sessionId(), row.sessionTitle(), row.heldOn(),
                row.enterpriseId(), row.enterpriseName(), row.personMet(), row.personTitle(),
                row.itemIds().stream().map(items::get).toList(), row.outcome(), row.declineReason(), row.note(),
                row.advanced(), row.recordedBy(), row.recordedAt())).toList();
    }
}

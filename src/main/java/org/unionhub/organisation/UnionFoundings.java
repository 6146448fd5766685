package org.unionhub.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.persistence.EnterpriseRepository;
import org.unionhub.organisation.persistence.OrgUnitRepository;
import org.unionhub.organisation.persistence.UnionFoundingRepository;

/**
 * Founding a union in an enterprise (建会): a grassroots union node appears under the enterprise's street, the
 * enterprise is linked to it and unionised from the founding date (a dated period, so that
 * {@link #hadUnionOn(long, LocalDate)} answers for any day; a period ends when its union closes), and
 * {@link UnionFounded} is published in the same transaction. An enterprise whose union has closed may found a new
 * one, dated no earlier than the closing. An enterprise with {@value #WORKERS_HOME_THRESHOLD} or more employees is flagged to also build a
 * workers' home. Founding is idempotent: the same union credit code sent again for the same enterprise answers the
 * founding already made, without a second node or event.
 */
@Service
@Transactional(readOnly = true)
public class UnionFoundings {

    /** Enterprises with at least this many employees also build a workers' home (职工之家) when they found a union. */
    public static final int WORKERS_HOME_THRESHOLD = 100;
    static final int CHAIR_MAX = 50;

    /** A founding made now ({@code created}) or found again on a repeated submission. */
    public record Founded(Founding founding, boolean created) {
    }

    private final EnterpriseRegistry registry;
    private final EnterpriseRepository enterprises;
    private final OrgUnitRepository units;
    private final UnionFoundingRepository foundings;
    private final OrgTree tree;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UnionFoundings(EnterpriseRegistry registry, EnterpriseRepository enterprises, OrgUnitRepository units,
            UnionFoundingRepository foundings, OrgTree tree, Clock clock, ApplicationEventPublisher events) {
        this.registry = registry;
        this.enterprises = enterprises;
        this.units = units;
        this.foundings = foundings;
        this.tree = tree;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Founds the union of an enterprise in the staff member's scope. Every broken rule is reported at once and nothing
     * is stored: an enterprise that has a union today, a missing or overlong name or chair, a date in the future or
     * before an earlier union of the enterprise ended, a credit code that is malformed, not a grassroots union's
     * ({@code 81…}) or already used. {@code sessionId} is carried into {@link UnionFounded}.
     */
    @Transactional
    public Founded found(ScopedPrincipal staff, long enterpriseId, FoundingInput input, Long sessionId) {
        registry.get(staff.scope(), enterpriseId);
        Enterprise enterprise = enterprises.lock(enterpriseId);
        Optional<Founding> earlier = repeatedFounding(enterprise, input.creditCode());
        if (earlier.isPresent()) {
            return new Founded(earlier.get(), false);
        }
        var errors = new ValidationFailure.Collector();
        LocalDate today = LocalDate.now(clock);
        if (hadUnionOn(enterpriseId, today)) {
            errors.add("enterpriseId", "ALREADY_UNIONISED");
        }
        OrgUnit street = streetOf(enterprise);
        if (!units.isInScope(staff.scope().rootOrgId(), street.id())) {
            errors.add("enterpriseId", "STREET_OUT_OF_SCOPE");
        } else if (!street.isActive()) {
            errors.add("enterpriseId", "PARENT_CLOSED");
        }
        String name = OrgTree.checkName("unionName", input.unionName(), errors);
        String chair = Texts.blankToNull(input.chair());
        if (chair == null) {
            errors.add("chair", "REQUIRED");
        } else if (chair.length() > CHAIR_MAX) {
            errors.add("chair", "TOO_LONG");
        }
        LocalDate foundedOn = input.foundedOn();
        if (foundedOn == null) {
            errors.add("foundedOn", "REQUIRED");
        } else if (foundedOn.isAfter(today)) {
            errors.add("foundedOn", "FUTURE_DATE");
        } else if (enterprises.lastUnionPeriodEnd(enterpriseId).filter(foundedOn::isBefore).isPresent()) {
            errors.add("foundedOn", "BEFORE_EARLIER_UNION_ENDED");
        }
        String credit = null;
        if (Texts.blankToNull(input.creditCode()) == null) {
            errors.add("creditCode", "REQUIRED");
        } else {
            credit = tree.checkUnionCreditCode(input.creditCode(), OrgKind.GRASSROOTS, null, errors);
        }
        errors.throwIfAny();

        long unionId;
        try {
            unionId = units.insert(street, name, OrgKind.GRASSROOTS, street.divisionCode(), credit, foundedOn);
        } catch (DuplicateKeyException e) {
            throw ValidationFailure.of("creditCode", "DUPLICATE");
        }
        enterprises.linkFoundedUnion(enterpriseId, unionId, foundedOn);
        Integer employees = enterprise.employeeCount();
        boolean workersHome = employees != null && employees >= WORKERS_HOME_THRESHOLD;
        foundings.insert(unionId, enterpriseId, chair, foundedOn, employees, workersHome, sessionId,
                staff.username(), clock.instant());
        OrgUnit union = units.findById(unionId).orElseThrow();
        events.publishEvent(new UnionFounded(unionId, union.path(), enterpriseId, foundedOn, sessionId));
        return new Founded(foundings.findByUnion(unionId).orElseThrow(), true);
    }

    /** The enterprise's most recent founding through the platform, if any. */
    public Optional<Founding> latestFounding(OrgScope scope, long enterpriseId) {
        registry.get(scope, enterpriseId);
        return foundings.latestOf(enterpriseId);
    }

    /** Every period in which the enterprise had a union, newest first. */
    public List<UnionPeriod> unionHistory(OrgScope scope, long enterpriseId) {
        registry.get(scope, enterpriseId);
        return enterprises.unionPeriods(enterpriseId);
    }

    /**
     * Whether the enterprise had a union on {@code date} (founded on or before it, not closed by then). Not scoped:
     * for checks such as a loan's "had the borrower's enterprise founded a union when the loan was made?".
     */
    public boolean hadUnionOn(long enterpriseId, LocalDate date) {
        return unionOn(enterpriseId, date).isPresent();
    }

    /** The union the enterprise had on {@code date}, if any. Not scoped, like {@link #hadUnionOn}. */
    public Optional<Long> unionOn(long enterpriseId, LocalDate date) {
        return enterprises.unionOn(enterpriseId, date);
    }

    /** The founding that made the enterprise's current union with the same credit code: a repeated submission. */
    private Optional<Founding> repeatedFounding(Enterprise enterprise, String rawCreditCode) {
        String code = Texts.blankToNull(rawCreditCode);
        if (!enterprise.hasUnion() || code == null) {
            return Optional.empty();
        }
        return foundings.findByUnion(enterprise.unionId())
                .filter(f -> f.unionCreditCode().equals(code.toUpperCase(Locale.ROOT)));
    }

    /**
     * Where the new union goes: the street-level union (street, township, town, park, building) at or above the node
     * the enterprise is registered under; a district or the federation when the enterprise sits directly there.
     */
    private OrgUnit streetOf(Enterprise enterprise) {
        OrgUnit node = units.findById(enterprise.orgId()).orElseThrow();
        while (!node.kind().isStreetLevel() && node.kind() != OrgKind.DISTRICT && node.parentId() != null) {
            node = units.findById(node.parentId()).orElseThrow();
        }
        return node;
    }
}

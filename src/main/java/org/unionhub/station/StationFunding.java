package org.unionhub.station;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.InvalidValueException;
import org.unionhub.common.Money;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.station.domain.GrantBudget;
import org.unionhub.station.persistence.FundingRepository;
import org.unionhub.station.persistence.FundingRepository.StandardRow;

/**
 * Station funding: a standard amount per kind and year (the city's, or a district's own), each district's annual
 * budget, and the grant of each station, which is requested when it is built and may never take a district past its
 * budget.
 */
@Service
@Transactional(readOnly = true)
public class StationFunding {

    /** A district's budget for a year with what is already committed to grants. */
    public record BudgetView(long districtOrgId, String districtName, int year, Money budget, Money committed,
            Money remaining) {
    }

    private final FundingRepository funding;
    private final StationCodes codes;
    private final OrgTree tree;
    private final Clock clock;

    StationFunding(FundingRepository funding, StationCodes codes, OrgTree tree, Clock clock) {
        this.funding = funding;
        this.codes = codes;
        this.tree = tree;
        this.clock = clock;
    }

    public Optional<StationGrant> grantOf(long stationId) {
        return funding.grantOf(stationId);
    }

    /** City defaults and the district's own standards for a year ({@code districtOrgId} null: city only). */
    public List<StandardRow> standards(ScopedPrincipal me, Long districtOrgId, int year) {
        if (districtOrgId != null) {
            requireDistrict(me, districtOrgId);
        }
        return funding.standards(districtOrgId, year);
    }

    /**
     * Sets a standard: the city's default ({@code districtOrgId} null, federation scope only) or a district's own.
     */
    @Transactional
    public void setStandard(ScopedPrincipal me, Long districtOrgId, int year, String kindCode, String amount) {
        var errors = new ValidationFailure.Collector();
        if (districtOrgId == null) {
            if (tree.find(me.scope().rootOrgId()).map(u -> u.kind() != OrgKind.FEDERATION).orElse(true)) {
                errors.add("districtOrgId", "REQUIRED");
            }
        } else {
            requireDistrict(me, districtOrgId);
        }
        checkYear(year, errors);
        if (kindCode == null || !codes.isKind(kindCode)) {
            errors.add("kindCode", "UNKNOWN_CODE");
        }
        Money money = money(amount, errors);
        errors.throwIfAny();
        funding.saveStandard(districtOrgId, year, kindCode, money);
    }

    @Transactional
    public void setBudget(ScopedPrincipal me, long districtOrgId, int year, String amount) {
        requireDistrict(me, districtOrgId);
        var errors = new ValidationFailure.Collector();
        checkYear(year, errors);
        Money money = money(amount, errors);
        // Locked as a grant request locks it, so that no grant is requested between this check and the new amount.
        funding.lockBudget(districtOrgId, year);
        if (money != null && money.compareTo(funding.committed(districtOrgId, year)) < 0) {
            errors.add("amount", "BELOW_COMMITTED");
        }
        errors.throwIfAny();
        funding.saveBudget(districtOrgId, year, money);
    }

    public BudgetView budget(ScopedPrincipal me, long districtOrgId, int year) {
        OrgUnit district = requireDistrict(me, districtOrgId);
        Money budget = funding.budget(districtOrgId, year).orElse(Money.ZERO);
        Money committed = funding.committed(districtOrgId, year);
        return new BudgetView(districtOrgId, district.name(), year, budget, committed, budget.minus(committed));
    }

    /** The districts inside the caller's scope (all of them for the federation; its own for a district). */
    public List<OrgUnit> districts(ScopedPrincipal me) {
        OrgUnit root = tree.get(me.scope(), me.scope().rootOrgId());
        if (root.kind() == OrgKind.FEDERATION) {
            return tree.children(me.scope(), root.id()).stream().filter(u -> u.kind() == OrgKind.DISTRICT).toList();
        }
        return tree.districtOf(root.id()).filter(d -> tree.covers(me.scope(), d.id())).stream().toList();
    }

    /** Requests the kind's grant from the owner's district; a station the federation owns itself is not funded here. */
    void requestGrant(long stationId, long ownerOrgId, String kindCode, String by) {
        Optional<OrgUnit> inDistrict = tree.districtOf(ownerOrgId);
        if (inDistrict.isEmpty()) {
            return;
        }
        OrgUnit district = inDistrict.get();
        int year = LocalDate.now(clock).getYear();
        Optional<Money> standard = funding.standardFor(district.id(), year, kindCode);
        if (standard.isEmpty() || standard.get().isZero()) {
            return;
        }
        Money budget = funding.lockBudget(district.id(), year).orElse(Money.ZERO);
        GrantBudget grantBudget = new GrantBudget(budget, funding.committed(district.id(), year));
        if (!grantBudget.allows(standard.get())) {
            throw ValidationFailure.of("status", "BUDGET_EXCEEDED");
        }
        funding.insertGrant(stationId, district.id(), year, standard.get(), clock.instant(), by);
    }

    void releaseGrant(long stationId, String by) {
        funding.setGrantStatus(stationId, GrantStatus.REQUESTED, GrantStatus.RELEASED, clock.instant(), by);
    }

    void cancelGrant(long stationId, String by) {
        funding.setGrantStatus(stationId, GrantStatus.REQUESTED, GrantStatus.CANCELLED, clock.instant(), by);
    }

    private OrgUnit requireDistrict(ScopedPrincipal me, long districtOrgId) {
        OrgUnit district = tree.get(me.scope(), districtOrgId);
        if (district.kind() != OrgKind.DISTRICT) {
            throw new NotFoundException("District " + districtOrgId);
        }
        return district;
    }

    private static void checkYear(int year, ValidationFailure.Collector errors) {
        if (year < 2000 || year > 2100) {
            errors.add("year", "OUT_OF_RANGE");
        }
    }

    private static Money money(String amount, ValidationFailure.Collector errors) {
        try {
            Money money = Money.of(amount);
            if (money.isNegative()) {
                errors.add("amount", "NEGATIVE");
            }
            return money;
        } catch (InvalidValueException e) {
            errors.add("amount", e.problem().name());
            return null;
        }
    }
}

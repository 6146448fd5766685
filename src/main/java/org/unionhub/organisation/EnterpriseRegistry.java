package org.unionhub.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.CreditCode;
import org.unionhub.common.DivisionCode;
import org.unionhub.common.InvalidValueException;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.persistence.EnterpriseRepository;
import org.unionhub.organisation.persistence.OrgUnitRepository;

/**
 * Enterprises under the tree. A credit code with a wrong check character is refused unless staff confirm it as a
 * real early pilot-era code; it is then kept with a warning flag. The union link entered here is a correction of the
 * record (see {@link UnionFoundings} for the dated history it keeps).
 */
@Service
@Transactional(readOnly = true)
public class EnterpriseRegistry {

    private static final int SEARCH_LIMIT = 100;
    static final int TEXT_MAX = 200;

    private final EnterpriseRepository enterprises;
    private final OrgUnitRepository units;
    private final OrgTree tree;
    private final Clock clock;

    EnterpriseRegistry(EnterpriseRepository enterprises, OrgUnitRepository units, OrgTree tree, Clock clock) {
        this.enterprises = enterprises;
        this.units = units;
        this.tree = tree;
        this.clock = clock;
    }

    public Enterprise get(OrgScope scope, long id) {
        return enterprises.findInScope(scope.rootOrgId(), id)
                .orElseThrow(() -> new NotFoundException("Enterprise " + id));
    }

    /** An enterprise by its credit code, whatever the scope: for routing a worker's application to its union. */
    public Optional<Enterprise> findByCreditCode(String creditCode) {
        return enterprises.findByCreditCode(creditCode);
    }

    public List<Enterprise> search(OrgScope scope, Long underOrgId, String text) {
        return enterprises.search(scope.rootOrgId(), underOrgId, Texts.likeFragment(text), SEARCH_LIMIT);
    }

    @Transactional
    public Enterprise create(OrgScope scope, EnterpriseInput input) {
        Enterprise checked = check(scope, input, null);
        long id = enterprises.insert(checked);
        return get(scope, id);
    }

    @Transactional
    public Enterprise update(OrgScope scope, long id, EnterpriseInput input) {
        get(scope, id);
        enterprises.update(check(scope, input, id));
        return get(scope, id);
    }

    /**
     * Records that an enterprise closed (on {@code closedOn}, today when absent). Its union, if it has an open one,
     * closes the same day — through {@link OrgTree#close}, so its members move to the parent union — and the
     * enterprise is refused whole when the union cannot close (it still has open unions below it).
     */
    @Transactional
    public Enterprise close(OrgScope scope, long id, LocalDate closedOn) {
        Enterprise enterprise = get(scope, id);
        if (enterprise.isClosed()) {
            throw ValidationFailure.of("id", "ALREADY_CLOSED");
        }
        LocalDate on = closedOn == null ? LocalDate.now(clock) : closedOn;
        if (enterprise.hasUnion() && tree.find(enterprise.unionId()).map(OrgUnit::isActive).orElse(false)) {
            tree.close(scope, enterprise.unionId(), on);
        }
        enterprises.close(id, on);
        return get(scope, id);
    }

    private Enterprise check(OrgScope scope, EnterpriseInput input, Long self) {
        var errors = new ValidationFailure.Collector();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            errors.add("name", "REQUIRED");
        } else if (name.length() > OrgTree.NAME_MAX) {
            errors.add("name", "TOO_LONG");
        }
        String credit = null;
        boolean checkFailed = false;
        try {
            CreditCode code = CreditCode.parseAllowingBadCheck(input.creditCode());
            credit = code.value();
            checkFailed = !code.hasValidCheckCharacter();
            if (checkFailed && !Boolean.TRUE.equals(input.confirmCreditCode())) {
                errors.add("creditCode", "CHECK_CHARACTER_UNCONFIRMED");
            } else if (enterprises.creditCodeTaken(credit, self)) {
                errors.add("creditCode", "DUPLICATE");
            }
        } catch (InvalidValueException e) {
            errors.add("creditCode", e.problem().name());
        }
        if (input.orgId() == null) {
            errors.add("orgId", "REQUIRED");
        } else if (!units.isInScope(scope.rootOrgId(), input.orgId())) {
            errors.add("orgId", "NOT_FOUND");
        }
        String division = null;
        if (input.divisionCode() != null && !input.divisionCode().isBlank()) {
            try {
                division = DivisionCode.parse(input.divisionCode()).value();
            } catch (InvalidValueException e) {
                errors.add("divisionCode", e.problem().name());
            }
        }
        checkLength("address", input.address(), errors);
        checkLength("industry", input.industry(), errors);
        if (input.employeeCount() != null && input.employeeCount() < 0) {
            errors.add("employeeCount", "NEGATIVE");
        }
        if (input.unionId() != null) {
            OrgUnit union = units.findInScope(scope.rootOrgId(), input.unionId()).orElse(null);
            if (union == null) {
                errors.add("unionId", "NOT_FOUND");
            } else if (!union.kind().holdsMembers()) {
                errors.add("unionId", "NOT_A_GRASSROOTS_UNION");
            }
            if (input.unionFoundedOn() == null) {
                errors.add("unionFoundedOn", "REQUIRED");
            } else if (self != null && enterprises.lastUnionPeriodEnd(self)
                    .filter(input.unionFoundedOn()::isBefore).isPresent()) {
                errors.add("unionFoundedOn", "BEFORE_EARLIER_UNION_ENDED");
            }
        }
        errors.throwIfAny();
        return new Enterprise(self == null ? 0 : self, name, credit, checkFailed, input.orgId(), null, division,
                Texts.blankToNull(input.address()), Texts.blankToNull(input.industry()), input.employeeCount(),
                Boolean.TRUE.equals(input.newEconomy()), Boolean.TRUE.equals(input.newSocialOrganisation()),
                Boolean.TRUE.equals(input.gigPlatform()), input.unionId(), null,
                input.unionId() == null ? null : input.unionFoundedOn(), null);
    }

    private static void checkLength(String field, String value, ValidationFailure.Collector errors) {
        if (value != null && value.strip().length() > TEXT_MAX) {
            errors.add(field, "TOO_LONG");
        }
    }
}

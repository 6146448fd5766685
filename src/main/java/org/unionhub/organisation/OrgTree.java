package org.unionhub.organisation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.CreditCode;
import org.unionhub.common.DivisionCode;
import org.unionhub.common.InvalidValueException;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.persistence.OrgUnitRepository;
import org.unionhub.organisation.persistence.OrgUnitRepository.MoveRecord;

/**
 * The union tree: scoped queries for every module, and the commands staff use to build and reshape it. Anything
 * outside the caller's scope is reported as not found.
 */
@Service
@Transactional(readOnly = true)
public class OrgTree {

    static final int NAME_MAX = 100;
    private static final int SEARCH_LIMIT = 50;

    private final OrgUnitRepository units;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrgTree(OrgUnitRepository units, Clock clock, ApplicationEventPublisher events) {
        this.units = units;
        this.clock = clock;
        this.events = events;
    }

    /** A node inside the scope, or {@link NotFoundException} whether it is missing or merely out of scope. */
    public OrgUnit get(OrgScope scope, long id) {
        return units.findInScope(scope.rootOrgId(), id).orElseThrow(() -> new NotFoundException("Organisation " + id));
    }

    public boolean covers(OrgScope scope, long orgId) {
        return units.isInScope(scope.rootOrgId(), orgId);
    }

    public List<OrgUnit> children(OrgScope scope, long id) {
        get(scope, id);
        return units.findChildren(id);
    }

    /** Finds nodes in scope whose name contains {@code text} or whose credit or division code equals it. */
    public List<OrgUnit> search(OrgScope scope, String text, String divisionCode, OrgKind kind) {
        return units.search(scope.rootOrgId(), Texts.likeFragment(text), Texts.blankToNull(divisionCode), kind,
                SEARCH_LIMIT);
    }

    /**
     * Active nodes of the given kinds anywhere in the tree whose name contains {@code text} or whose credit code
     * equals it, at most {@code limit}; not scoped, since unions' names are public — for choosing the union a member
     * transfers to, which may lie outside the caller's scope.
     */
    public List<OrgUnit> findActive(String text, Set<OrgKind> kinds, int limit) {
        String fragment = Texts.likeFragment(text);
        if (fragment == null || kinds.isEmpty()) {
            return List.of();
        }
        return units.findActive(fragment, kinds, Math.min(limit, SEARCH_LIMIT));
    }

    /** The node a staff account is bound to; not scoped, for the identity module. */
    public Optional<OrgUnit> find(long id) {
        return units.findById(id);
    }

    /** The district-level node (a district or the development area) a node sits in; empty for the federation. */
    public Optional<OrgUnit> districtOf(long orgId) {
        return units.findById(orgId)
                .filter(unit -> unit.depth() >= 1)
                .flatMap(unit -> units.findById(Long.parseLong(unit.path().split("/")[2])));
    }

    /** Every active street-level union of the city, in tree order: what a worker picks as "the street where I work". */
    public List<OrgUnit> streetLevelUnits() {
        return units.findStreetLevel();
    }

    /** The first active joint union directly under a node (a street's joint union), if it has one. */
    public Optional<OrgUnit> jointUnionOf(long orgId) {
        return units.findChildren(orgId).stream()
                .filter(u -> u.kind() == OrgKind.JOINT && u.isActive())
                .findFirst();
    }

    public Optional<OrgUnit> findByDivisionCode(String divisionCode) {
        return units.findByDivisionCode(divisionCode);
    }

    public List<MoveRecord> moves(OrgScope scope, long id) {
        get(scope, id);
        return units.findMoves(id);
    }

    @Transactional
    public OrgUnit create(OrgScope scope, NewOrgUnit input) {
        var errors = new ValidationFailure.Collector();
        OrgUnit parent = null;
        if (input.parentId() == null) {
            errors.add("parentId", "REQUIRED");
        } else {
            parent = units.findInScope(scope.rootOrgId(), input.parentId()).orElse(null);
            if (parent == null) {
                errors.add("parentId", "NOT_FOUND");
            }
        }
        if (input.kind() == null) {
            errors.add("kind", "REQUIRED");
        } else if (parent != null && !parent.kind().mayHaveChild(input.kind())) {
            errors.add("kind", "KIND_NOT_ALLOWED_UNDER_PARENT");
        } else if (parent != null && !parent.isActive()) {
            errors.add("parentId", "PARENT_CLOSED");
        }
        String name = checkName("name", input.name(), errors);
        String division = checkDivision(input.divisionCode(), errors);
        String credit = checkUnionCreditCode(input.creditCode(), input.kind(), null, errors);
        errors.throwIfAny();
        LocalDate createdOn = input.createdOn() == null ? LocalDate.now(clock) : input.createdOn();
        long id = units.insert(parent, name, input.kind(), division, credit, createdOn);
        return units.findById(id).orElseThrow();
    }

    @Transactional
    public OrgUnit update(OrgScope scope, long id, NewOrgUnit input) {
        OrgUnit existing = get(scope, id);
        var errors = new ValidationFailure.Collector();
        String name = checkName("name", input.name(), errors);
        String division = checkDivision(input.divisionCode(), errors);
        String credit = checkUnionCreditCode(input.creditCode(), existing.kind(), id, errors);
        errors.throwIfAny();
        units.update(id, name, division, credit);
        return units.findById(id).orElseThrow();
    }

    /** Closes a node that has no open children; publishes {@link UnionClosed} (its members move to the parent). */
    @Transactional
    public OrgUnit close(OrgScope scope, long id, LocalDate closedOn) {
        OrgUnit node = get(scope, id);
        if (node.id() == scope.rootOrgId() || node.parentId() == null) {
            throw ValidationFailure.of("id", "CANNOT_CLOSE_OWN_ROOT");
        }
        if (!node.isActive()) {
            throw ValidationFailure.of("id", "ALREADY_CLOSED");
        }
        if (units.findChildren(id).stream().anyMatch(OrgUnit::isActive)) {
            throw ValidationFailure.of("id", "HAS_ACTIVE_CHILDREN");
        }
        LocalDate on = closedOn == null ? LocalDate.now(clock) : closedOn;
        units.close(id, on);
        OrgUnit parent = units.findById(node.parentId()).orElseThrow();
        events.publishEvent(new UnionClosed(id, node.path(), parent.id(), parent.path(), on));
        return units.findById(id).orElseThrow();
    }

    /**
     * Moves a node and everything below it under a new parent; both must be inside the scope, the caller's own root
     * cannot move, and a node cannot move below itself. The move is recorded with who, when and why.
     */
    @Transactional
    public OrgUnit move(OrgScope scope, long id, Long newParentId, String movedBy, String reason) {
        OrgUnit node = get(scope, id);
        if (newParentId == null) {
            throw ValidationFailure.of("newParentId", "REQUIRED");
        }
        OrgUnit target = units.findInScope(scope.rootOrgId(), newParentId)
                .orElseThrow(() -> ValidationFailure.of("newParentId", "NOT_FOUND"));
        if (node.id() == scope.rootOrgId() || node.parentId() == null) {
            throw ValidationFailure.of("id", "CANNOT_MOVE_OWN_ROOT");
        }
        if (target.path().startsWith(node.path())) {
            throw ValidationFailure.of("newParentId", "MOVE_INTO_OWN_SUBTREE");
        }
        if (!target.kind().mayHaveChild(node.kind())) {
            throw ValidationFailure.of("newParentId", "KIND_NOT_ALLOWED_UNDER_PARENT");
        }
        if (target.id() == node.parentId()) {
            throw ValidationFailure.of("newParentId", "ALREADY_THERE");
        }
        Instant at = clock.instant();
        units.moveSubtree(node, target, at, movedBy, Texts.blankToNull(reason));
        OrgUnit moved = units.findById(id).orElseThrow();
        events.publishEvent(new SubtreeMoved(id, node.parentId(), target.id(), node.path(), moved.path(), at, movedBy));
        return moved;
    }

    static String checkName(String field, String raw, ValidationFailure.Collector errors) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            errors.add(field, "REQUIRED");
        } else if (name.length() > NAME_MAX) {
            errors.add(field, "TOO_LONG");
        }
        return name;
    }

    private static String checkDivision(String raw, ValidationFailure.Collector errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return DivisionCode.parse(raw).value();
        } catch (InvalidValueException e) {
            errors.add("divisionCode", e.problem().name());
            return null;
        }
    }

    String checkUnionCreditCode(String raw, OrgKind kind, Long self, ValidationFailure.Collector errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            CreditCode code = CreditCode.parse(raw);
            if (kind != null && !code.value().startsWith(kind.creditCodePrefix())) {
                errors.add("creditCode", "NOT_A_UNION_CODE");
            } else if (units.creditCodeTaken(code.value(), self)) {
                errors.add("creditCode", "DUPLICATE");
            }
            return code.value();
        } catch (InvalidValueException e) {
            errors.add("creditCode", e.problem().name());
            return null;
        }
    }

}

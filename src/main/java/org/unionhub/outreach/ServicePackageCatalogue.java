package org.unionhub.outreach;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.persistence.ServiceItemRepository;
import org.unionhub.outreach.persistence.ServiceItemRepository.ItemRow;

/**
 * The service package catalogue (服务包): each district union keeps its own items, the federation keeps the city's,
 * which every district offers too. Staff manage the items of the district or federation nodes inside their scope;
 * everyone sees the city's items and their own district's.
 */
@Service
@Transactional(readOnly = true)
public class ServicePackageCatalogue {

    static final int NAME_MAX = 50;
    static final int DESCRIPTION_MAX = 500;

    private final ServiceItemRepository items;
    private final OrgTree tree;

    ServicePackageCatalogue(ServiceItemRepository items, OrgTree tree) {
        this.items = items;
        this.tree = tree;
    }

    /**
     * What the staff member sees in the catalogue: the city's items, their district's, and every item kept inside
     * their scope (all districts' for the federation), retired ones included.
     */
    public List<ServiceItem> catalogue(OrgScope scope) {
        OrgUnit root = tree.get(scope, scope.rootOrgId());
        Map<Long, ItemRow> rows = new LinkedHashMap<>();
        items.ownedBy(keepersAbove(root), false).forEach(row -> rows.put(row.id(), row));
        items.inSubtree(root.path()).forEach(row -> rows.putIfAbsent(row.id(), row));
        return views(new ArrayList<>(rows.values()));
    }

    /** The items offered at sessions of the union {@code orgId}: active items of the city and of its district. */
    public List<ServiceItem> offeredAt(long orgId) {
        OrgUnit unit = tree.find(orgId).orElseThrow(() -> new NotFoundException("Organisation " + orgId));
        return views(items.ownedBy(keepersAbove(unit), true));
    }

    /** Items by id, whoever keeps them and whether still offered: for showing what a session offered. */
    List<ServiceItem> items(Collection<Long> ids) {
        return views(items.findAll(ids));
    }

    /** Whether the staff member may change the item: its keeping union lies inside their scope. */
    public boolean canManage(OrgScope scope, ServiceItem item) {
        return tree.covers(scope, item.ownerOrgId());
    }

    public ServiceItem get(OrgScope scope, long id) {
        return catalogue(scope).stream().filter(item -> item.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("Service item " + id));
    }

    /**
     * Adds an item to the catalogue of a district or the federation inside the scope; without {@code ownerOrgId}, to
     * the staff member's own node when that is a district or the federation.
     */
    @Transactional
    public ServiceItem create(ScopedPrincipal staff, ServiceItemInput input) {
        var errors = new ValidationFailure.Collector();
        long ownerId = input.ownerOrgId() != null ? input.ownerOrgId() : staff.scope().rootOrgId();
        OrgUnit owner = tree.covers(staff.scope(), ownerId) ? tree.find(ownerId).orElseThrow() : null;
        if (owner == null) {
            errors.add("ownerOrgId", "NOT_FOUND");
        } else if (owner.kind() != OrgKind.DISTRICT && owner.kind() != OrgKind.FEDERATION) {
            errors.add("ownerOrgId", "NOT_A_DISTRICT");
        }
        String name = checkName(input.name(), errors);
        String description = checkDescription(input.description(), errors);
        if (owner != null && name != null && items.nameTaken(owner.id(), name, null)) {
            errors.add("name", "DUPLICATE");
        }
        errors.throwIfAny();
        long id = items.insert(owner.id(), owner.path(), name, description, staff.username());
        return get(staff.scope(), id);
    }

    /** Changes an item kept inside the scope: its name, description, and whether it is still offered. */
    @Transactional
    public ServiceItem update(ScopedPrincipal staff, long id, ServiceItemInput input) {
        ServiceItem item = get(staff.scope(), id);
        if (!canManage(staff.scope(), item)) {
            throw new NotFoundException("Service item " + id);
        }
        var errors = new ValidationFailure.Collector();
        String name = checkName(input.name(), errors);
        String description = checkDescription(input.description(), errors);
        if (name != null && items.nameTaken(item.ownerOrgId(), name, id)) {
            errors.add("name", "DUPLICATE");
        }
        errors.throwIfAny();
        items.update(id, name, description, !Boolean.FALSE.equals(input.active()));
        return get(staff.scope(), id);
    }

    /** The federation and the district a node sits in (or is): whose items it sees. */
    private Set<Long> keepersAbove(OrgUnit unit) {
        Set<Long> keepers = new LinkedHashSet<>();
        keepers.add(Long.parseLong(unit.path().split("/")[1]));
        tree.districtOf(unit.id()).ifPresent(district -> keepers.add(district.id()));
        return keepers;
    }

    private List<ServiceItem> views(List<ItemRow> rows) {
        Map<Long, OrgUnit> owners = new HashMap<>();
        return rows.stream().map(row -> {
            OrgUnit owner = owners.computeIfAbsent(row.ownerOrgId(), ownerId -> tree.find(ownerId).orElseThrow());
            return new ServiceItem(row.id(), row.ownerOrgId(), owner.name(), owner.kind() == OrgKind.FEDERATION,
                    row.name(), row.description(), row.active());
        }).toList();
    }

    private static String checkName(String raw, ValidationFailure.Collector errors) {
        String name = Texts.blankToNull(raw);
        if (name == null) {
            errors.add("name", "REQUIRED");
        } else if (name.length() > NAME_MAX) {
            errors.add("name", "TOO_LONG");
            return null;
        }
        return name;
    }

    private static String checkDescription(String raw, ValidationFailure.Collector errors) {
        String description = Texts.blankToNull(raw);
        if (description != null && description.length() > DESCRIPTION_MAX) {
            errors.add("description", "TOO_LONG");
        }
        return description;
    }
}

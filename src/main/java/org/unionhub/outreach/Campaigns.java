package org.unionhub.outreach;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.persistence.CampaignRepository;
import org.unionhub.outreach.persistence.CampaignRepository.CampaignRow;

/**
 * Campaign days (e.g. the city-wide day of 2023-05-30): the federation or a district names a day, and the sessions
 * held in its area that day can belong to it. Only staff whose scope holds the federation or a district can create
 * one; every staff member below sees the campaigns that reach them.
 */
@Service
@Transactional(readOnly = true)
public class Campaigns {

    static final int NAME_MAX = 100;
    static final int LIST_LIMIT = 100;

    private final CampaignRepository campaigns;
    private final OrgTree tree;

    Campaigns(CampaignRepository campaigns, OrgTree tree) {
        this.campaigns = campaigns;
        this.tree = tree;
    }

    /** Creates a campaign day; the same union naming the same day the same again finds the first one. */
    @Transactional
    public Campaign create(ScopedPrincipal staff, CampaignInput input) {
        var errors = new ValidationFailure.Collector();
        String name = Texts.blankToNull(input.name());
        if (name == null) {
            errors.add("name", "REQUIRED");
        } else if (name.length() > NAME_MAX) {
            errors.add("name", "TOO_LONG");
        }
        if (input.heldOn() == null) {
            errors.add("heldOn", "REQUIRED");
        }
        OrgUnit organiser = null;
        if (input.orgId() == null) {
            errors.add("orgId", "REQUIRED");
        } else if (!tree.covers(staff.scope(), input.orgId())) {
            errors.add("orgId", "NOT_FOUND");
        } else {
            organiser = tree.find(input.orgId()).orElseThrow();
            if (organiser.kind() != OrgKind.FEDERATION && organiser.kind() != OrgKind.DISTRICT) {
                errors.add("orgId", "NOT_CITY_OR_DISTRICT");
            }
        }
        errors.throwIfAny();
        long orgId = organiser.id();
        long id = campaigns.insert(name, input.heldOn(), orgId, organiser.path(), staff.username())
                .orElseGet(() -> campaigns.findSame(orgId, input.heldOn(), name).orElseThrow());
        return view(campaigns.findById(id).orElseThrow());
    }

    /** The campaigns that reach the staff member's node or lie in their scope, newest first. */
    public List<Campaign> list(ScopedPrincipal staff) {
        return campaigns.visibleFrom(scopePath(staff), LIST_LIMIT).stream().map(this::view).toList();
    }

    public Campaign get(ScopedPrincipal staff, long id) {
        String scope = scopePath(staff);
        return campaigns.findById(id)
                .filter(c -> scope.startsWith(c.orgPath()) || c.orgPath().startsWith(scope))
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("Campaign " + id));
    }

    /** Whether the staff member may create campaigns: their own node is the federation or a district. */
    public boolean canCreate(ScopedPrincipal staff) {
        OrgKind kind = tree.get(staff.scope(), staff.scope().rootOrgId()).kind();
        return kind == OrgKind.FEDERATION || kind == OrgKind.DISTRICT;
    }

    private String scopePath(ScopedPrincipal staff) {
        return tree.get(staff.scope(), staff.scope().rootOrgId()).path();
    }

    private Campaign view(CampaignRow row) {
        return new Campaign(row.id(), row.name(), row.heldOn(), row.orgId(),
                tree.find(row.orgId()).map(OrgUnit::name).orElse(""), row.sessions());
    }
}

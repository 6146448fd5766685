package org.unionhub.identity;

import java.util.EnumSet;
import java.util.Set;

/** The roles a staff or partner account holds; each grants a fixed set of permissions or partner steps. */
public enum Role {
    FEDERATION_ADMIN(EnumSet.of(Permission.ORG_READ, Permission.ORG_WRITE, Permission.ORG_RESHAPE,
            Permission.ACCOUNT_ADMIN, Permission.AUDIT_READ, Permission.STATION_WRITE, Permission.FUNDING_MANAGE,
            Permission.PERSONAL_DATA_REVEAL),
            EnumSet.noneOf(PartnerStep.class)),
    DISTRICT_ADMIN(EnumSet.of(Permission.ORG_READ, Permission.ORG_WRITE, Permission.ORG_RESHAPE,
            Permission.ACCOUNT_ADMIN, Permission.AUDIT_READ, Permission.STATION_WRITE, Permission.FUNDING_MANAGE,
            Permission.PERSONAL_DATA_REVEAL),
            EnumSet.noneOf(PartnerStep.class)),
    STREET_STAFF(EnumSet.of(Permission.ORG_READ, Permission.ORG_WRITE, Permission.STATION_WRITE,
            Permission.PERSONAL_DATA_REVEAL),
            EnumSet.noneOf(PartnerStep.class)),
    GRASSROOTS_STAFF(EnumSet.of(Permission.ORG_READ, Permission.ORG_WRITE, Permission.STATION_WRITE,
            Permission.PERSONAL_DATA_REVEAL),
            EnumSet.noneOf(PartnerStep.class)),
    CENTRE_OFFICER(EnumSet.of(Permission.ORG_READ), EnumSet.noneOf(PartnerStep.class)),
    LEADER(EnumSet.of(Permission.ORG_READ), EnumSet.noneOf(PartnerStep.class)),
    BANK(EnumSet.of(Permission.PARTNER),
            EnumSet.of(PartnerStep.CARD_ISSUING, PartnerStep.LOAN_LENDING, PartnerStep.SUBSIDY_CLAIM)),
    GUARANTOR(EnumSet.of(Permission.PARTNER), EnumSet.of(PartnerStep.LOAN_GUARANTEE)),
    MERCHANT(EnumSet.of(Permission.PARTNER), EnumSet.of(PartnerStep.POINTS_REDEMPTION));

    private final Set<Permission> permissions;
    private final Set<PartnerStep> steps;

    Role(Set<Permission> permissions, Set<PartnerStep> steps) {
        this.permissions = permissions;
        this.steps = steps;
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    public Set<PartnerStep> steps() {
        return steps.isEmpty() ? EnumSet.noneOf(PartnerStep.class) : EnumSet.copyOf(steps);
    }

    public boolean isPartner() {
        return permissions.contains(Permission.PARTNER);
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }
}

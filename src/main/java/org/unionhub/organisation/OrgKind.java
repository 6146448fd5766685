package org.unionhub.organisation;

import java.util.EnumSet;
import java.util.Set;

/** What a node of the union tree is, and which kinds may sit below which. */
public enum OrgKind {
    FEDERATION,
    DISTRICT,
    STREET,
    TOWNSHIP,
    TOWN,
    PARK,
    BUILDING,
    GRASSROOTS,
    JOINT;

    private static final Set<OrgKind> STREET_LEVEL = EnumSet.of(STREET, TOWNSHIP, TOWN, PARK, BUILDING);

    /** The level that runs sessions and keeps joint unions. */
    public boolean isStreetLevel() {
        return STREET_LEVEL.contains(this);
    }

    /** A union that members belong to directly. */
    public boolean holdsMembers() {
        return this == GRASSROOTS || this == JOINT;
    }

    public boolean mayHaveChild(OrgKind child) {
        return switch (child) {
            case FEDERATION -> false;
            case DISTRICT -> this == FEDERATION;
            case STREET, TOWNSHIP, TOWN, PARK -> this == DISTRICT;
            case BUILDING -> this == DISTRICT || this == STREET || this == TOWN || this == TOWNSHIP || this == PARK;
            case GRASSROOTS -> this != JOINT;
            case JOINT -> this == DISTRICT || isStreetLevel();
        };
    }

    /** Grassroots and joint unions register with a credit code starting 81; others with the union authority's 8. */
    public String creditCodePrefix() {
        return holdsMembers() ? "81" : "8";
    }
}

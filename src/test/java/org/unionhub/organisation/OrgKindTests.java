package org.unionhub.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrgKindTests {

    @ParameterizedTest(name = "{1} under {0}: {2}")
    @CsvSource({
        "FEDERATION, DISTRICT, true",
        "FEDERATION, STREET, false",
        "DISTRICT, STREET, true",
        "DISTRICT, TOWN, true",
        "DISTRICT, DISTRICT, false",
        "STREET, DISTRICT, false",
        "STREET, BUILDING, true",
        "STREET, JOINT, true",
        "STREET, GRASSROOTS, true",
        "GRASSROOTS, GRASSROOTS, true",
        "GRASSROOTS, JOINT, false",
        "JOINT, GRASSROOTS, false",
        "BUILDING, STREET, false",
        "DISTRICT, FEDERATION, false"
    })
    void allowsOnlyTheUsualShapeOfTheTree(OrgKind parent, OrgKind child, boolean allowed) {
        assertThat(parent.mayHaveChild(child)).isEqualTo(allowed);
    }

    @Test
    void grassrootsAndJointUnionsHoldMembersAndRegisterWith81() {
        assertThat(OrgKind.GRASSROOTS.holdsMembers()).isTrue();
        assertThat(OrgKind.JOINT.creditCodePrefix()).isEqualTo("81");
        assertThat(OrgKind.STREET.holdsMembers()).isFalse();
        assertThat(OrgKind.DISTRICT.creditCodePrefix()).isEqualTo("8");
    }

    @Test
    void streetLevelCoversStreetsTownsTownshipsParksAndBuildings() {
        assertThat(OrgKind.TOWNSHIP.isStreetLevel()).isTrue();
        assertThat(OrgKind.BUILDING.isStreetLevel()).isTrue();
        assertThat(OrgKind.DISTRICT.isStreetLevel()).isFalse();
        assertThat(OrgKind.JOINT.isStreetLevel()).isFalse();
    }
}

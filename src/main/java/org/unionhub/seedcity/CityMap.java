package org.unionhub.seedcity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.seedcity.domain.CityUnit;
import org.unionhub.seedcity.domain.District;

/**
 * The demo tree as the generator sees it: the federation, its district-level unions (the 16 districts by their
 * division codes and the development area by its name), and the street-level unions that run sessions — those with
 * a division code of their district, so that nodes added by hand (or by tests) are left alone. The development
 * area's union runs its own sessions, as a unit under the key 110115403 its division list gives it.
 */
record CityMap(OrgUnit city, Map<String, OrgUnit> districts, List<CityUnit> units, List<OrgUnit> nodes) {

    static final String ETDA_KEY = "110115403";

    static CityMap of(OrgTree tree) {
        OrgUnit city = tree.findByDivisionCode("110000").filter(u -> u.kind() == OrgKind.FEDERATION)
                .orElseThrow(() -> new IllegalStateException(
                        "No federation with division code 110000: the seeds' city needs the demo tree"));
        OrgScope scope = new OrgScope(city.id());
        Map<String, OrgUnit> districts = new LinkedHashMap<>();
        List<CityUnit> units = new ArrayList<>();
        List<OrgUnit> nodes = new ArrayList<>();
        for (OrgUnit child : tree.children(scope, city.id())) {
            if (child.kind() != OrgKind.DISTRICT || !child.isActive()) {
                continue;
            }
            if (child.divisionCode() == null && child.name().equals(SeedCity.ETDA_NAME)) {
                districts.put(District.ETDA, child);
                units.add(new CityUnit(ETDA_KEY, District.byKey(District.ETDA).orElseThrow().shortName(),
                        CityUnit.Kind.DISTRICT, District.ETDA));
                nodes.add(child);
            } else if (child.divisionCode() != null && District.byKey(child.divisionCode()).isPresent()) {
                districts.put(child.divisionCode(), child);
                for (OrgUnit street : tree.children(scope, child.id())) {
                    CityUnit.Kind kind = kind(street.kind());
                    if (kind != null && street.isActive() && street.divisionCode() != null
                            && street.divisionCode().length() == 9
                            && street.divisionCode().startsWith(child.divisionCode())) {
                        units.add(new CityUnit(street.divisionCode(), street.name().replace("总工会", ""), kind,
                                child.divisionCode()));
                        nodes.add(street);
                    }
                }
            }
        }
        if (units.isEmpty()) {
            throw new IllegalStateException("No street-level unions under the federation: the demo tree is missing");
        }
        List<Integer> byKey = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            byKey.add(i);
        }
        byKey.sort(Comparator.comparing(i -> units.get(i).key()));
        return new CityMap(city, districts, byKey.stream().map(units::get).toList(),
                byKey.stream().map(nodes::get).toList());
    }

    /** The node of the unit at {@code index}: units are sorted by key, as the plan sorts them. */
    OrgUnit node(int index) {
        return nodes.get(index);
    }

    Map<String, Long> districtIds() {
        Map<String, Long> ids = new LinkedHashMap<>();
        districts.forEach((key, node) -> ids.put(key, node.id()));
        return ids;
    }

    private static CityUnit.Kind kind(OrgKind kind) {
        return switch (kind) {
            case STREET -> CityUnit.Kind.STREET;
            case TOWN -> CityUnit.Kind.TOWN;
            case TOWNSHIP -> CityUnit.Kind.TOWNSHIP;
            case PARK, BUILDING -> CityUnit.Kind.PARK;
            default -> null;
        };
    }
}

package org.unionhub.station;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.unionhub.station.persistence.CodeTableRepository;

/** The code tables, read once: they change with a migration, not at run time. */
@Service
public class StationCodes {

    private final Map<String, StationCode> kinds;
    private final Map<String, StationCode> amenities;
    private final Map<String, StationCode> hostTypes;

    StationCodes(CodeTableRepository tables) {
        this.kinds = byCode(tables.kinds());
        this.amenities = byCode(tables.amenities());
        this.hostTypes = byCode(tables.hostTypes());
    }

    public Collection<StationCode> kinds() {
        return kinds.values();
    }

    public Collection<StationCode> amenities() {
        return amenities.values();
    }

    public Collection<StationCode> hostTypes() {
        return hostTypes.values();
    }

    public boolean isKind(String code) {
        return kinds.containsKey(code);
    }

    public boolean isAmenity(String code) {
        return amenities.containsKey(code);
    }

    public boolean isHostType(String code) {
        return hostTypes.containsKey(code);
    }

    public String kindName(String code, Locale locale) {
        return Optional.ofNullable(kinds.get(code)).map(k -> k.name(locale)).orElse(code);
    }

    public String amenityName(String code, Locale locale) {
        return Optional.ofNullable(amenities.get(code)).map(a -> a.name(locale)).orElse(code);
    }

    public String hostTypeName(String code, Locale locale) {
        return Optional.ofNullable(hostTypes.get(code)).map(h -> h.name(locale)).orElse(code);
    }

    /** The bit mask of a set of amenity codes; unknown codes are the caller's to reject first. */
    public long amenityMask(Collection<String> codes) {
        long mask = 0;
        for (String code : codes) {
            StationCode amenity = amenities.get(code);
            if (amenity != null) {
                mask |= 1L << amenity.bit();
            }
        }
        return mask;
    }

    /** Finds a code by its code or its Chinese or English name (spreadsheets carry names). */
    public Optional<String> kindCodeOf(String text) {
        return lookup(kinds, text);
    }

    public Optional<String> amenityCodeOf(String text) {
        return lookup(amenities, text);
    }

    public Optional<String> hostTypeCodeOf(String text) {
        return lookup(hostTypes, text);
    }

    private static Optional<String> lookup(Map<String, StationCode> table, String text) {
        String wanted = text == null ? "" : text.strip();
        return table.values().stream()
                .filter(c -> c.code().equalsIgnoreCase(wanted) || c.nameZh().equals(wanted)
                        || c.nameEn().equalsIgnoreCase(wanted))
                .map(StationCode::code)
                .findFirst();
    }

    private static Map<String, StationCode> byCode(List<StationCode> codes) {
        return codes.stream().collect(Collectors.toMap(StationCode::code, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }
}

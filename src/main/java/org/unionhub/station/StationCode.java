package org.unionhub.station;

import java.util.Locale;

/** One entry of a station code table (kind, amenity or host type); {@code bit} only for amenities. */
public record StationCode(String code, String nameZh, String nameEn, int bit) {

    public String name(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}

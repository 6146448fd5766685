package org.unionhub.common;

import java.util.Optional;

/**
 * An administrative division code: the 6-digit GB/T 2260 code of a province, prefecture or district, the 9-digit
 * statistical code of a street, town or township (the district's 6 digits + 3), or the 12-digit full statistical
 * code (a street-level code with {@code 000} appended, or a village or community code).
 */
public record DivisionCode(String value) {

    private static final int DISTRICT_LENGTH = 6;
    private static final int STREET_LENGTH = 9;
    private static final int VILLAGE_LENGTH = 12;

    /** How far down the administrative hierarchy a code points. */
    public enum Level {
        /** 6 digits ending {@code 0000}, for example 110000 Beijing. */
        PROVINCE(2),
        /** 6 digits ending {@code 00}. */
        PREFECTURE(4),
        /** Any other 6-digit code, for example 110108 Haidian. */
        DISTRICT(6),
        /** A 9-digit code, or a 12-digit code ending {@code 000}. */
        STREET_LEVEL(9),
        /** A 12-digit code not ending {@code 000}: a village or residents' community. */
        VILLAGE(12);

        private final int significantDigits;

        Level(int significantDigits) {
            this.significantDigits = significantDigits;
        }
    }

    /** The kind of a street-level unit, from the three digits after the district code. */
    public enum StreetKind {
        /** 001–099: a street (街道). */
        STREET,
        /** 100–199: a town (镇). */
        TOWN,
        /** 200–399: a township (乡). */
        TOWNSHIP,
        /** 400 and above: a development or other special area. */
        SPECIAL_AREA;

        private static Optional<StreetKind> of(int number) {
            if (number < 1) {
                return Optional.empty();
            }
            if (number < 100) {
                return Optional.of(STREET);
            }
            if (number < 200) {
                return Optional.of(TOWN);
            }
            if (number < 400) {
                return Optional.of(TOWNSHIP);
            }
            return Optional.of(SPECIAL_AREA);
        }
    }

    public DivisionCode {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(ValueProblem.REQUIRED, "Division code is required");
        }
        if (value.length() != DISTRICT_LENGTH && value.length() != STREET_LENGTH
                && value.length() != VILLAGE_LENGTH) {
            throw new InvalidValueException(ValueProblem.LENGTH,
                    "Division code must have 6, 9 or 12 digits (GB/T 2260), got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidValueException(ValueProblem.CHARSET,
                        "Division code character " + (i + 1) + " must be a digit (GB/T 2260)");
            }
        }
    }

    /**
     * Parses a division code after trimming it.
     *
     * @throws InvalidValueException with REQUIRED, LENGTH or CHARSET
     */
    public static DivisionCode parse(String raw) {
        if (raw == null) {
            throw new InvalidValueException(ValueProblem.REQUIRED, "Division code is required");
        }
        return new DivisionCode(raw.trim());
    }

    public Level level() {
        if (value.length() == DISTRICT_LENGTH) {
            if (value.endsWith("0000")) {
                return Level.PROVINCE;
            }
            return value.endsWith("00") ? Level.PREFECTURE : Level.DISTRICT;
        }
        if (value.length() == STREET_LENGTH || value.endsWith("000")) {
            return Level.STREET_LEVEL;
        }
        return Level.VILLAGE;
    }

    /** The first six digits: the GB/T 2260 code of the district (or higher unit) the code lies in. */
    public String districtCode() {
        return value.substring(0, DISTRICT_LENGTH);
    }

    /**
     * The kind of a street-level code (9 digits, or 12 digits ending {@code 000}); empty for other levels and for
     * street number {@code 000}.
     */
    public Optional<StreetKind> streetKind() {
        if (level() != Level.STREET_LEVEL) {
            return Optional.empty();
        }
        return StreetKind.of(Integer.parseInt(value.substring(DISTRICT_LENGTH, STREET_LENGTH)));
    }

    /**
     * Whether this code lies within {@code other}, that is, starts with the significant digits of {@code other}
     * (2 for a province, 4 for a prefecture, 6 for a district, 9 for a street-level unit, 12 for a village). Every
     * code lies within itself.
     */
    public boolean isWithin(DivisionCode other) {
        return value.startsWith(other.value.substring(0, other.level().significantDigits));
    }

    @Override
    public String toString() {
        return value;
    }
}

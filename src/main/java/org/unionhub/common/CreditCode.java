package org.unionhub.common;

import java.util.Locale;

/**
 * A unified social credit code (GB 32100-2015): registering authority (1) + entity type (1) + division code of the
 * registering authority (6) + organisation code (9) + check character (1), all from
 * {@code 0123456789ABCDEFGHJKLMNPQRTUWXY}.
 *
 * <p>The canonical constructor only enforces the shape (present, 18 characters, allowed charset, upper case), because
 * some real pilot-era codes fail the check; {@link #parse(String)} also enforces the check character.
 */
public record CreditCode(String value) {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int LENGTH = 18;
    private static final char TRADE_UNION_AUTHORITY = '8';
    private static final String GRASSROOTS_UNION_PREFIX = "81";

    public CreditCode {
        requireShape(value, LENGTH);
    }

    /**
     * Parses a credit code after trimming and upper-casing it, and rejects a wrong check character.
     *
     * @throws InvalidValueException with REQUIRED, LENGTH, CHARSET or CHECK_CHARACTER
     */
    public static CreditCode parse(String raw) {
        CreditCode code = parseAllowingBadCheck(raw);
        if (!code.hasValidCheckCharacter()) {
            throw new InvalidValueException(ValueProblem.CHECK_CHARACTER,
                    "Unified social credit code check character does not match GB 32100");
        }
        return code;
    }

    /**
     * Parses a credit code like {@link #parse(String)} but accepts a wrong check character, for the early pilot-era
     * enterprise codes that staff have confirmed as real.
     *
     * @throws InvalidValueException with REQUIRED, LENGTH or CHARSET
     */
    public static CreditCode parseAllowingBadCheck(String raw) {
        if (raw == null) {
            throw required();
        }
        return new CreditCode(raw.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Computes the GB 32100 check character for the first 17 characters of a code.
     *
     * @throws InvalidValueException with REQUIRED, LENGTH or CHARSET if {@code first17} is not 17 allowed characters
     */
    public static char checkCharacterFor(String first17) {
        requireShape(first17, LENGTH - 1);
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    public boolean hasValidCheckCharacter() {
        return checkCharacterFor(value.substring(0, LENGTH - 1)) == value.charAt(LENGTH - 1);
    }

    /** Whether the code was issued by the trade-union registering authority ({@code 8}). */
    public boolean isTradeUnion() {
        return value.charAt(0) == TRADE_UNION_AUTHORITY;
    }

    /** Whether the code belongs to a grassroots trade union (authority {@code 8}, entity type {@code 1}). */
    public boolean isGrassrootsUnion() {
        return value.startsWith(GRASSROOTS_UNION_PREFIX);
    }

    /**
     * The GB/T 2260 division code of the registering authority (characters 3 to 8). It is returned as written, since
     * codes keep the division of first registration even after that division has been merged away.
     */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }

    private static void requireShape(String candidate, int length) {
        if (candidate == null || candidate.isBlank()) {
            throw required();
        }
        if (candidate.length() != length) {
            throw new InvalidValueException(ValueProblem.LENGTH,
                    "Unified social credit code must have " + length + " characters, got " + candidate.length());
        }
        for (int i = 0; i < candidate.length(); i++) {
            if (CHARSET.indexOf(candidate.charAt(i)) < 0) {
                throw new InvalidValueException(ValueProblem.CHARSET, "Unified social credit code character "
                        + (i + 1) + " is not one of " + CHARSET + " (GB 32100 excludes I, O, S, V and Z)");
            }
        }
    }

    private static InvalidValueException required() {
        return new InvalidValueException(ValueProblem.REQUIRED, "Unified social credit code is required");
    }
}

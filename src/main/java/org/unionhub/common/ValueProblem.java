package org.unionhub.common;

/**
 * Stable codes for why a raw value was rejected. Callers map them to user-facing messages; the codes do not change.
 */
public enum ValueProblem {

    /** The value is missing: null, empty or only whitespace. */
    REQUIRED,

    /** The value has the wrong number of characters. */
    LENGTH,

    /** The value contains a character the standard does not allow at that position. */
    CHARSET,

    /** The final check character does not match the one computed from the other characters. */
    CHECK_CHARACTER,

    /** The embedded birth date is not a real calendar date. */
    BIRTH_DATE,

    /** The embedded birth date lies after the reference day. */
    FUTURE_BIRTH_DATE,

    /** A money amount has more than two decimal places. */
    SCALE,

    /** The value is not in the expected notation, for example a money amount that is not a plain number. */
    FORMAT
}

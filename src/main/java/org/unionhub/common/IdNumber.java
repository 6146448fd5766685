package org.unionhub.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Objects;

/**
 * A resident identity number (GB 11643-1999), also used for Hong Kong, Macau and Taiwan residence permits (address
 * codes 810000, 820000, 830000): address code (6) + birth date YYYYMMDD (8) + sequence (3) + check character (1).
 *
 * <p>The canonical constructor enforces everything that does not depend on the current day: present, 18 characters,
 * 17 digits then a digit or upper-case {@code X}, a real birth date and the right check character. Address codes are
 * deliberately not looked up: a number keeps the code of its first registration. {@link #toString()} is masked so the
 * number does not leak into logs; use {@link #value()} to store it.
 */
public record IdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final int LENGTH = 18;
    private static final int SEQUENCE_SEX_DIGIT = 16;
    private static final int SEX_MALE = 1;
    private static final int SEX_FEMALE = 2;

    public IdNumber {
        requireLengthAndDigits(value, LENGTH, LENGTH - 1);
        char check = value.charAt(LENGTH - 1);
        if (!isAsciiDigit(check) && check != 'X') {
            throw new InvalidValueException(ValueProblem.CHARSET,
                    "Identity number must end in a digit or X (GB 11643)");
        }
        birthDateOf(value);
        if (checkCharacterFor(value.substring(0, LENGTH - 1)) != check) {
            throw new InvalidValueException(ValueProblem.CHECK_CHARACTER,
                    "Identity number check character does not match GB 11643");
        }
    }

    /**
     * Parses an identity number after trimming it and upper-casing a final {@code x}.
     *
     * @param today the reference day; a birth date after it is rejected
     * @throws InvalidValueException with REQUIRED, LENGTH, CHARSET, BIRTH_DATE, CHECK_CHARACTER or FUTURE_BIRTH_DATE
     */
    public static IdNumber parse(String raw, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (raw == null) {
            throw required();
        }
        IdNumber number = new IdNumber(raw.trim().toUpperCase(Locale.ROOT));
        if (number.birthDate().isAfter(today)) {
            throw new InvalidValueException(ValueProblem.FUTURE_BIRTH_DATE,
                    "Identity number birth date must not be in the future (GB 11643)");
        }
        return number;
    }

    /**
     * Computes the GB 11643 check character for the first 17 digits of a number.
     *
     * @throws InvalidValueException with REQUIRED, LENGTH or CHARSET if {@code first17} is not 17 digits
     */
    public static char checkCharacterFor(String first17) {
        requireLengthAndDigits(first17, LENGTH - 1, LENGTH - 1);
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    /** The sex code of GB/T 2261.1: 1 (male) for an odd 17th digit, 2 (female) for an even one. */
    public int sexCode() {
        return (value.charAt(SEQUENCE_SEX_DIGIT) - '0') % 2 == 1 ? SEX_MALE : SEX_FEMALE;
    }

    /**
     * The age in whole years on the given day.
     *
     * @throws IllegalArgumentException if {@code date} is before the birth date
     */
    public int ageOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate birthDate = birthDate();
        if (date.isBefore(birthDate)) {
            throw new IllegalArgumentException("Age is undefined before the birth date");
        }
        return Period.between(birthDate, date).getYears();
    }

    /** The number with the birth date and sequence hidden, for example {@code 110105********002X}. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static void requireLengthAndDigits(String candidate, int length, int digits) {
        if (candidate == null || candidate.isBlank()) {
            throw required();
        }
        if (candidate.length() != length) {
            throw new InvalidValueException(ValueProblem.LENGTH,
                    "Identity number must have " + length + " characters, got " + candidate.length());
        }
        for (int i = 0; i < digits; i++) {
            if (!isAsciiDigit(candidate.charAt(i))) {
                throw new InvalidValueException(ValueProblem.CHARSET,
                        "Identity number character " + (i + 1) + " must be a digit (GB 11643)");
            }
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static InvalidValueException required() {
        return new InvalidValueException(ValueProblem.REQUIRED, "Identity number is required");
    }

    private static LocalDate birthDateOf(String number) {
        int year = Integer.parseInt(number.substring(6, 10));
        int month = Integer.parseInt(number.substring(10, 12));
        int day = Integer.parseInt(number.substring(12, 14));
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new InvalidValueException(ValueProblem.BIRTH_DATE,
                    "Identity number birth date must be a real calendar date (GB 11643)");
        }
    }
}

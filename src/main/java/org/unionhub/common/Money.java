package org.unionhub.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in yuan (CNY), always held with exactly two decimal places, so that 1.5 and 1.50 are equal.
 * Amounts given from outside must not carry more than two significant decimals; computed amounts are rounded with
 * an explicitly chosen {@link RoundingMode} through {@link #rounded(BigDecimal, RoundingMode)}.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    private static final int SCALE = 2;
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        if (amount == null) {
            throw required();
        }
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new InvalidValueException(ValueProblem.SCALE,
                    "Money amount must not have more than " + SCALE + " decimal places, got " + amount.toPlainString());
        }
        amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /**
     * Parses a plain decimal such as {@code 1234.5} or {@code -20.00}.
     *
     * @throws InvalidValueException with REQUIRED, FORMAT or SCALE
     */
    public static Money of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw required();
        }
        String trimmed = raw.trim();
        if (!PLAIN_NUMBER.matcher(trimmed).matches()) {
            throw new InvalidValueException(ValueProblem.FORMAT,
                    "Money amount must be a plain decimal number such as 1234.50");
        }
        return new Money(new BigDecimal(trimmed));
    }

    /**
     * Wraps an exact amount.
     *
     * @throws InvalidValueException with REQUIRED or SCALE
     */
    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    /**
     * Rounds a computed amount to two decimal places with the given rounding mode.
     *
     * @throws InvalidValueException with REQUIRED if {@code amount} is null, or SCALE if the mode is
     *     {@link RoundingMode#UNNECESSARY} and rounding is needed
     */
    public static Money rounded(BigDecimal amount, RoundingMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (amount == null) {
            throw required();
        }
        try {
            return new Money(amount.setScale(SCALE, mode));
        } catch (ArithmeticException e) {
            throw new InvalidValueException(ValueProblem.SCALE,
                    "Money amount needs rounding to " + SCALE + " decimal places but the rounding mode forbids it");
        }
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    /** Multiplies by {@code factor} (a rate, a quantity) and rounds the product with {@code mode}. */
    public Money times(BigDecimal factor, RoundingMode mode) {
        Objects.requireNonNull(factor, "factor");
        return rounded(amount.multiply(factor), mode);
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** The amount in plain notation with two decimals, for example {@code 1234.50}. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }

    private static InvalidValueException required() {
        return new InvalidValueException(ValueProblem.REQUIRED, "Money amount is required");
    }
}

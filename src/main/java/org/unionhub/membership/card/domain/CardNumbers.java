package org.unionhub.membership.card.domain;

/**
 * Bank card numbers (ISO/IEC 7812): digits only, the last one a Luhn check digit. The mutual-aid card is shown to
 * people only masked, {@code **** **** **** 1234}.
 */
public final class CardNumbers {

    private CardNumbers() {
    }

    /** The number made of {@code prefix}, {@code serial} left-padded to fill {@code length - 1} digits, and the check digit. */
    public static String issue(String prefix, long serial, int length) {
        int serialDigits = length - 1 - prefix.length();
        if (!prefix.chars().allMatch(Character::isDigit) || serialDigits < 1 || serial < 0
                || String.valueOf(serial).length() > serialDigits) {
            throw new IllegalArgumentException("Serial " + serial + " does not fit after prefix " + prefix);
        }
        String body = prefix + String.format("%0" + serialDigits + "d", serial);
        return body + checkDigit(body);
    }

    /** The Luhn check digit to append to {@code body} (digits only). */
    public static char checkDigit(String body) {
        int sum = 0;
        boolean twice = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int digit = digit(body.charAt(i));
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** Whether {@code number} is 12 to 19 digits whose last one is their Luhn check digit. */
    public static boolean isValid(String number) {
        if (number == null || number.length() < 12 || number.length() > 19
                || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return checkDigit(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1);
    }

    /** {@code **** **** **** 1234}: only the last four digits. */
    public static String masked(String lastFour) {
        if (lastFour == null || lastFour.length() != 4) {
            throw new IllegalArgumentException("Need the last four digits");
        }
        return "**** **** **** " + lastFour;
    }

    public static String lastFour(String number) {
        return number.substring(number.length() - 4);
    }

    private static int digit(char c) {
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("Not a digit: " + c);
        }
        return c - '0';
    }
}

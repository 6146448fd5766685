package org.unionhub.outreach.domain;

import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Session codes: six characters from an alphabet without the look-alikes 0/O, 1/I/L, so a worker can type one from a
 * poster without guessing (31⁶ ≈ 8.9 × 10⁸ codes). Typed codes are read leniently: case, spaces and dashes do not matter.
 */
public final class SessionCodes {

    public static final int LENGTH = 6;
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final Pattern CODE = Pattern.compile("^[" + ALPHABET + "]{" + LENGTH + "}$");

    private SessionCodes() {
    }

    public static String next(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as stored, from what someone typed; null when it cannot be a session code at all. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return CODE.matcher(code).matches() ? code : null;
    }
}

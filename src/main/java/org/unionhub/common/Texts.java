package org.unionhub.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Small text helpers every module needs the same way. */
public final class Texts {

    private Texts() {
    }

    /** Trimmed text, or null when there is none. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Trimmed text with {@code %}, {@code _} and {@code \} escaped for a SQL {@code LIKE}; null when blank. */
    public static String likeFragment(String value) {
        String text = blankToNull(value);
        return text == null ? null : text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Lower-case hex SHA-256 of the UTF-8 text: how secrets and device keys are stored and looked up. */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}

package org.unionhub.membership.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.unionhub.common.IdNumber;
import org.unionhub.common.InvalidValueException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;

/**
 * The rules every way of becoming a member checks in the same way — a worker's application and a roster import: the
 * name, the document (GB 11643 for resident IDs and residence permits, age 16 or over) and the mainland mobile number.
 * Each check adds its violations under the caller's field name and returns the normalised value, or null.
 */
public final class MemberRules {

    public static final int NAME_MAX = 50;
    public static final int MINIMUM_AGE = 16;
    /** Document types, in the order forms offer them; the first two are numbered by GB 11643. */
    public static final List<String> ID_TYPES = List.of("RESIDENT_ID", "RESIDENCE_PERMIT", "PASSPORT",
            "MAINLAND_TRAVEL_PERMIT", "FOREIGN_PERMANENT_RESIDENCE");
    private static final Set<String> GB11643_TYPES = Set.of("RESIDENT_ID", "RESIDENCE_PERMIT");
    /** Chinese names (with the middle dot of minority names) and Latin-script names; nothing that could be markup. */
    private static final Pattern NAME = Pattern.compile("^[\\p{IsHan}A-Za-z·•.\\- ']+$");
    private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
    private static final Pattern OTHER_DOCUMENT = Pattern.compile("^[A-Z0-9]{5,20}$");

    private MemberRules() {
    }

    /** A checked document: its type, normalised number, masked copy and, for GB 11643 numbers, sex and birth date. */
    public record Document(String type, String number, String masked, Integer sexCode, LocalDate birthDate) {
    }

    public static String name(String raw, String field, ValidationFailure.Collector errors) {
        String name = Texts.blankToNull(raw);
        if (name == null) {
            errors.add(field, "REQUIRED");
        } else if (name.length() > NAME_MAX) {
            errors.add(field, "TOO_LONG");
        } else if (!NAME.matcher(name).matches()) {
            errors.add(field, "NAME_CHARACTERS");
        } else {
            return name;
        }
        return null;
    }

    public static String mobile(String raw, String field, ValidationFailure.Collector errors) {
        String phone = Texts.blankToNull(raw);
        if (phone == null) {
            errors.add(field, "REQUIRED");
        } else if (!MOBILE.matcher(phone).matches()) {
            errors.add(field, "MOBILE_FORMAT");
        } else {
            return phone;
        }
        return null;
    }

    /** {@code 138****5678}. */
    public static String maskMobile(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    /**
     * Checks a document number of a known type ({@link #ID_TYPES}); the caller has checked the type. GB 11643 numbers
     * get their check character, birth date and the minimum age checked on {@code today}.
     */
    public static Document document(String type, String raw, LocalDate today, String field,
            ValidationFailure.Collector errors) {
        if (GB11643_TYPES.contains(type)) {
            try {
                IdNumber id = IdNumber.parse(raw, today);
                if (id.ageOn(today) < MINIMUM_AGE) {
                    errors.add(field, "UNDER_16");
                    return null;
                }
                return new Document(type, id.value(), id.masked(), id.sexCode(), id.birthDate());
            } catch (InvalidValueException e) {
                errors.add(field, e.problem().name());
                return null;
            }
        }
        String number = Texts.blankToNull(raw);
        if (number == null) {
            errors.add(field, "REQUIRED");
            return null;
        }
        number = number.toUpperCase(Locale.ROOT);
        if (!OTHER_DOCUMENT.matcher(number).matches()) {
            errors.add(field, "FORMAT");
            return null;
        }
        return new Document(type, number, number.substring(0, 2) + "*".repeat(number.length() - 4)
                + number.substring(number.length() - 2), null, null);
    }
}

package org.unionhub.membership.imports.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.common.Violation;
import org.unionhub.membership.domain.MemberRules;
import org.unionhub.membership.domain.MemberRules.Document;

/**
 * Checks one data row of a roster file by the rules of an application ({@link MemberRules}) plus the template's own
 * fields, and collects every violation of the row rather than stopping at the first. Document numbers and phones are
 * taken as the text of the cell; a value in scientific notation (Excel's {@code 1.10105E+17} for a number typed into a
 * numeric cell) is refused, since its last digits are already lost.
 */
public final class RowChecker {

    public static final int RESIDENCE_MAX = 100;
    private static final Pattern SCIENTIFIC = Pattern.compile("^[+-]?\\d+(\\.\\d*)?[eE][+-]?\\d+$");
    private static final Map<String, String> ID_TYPE_NAMES = Map.ofEntries(
            Map.entry("居民身份证", "RESIDENT_ID"), Map.entry("身份证", "RESIDENT_ID"),
            Map.entry("二代身份证", "RESIDENT_ID"),
            Map.entry("港澳台居民居住证", "RESIDENCE_PERMIT"), Map.entry("居住证", "RESIDENCE_PERMIT"),
            Map.entry("护照", "PASSPORT"),
            Map.entry("港澳台居民来往内地通行证", "MAINLAND_TRAVEL_PERMIT"), Map.entry("回乡证", "MAINLAND_TRAVEL_PERMIT"),
            Map.entry("台胞证", "MAINLAND_TRAVEL_PERMIT"),
            Map.entry("外国人永久居留身份证", "FOREIGN_PERMANENT_RESIDENCE"), Map.entry("外国人永久居留证",
                    "FOREIGN_PERMANENT_RESIDENCE"));
    private static final Map<String, Integer> SEXES = Map.of("男", 1, "女", 2, "M", 1, "F", 2, "MALE", 1, "FEMALE", 2,
            "1", 1, "2", 2);
    private static final Map<String, Boolean> YES_NO = Map.ofEntries(Map.entry("是", true), Map.entry("否", false),
            Map.entry("Y", true), Map.entry("N", false), Map.entry("YES", true), Map.entry("NO", false),
            Map.entry("TRUE", true), Map.entry("FALSE", false), Map.entry("1", true), Map.entry("0", false),
            Map.entry("√", true), Map.entry("×", false));

    /** A code table of the template: the code for a cell's text (its name, an alias or the code itself). */
    @FunctionalInterface
    public interface CodeTable {
        Optional<String> codeOf(String text);
    }

    /** The union a row names (or the import's own when the cell is empty): found and allowed, or a rule code. */
    public record UnionChoice(Long unionId, String unionPath, String problem) {

        public static UnionChoice of(long unionId, String unionPath) {
            return new UnionChoice(unionId, unionPath, null);
        }

        public static UnionChoice refused(String problem) {
            return new UnionChoice(null, null, problem);
        }
    }

    @FunctionalInterface
    public interface Unions {
        /** @param text the union cell's text, or null for the import's own union */
        UnionChoice resolve(String text);
    }

    /** A checked row: the normalised values, and every violation (field keys as in {@link ImportField}). */
    public record Checked(String name, Document document, String phone, Integer sexCode, String education,
            String employmentStatus, String skillGrade, String residence, Boolean nonBeijingWorker, UnionChoice union,
            List<Violation> violations) {

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private final Map<ImportField, Integer> mapping;
    private final CodeTable educations;
    private final CodeTable employmentStatuses;
    private final CodeTable skillGrades;
    private final Unions unions;
    private final LocalDate today;

    public RowChecker(Map<ImportField, Integer> mapping, CodeTable educations, CodeTable employmentStatuses,
            CodeTable skillGrades, Unions unions, LocalDate today) {
        this.mapping = mapping;
        this.educations = educations;
        this.employmentStatuses = employmentStatuses;
        this.skillGrades = skillGrades;
        this.unions = unions;
        this.today = today;
    }

    public Checked check(List<String> cells) {
        var errors = new ValidationFailure.Collector();
        String name = MemberRules.name(cell(cells, ImportField.NAME), key(ImportField.NAME), errors);
        Document document = document(cells, errors);
        String phoneText = cell(cells, ImportField.PHONE);
        String phone = null;
        if (phoneText != null && SCIENTIFIC.matcher(phoneText).matches()) {
            errors.add(key(ImportField.PHONE), "SCIENTIFIC_NOTATION");
        } else {
            phone = MemberRules.mobile(phoneText, key(ImportField.PHONE), errors);
        }
        Integer sex = sex(cells, document, errors);
        String education = code(cells, ImportField.EDUCATION, educations, errors);
        String employment = code(cells, ImportField.EMPLOYMENT_STATUS, employmentStatuses, errors);
        String skill = code(cells, ImportField.SKILL_GRADE, skillGrades, errors);
        String residence = cell(cells, ImportField.RESIDENCE);
        if (residence != null && residence.length() > RESIDENCE_MAX) {
            errors.add(key(ImportField.RESIDENCE), "TOO_LONG");
            residence = null;
        }
        Boolean nonBeijing = null;
        String nonBeijingText = cell(cells, ImportField.NON_BEIJING_WORKER);
        if (nonBeijingText != null) {
            nonBeijing = YES_NO.get(nonBeijingText.toUpperCase(Locale.ROOT));
            if (nonBeijing == null) {
                errors.add(key(ImportField.NON_BEIJING_WORKER), "YES_OR_NO");
            }
        }
        UnionChoice union = unions.resolve(cell(cells, ImportField.UNION));
        if (union.problem() != null) {
            errors.add(key(ImportField.UNION), union.problem());
        }
        return new Checked(name, document, phone, sex, education, employment, skill, residence, nonBeijing, union,
                errors.violations());
    }

    private Document document(List<String> cells, ValidationFailure.Collector errors) {
        String typeText = cell(cells, ImportField.ID_TYPE);
        String type = typeText == null ? "RESIDENT_ID" : idType(typeText);
        if (type == null) {
            errors.add(key(ImportField.ID_TYPE), "UNKNOWN_CODE");
            return null;
        }
        String number = cell(cells, ImportField.ID_NUMBER);
        if (number != null && SCIENTIFIC.matcher(number).matches()) {
            errors.add(key(ImportField.ID_NUMBER), "SCIENTIFIC_NOTATION");
            return null;
        }
        return MemberRules.document(type, number, today, key(ImportField.ID_NUMBER), errors);
    }

    private static String idType(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return MemberRules.ID_TYPES.contains(upper) ? upper : ID_TYPE_NAMES.get(text);
    }

    /** From the document when it carries the sex (GB 11643); a sex column must then agree with it. */
    private Integer sex(List<String> cells, Document document, ValidationFailure.Collector errors) {
        String text = cell(cells, ImportField.SEX);
        Integer stated = null;
        if (text != null) {
            stated = SEXES.get(text.toUpperCase(Locale.ROOT));
            if (stated == null) {
                errors.add(key(ImportField.SEX), "UNKNOWN_CODE");
            }
        }
        if (document != null && document.sexCode() != null) {
            if (stated != null && !stated.equals(document.sexCode())) {
                errors.add(key(ImportField.SEX), "SEX_MISMATCH");
            }
            return document.sexCode();
        }
        return stated;
    }

    private String code(List<String> cells, ImportField field, CodeTable table, ValidationFailure.Collector errors) {
        String text = cell(cells, field);
        if (text == null) {
            return null;
        }
        Optional<String> code = table.codeOf(text);
        if (code.isEmpty()) {
            errors.add(key(field), "UNKNOWN_CODE");
        }
        return code.orElse(null);
    }

    private String cell(List<String> cells, ImportField field) {
        Integer column = mapping.get(field);
        return column == null || column >= cells.size() ? null : Texts.blankToNull(cells.get(column));
    }

    private static String key(ImportField field) {
        return field.key();
    }
}

package org.unionhub.membership.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unionhub.common.IdNumber;
import org.unionhub.common.Violation;
import org.unionhub.membership.imports.domain.RowChecker.Checked;
import org.unionhub.membership.imports.domain.RowChecker.UnionChoice;

class RowCheckerTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 1);
    /** Born 1990-01-01, sequence 123 (odd: male). */
    private static final String ID = withCheck("11010519900101123");

    private final RowChecker checker = new RowChecker(mapping(), codes("本科", "BACHELOR"), codes("在岗", "EMPLOYED"),
            codes("高级工", "GRADE_3"), text -> text == null ? UnionChoice.of(7, "/1/7/")
                    : "外区工会".equals(text) ? UnionChoice.refused("NOT_FOUND") : UnionChoice.of(8, "/1/8/"),
            TODAY);

    private static Map<ImportField, Integer> mapping() {
        Map<ImportField, Integer> mapping = new java.util.EnumMap<>(ImportField.class);
        for (ImportField field : ImportField.values()) {
            mapping.put(field, field.ordinal());
        }
        return mapping;
    }

    private static RowChecker.CodeTable codes(String name, String code) {
        return text -> text.equals(name) || text.equals(code) ? Optional.of(code) : Optional.empty();
    }

    private static String withCheck(String first17) {
        return first17 + IdNumber.checkCharacterFor(first17);
    }

    /** name, idType, idNumber, sex, phone, education, employment, skill, residence, nonBeijing, union */
    private static List<String> row(String... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    private static List<String> good() {
        return row("张三", "", ID, "男", "13812345678", "本科", "在岗", "高级工", "河北省保定市", "是", "");
    }

    private static List<String> codes(Checked checked) {
        return checked.violations().stream().map(v -> v.field() + ":" + v.code()).toList();
    }

    @Test
    void acceptsAGoodRowAndNormalisesIt() {
        Checked checked = checker.check(good());
        assertThat(checked.violations()).isEmpty();
        assertThat(checked.document().type()).isEqualTo("RESIDENT_ID");
        assertThat(checked.document().number()).isEqualTo(ID);
        assertThat(checked.sexCode()).isEqualTo(1);
        assertThat(checked.education()).isEqualTo("BACHELOR");
        assertThat(checked.employmentStatus()).isEqualTo("EMPLOYED");
        assertThat(checked.skillGrade()).isEqualTo("GRADE_3");
        assertThat(checked.residence()).isEqualTo("河北省保定市");
        assertThat(checked.nonBeijingWorker()).isTrue();
        assertThat(checked.union()).isEqualTo(UnionChoice.of(7, "/1/7/"));
    }

    @Test
    void refusesScientificNotationInDocumentAndPhone() {
        List<String> row = good();
        row.set(2, "1.10105199001011E+17");
        row.set(4, "1.3812345678E10");
        assertThat(codes(checker.check(row))).containsExactlyInAnyOrder("idNumber:SCIENTIFIC_NOTATION",
                "phone:SCIENTIFIC_NOTATION");
    }

    @Test
    void reportsEveryProblemOfARowAtOnce() {
        List<String> row = row("<script>alert(1)</script>", "驾驶证", "123", "未知", "1381234", "博士后", "打零工", "九级",
                "地".repeat(101), "也许", "外区工会");
        assertThat(codes(checker.check(row))).containsExactlyInAnyOrder("name:NAME_CHARACTERS", "idType:UNKNOWN_CODE",
                "sex:UNKNOWN_CODE", "phone:MOBILE_FORMAT", "education:UNKNOWN_CODE", "employmentStatus:UNKNOWN_CODE",
                "skillGrade:UNKNOWN_CODE", "residence:TOO_LONG", "nonBeijingWorker:YES_OR_NO", "union:NOT_FOUND");
    }

    @Test
    void appliesTheApplicationsRulesToTheDocument() {
        List<String> wrongCheck = good();
        wrongCheck.set(2, ID.substring(0, 17) + (ID.charAt(17) == '0' ? '1' : '0'));
        List<String> under16 = good();
        under16.set(2, withCheck("11010520100101123"));
        List<String> noSuchDate = good();
        noSuchDate.set(2, withCheck("11010519900230123"));
        List<String> tooLong = good();
        tooLong.set(0, "张".repeat(51));
        assertThat(codes(checker.check(wrongCheck))).containsExactly("idNumber:CHECK_CHARACTER");
        assertThat(codes(checker.check(under16))).containsExactly("idNumber:UNDER_16");
        assertThat(codes(checker.check(noSuchDate))).containsExactly("idNumber:BIRTH_DATE");
        assertThat(codes(checker.check(tooLong))).containsExactly("name:TOO_LONG");
    }

    @Test
    void requiresTheSexColumnToAgreeWithTheResidentId() {
        List<String> row = good();
        row.set(3, "女");
        assertThat(checker.check(row).violations()).containsExactly(new Violation("sex", "SEX_MISMATCH"));
    }

    @Test
    void takesTheSexFromTheColumnForAPassport() {
        List<String> row = good();
        row.set(1, "护照");
        row.set(2, "e1234567");
        row.set(3, "女");
        Checked checked = checker.check(row);
        assertThat(checked.violations()).isEmpty();
        assertThat(checked.document().number()).isEqualTo("E1234567");
        assertThat(checked.sexCode()).isEqualTo(2);
        assertThat(checked.document().birthDate()).isNull();
    }

    @Test
    void leavesOptionalColumnsEmptyAndRequiresTheOthers() {
        List<String> row = row("", "", "", "", "", "", "", "", "", "", "");
        assertThat(codes(checker.check(row))).containsExactlyInAnyOrder("name:REQUIRED", "idNumber:REQUIRED",
                "phone:REQUIRED");
        Checked optional = checker.check(row("李四", "", ID, "", "13912345678"));
        assertThat(optional.violations()).isEmpty();
        assertThat(optional.education()).isNull();
        assertThat(optional.nonBeijingWorker()).isNull();
    }
}

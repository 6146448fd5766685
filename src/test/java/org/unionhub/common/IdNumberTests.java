package org.unionhub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTests {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private static final String KNOWN_GOOD = "11010519491231002X";

    @Test
    void parsesKnownGoodNumber() {
        IdNumber number = IdNumber.parse(KNOWN_GOOD, TODAY);

        assertThat(number.value()).isEqualTo(KNOWN_GOOD);
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(number.sexCode()).isEqualTo(2);
    }

    @Test
    void acceptsLowerCaseXAndStoresUpperCase() {
        assertThat(IdNumber.parse("11010519491231002x", TODAY).value()).isEqualTo(KNOWN_GOOD);
    }

    @Test
    void trimsSurroundingWhitespace() {
        assertThat(IdNumber.parse("  11010519491231002X\t", TODAY).value()).isEqualTo(KNOWN_GOOD);
    }

    @ParameterizedTest
    @CsvSource({
        "810000199001011230, 1990-01-01, 1",
        "810000199001011249, 1990-01-01, 2",
        "830000198511204568, 1985-11-20, 2"
    })
    void acceptsResidencePermits(String raw, LocalDate birthDate, int sexCode) {
        IdNumber number = IdNumber.parse(raw, TODAY);

        assertThat(number.birthDate()).isEqualTo(birthDate);
        assertThat(number.sexCode()).isEqualTo(sexCode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"110103198001010013", "999999198001010011"})
    void doesNotRejectAddressCodesMissingFromTodaysDivisions(String raw) {
        assertThat(IdNumber.parse(raw, TODAY).value()).isEqualTo(raw);
    }

    @Test
    void computesCheckCharacter() {
        assertThat(IdNumber.checkCharacterFor("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.checkCharacterFor("81000019900101123")).isEqualTo('0');
    }

    @Test
    void checkCharacterForRejectsBadInput() {
        assertProblem(() -> IdNumber.checkCharacterFor(null), ValueProblem.REQUIRED);
        assertProblem(() -> IdNumber.checkCharacterFor("1101051949123100"), ValueProblem.LENGTH);
        assertProblem(() -> IdNumber.checkCharacterFor(KNOWN_GOOD), ValueProblem.LENGTH);
        assertProblem(() -> IdNumber.checkCharacterFor("1101051949123100X"), ValueProblem.CHARSET);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void rejectsMissingNumber(String raw) {
        assertProblem(() -> IdNumber.parse(raw, TODAY), ValueProblem.REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002", "11010519491231002X1", "110105491231002", "1"})
    void rejectsWrongLength(String raw) {
        assertProblem(() -> IdNumber.parse(raw, TODAY), ValueProblem.LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1101051949123A002X",
        "X1010519491231002X",
        "11010519491231002Y",
        "1101051949-231002X",
        "11010519491231\uFF10\uFF10\uFF12X"
    })
    void rejectsNonDigitCharacters(String raw) {
        assertProblem(() -> IdNumber.parse(raw, TODAY), ValueProblem.CHARSET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19990230", "19991301", "19990000", "19990100", "19000229", "20230229", "19991232"})
    void rejectsBirthDatesThatDoNotExist(String birthDate) {
        String raw = withCheckCharacter("110105" + birthDate + "002");

        assertProblem(() -> IdNumber.parse(raw, TODAY), ValueProblem.BIRTH_DATE);
    }

    @Test
    void acceptsLeapDay() {
        String raw = withCheckCharacter("11010520000229001");

        assertThat(IdNumber.parse(raw, TODAY).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void rejectsFutureBirthDate() {
        String raw = withCheckCharacter("11010520240602001");

        assertProblem(() -> IdNumber.parse(raw, TODAY), ValueProblem.FUTURE_BIRTH_DATE);
    }

    @Test
    void acceptsBirthDateOfToday() {
        String raw = withCheckCharacter("11010520240601001");

        assertThat(IdNumber.parse(raw, TODAY).ageOn(TODAY)).isZero();
    }

    @Test
    void rejectsWrongCheckCharacter() {
        assertProblem(() -> IdNumber.parse("110105194912310021", TODAY), ValueProblem.CHECK_CHARACTER);
    }

    @Test
    void rejectsEveryCheckCharacterButTheRightOne() {
        for (char candidate : "0123456789X".toCharArray()) {
            String raw = "11010519491231002" + candidate;
            if (candidate == 'X') {
                assertThat(IdNumber.parse(raw, TODAY).value()).isEqualTo(raw);
            } else {
                assertProblem(() -> IdNumber.parse(raw, TODAY), ValueProblem.CHECK_CHARACTER);
            }
        }
    }

    @Test
    void constructorEnforcesEverythingButTheReferenceDay() {
        assertProblem(() -> new IdNumber(null), ValueProblem.REQUIRED);
        assertProblem(() -> new IdNumber("11010519491231002"), ValueProblem.LENGTH);
        assertProblem(() -> new IdNumber("11010519491231002x"), ValueProblem.CHARSET);
        assertProblem(() -> new IdNumber(withCheckCharacter("11010519990230002")), ValueProblem.BIRTH_DATE);
        assertProblem(() -> new IdNumber("110105194912310021"), ValueProblem.CHECK_CHARACTER);
        assertThat(new IdNumber(withCheckCharacter("11010521000101001")).birthDate())
                .isEqualTo(LocalDate.of(2100, 1, 1));
    }

    @Test
    void parseRequiresReferenceDay() {
        assertThatThrownBy(() -> IdNumber.parse(KNOWN_GOOD, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void oddSequenceDigitIsMale() {
        assertThat(IdNumber.parse(withCheckCharacter("11010519491231003"), TODAY).sexCode()).isEqualTo(1);
    }

    @Test
    void evenSequenceDigitIsFemale() {
        assertThat(IdNumber.parse(withCheckCharacter("11010519491231000"), TODAY).sexCode()).isEqualTo(2);
    }

    @Test
    void ageTurnsOnTheBirthday() {
        IdNumber number = IdNumber.parse(withCheckCharacter("11010520080601001"), TODAY);

        assertThat(number.ageOn(LocalDate.of(2024, 5, 31))).isEqualTo(15);
        assertThat(number.ageOn(LocalDate.of(2024, 6, 1))).isEqualTo(16);
    }

    @Test
    void leapDayBirthdayCountsFromTheLeapDayOrTheFirstOfMarch() {
        IdNumber number = IdNumber.parse(withCheckCharacter("11010520000229001"), TODAY);

        assertThat(number.ageOn(LocalDate.of(2016, 2, 28))).isEqualTo(15);
        assertThat(number.ageOn(LocalDate.of(2016, 2, 29))).isEqualTo(16);
        assertThat(number.ageOn(LocalDate.of(2017, 2, 28))).isEqualTo(16);
        assertThat(number.ageOn(LocalDate.of(2017, 3, 1))).isEqualTo(17);
    }

    @Test
    void ageIsUndefinedBeforeBirth() {
        IdNumber number = IdNumber.parse(KNOWN_GOOD, TODAY);

        assertThatThrownBy(() -> number.ageOn(LocalDate.of(1949, 12, 30)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masksBirthDateAndSequence() {
        assertThat(IdNumber.parse(KNOWN_GOOD, TODAY).masked()).isEqualTo("110105********002X");
    }

    @Test
    void toStringDoesNotRevealTheNumber() {
        assertThat(IdNumber.parse(KNOWN_GOOD, TODAY)).hasToString("110105********002X");
    }

    @Test
    void errorMessagesDoNotRevealTheNumber() {
        assertThatThrownBy(() -> IdNumber.parse("110105194912310021", TODAY))
                .message()
                .doesNotContain("19491231")
                .contains("check character");
    }

    private static String withCheckCharacter(String first17) {
        return first17 + IdNumber.checkCharacterFor(first17);
    }

    private static void assertProblem(Runnable action, ValueProblem expected) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.problem()).isEqualTo(expected))
                .hasMessageContaining("Identity number");
    }
}

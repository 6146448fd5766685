package org.unionhub.station.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionhub.common.InvalidValueException;
import org.unionhub.common.ValueProblem;
import org.unionhub.station.domain.OpeningHours.Interval;

class HoursTextTests {

    @Test
    void readsRangesListsAndSeveralIntervals() {
        var week = HoursText.parseWeek("1-5 09:00-18:00; 6,7 10:00-14:00,17:00-21:00");
        assertThat(week.get(DayOfWeek.WEDNESDAY)).containsExactly(new Interval(540, 1080));
        assertThat(week.get(DayOfWeek.SUNDAY)).containsExactly(new Interval(600, 840), new Interval(1020, 1260));
    }

    @Test
    void acceptsFullWidthPunctuationAndChineseWords() {
        var week = HoursText.parseWeek("1-7 全天；6 09：00-12：00");
        assertThat(week.get(DayOfWeek.MONDAY)).containsExactly(new Interval(0, 1440));
        assertThat(week.get(DayOfWeek.SATURDAY)).contains(new Interval(540, 720));
    }

    @Test
    void midnightAsAnEndMeansTheEndOfTheDay() {
        assertThat(HoursText.parseWeek("1 18:00-24:00").get(DayOfWeek.MONDAY)).containsExactly(new Interval(1080, 1440));
        assertThat(HoursText.parseWeek("1 18:00-00:00").get(DayOfWeek.MONDAY)).containsExactly(new Interval(1080, 1440));
    }

    @Test
    void aWeekClosedEveryDayIsWrittenSoThatItReadsBackTheSame() {
        var closed = HoursText.parseWeek("1-7 closed");
        assertThat(closed.values()).allMatch(List::isEmpty);
        assertThat(HoursText.formatWeek(closed)).isEqualTo("1-7 closed");
        assertThat(HoursText.parseWeek(HoursText.formatWeek(closed))).isEqualTo(closed);
    }

    @Test
    void formatsWhatItReads() {
        String text = "1-5 09:00-18:00; 6,7 24h";
        assertThat(HoursText.formatWeek(HoursText.parseWeek(text))).isEqualTo(text);
        String exceptions = "2026-10-01 closed; 2026-10-02 10:00-14:00";
        assertThat(HoursText.formatExceptions(HoursText.parseExceptions(exceptions))).isEqualTo(exceptions);
    }

    @Test
    void readsExceptionsByDate() {
        var exceptions = HoursText.parseExceptions("2026-10-01 休息; 2026-10-02 10:00-14:00");
        assertThat(exceptions.get(LocalDate.of(2026, 10, 1))).isEmpty();
        assertThat(exceptions.get(LocalDate.of(2026, 10, 2))).isEqualTo(List.of(new Interval(600, 840)));
    }

    @Test
    void blankMeansNothing() {
        assertThat(HoursText.parseWeek(" ")).isEmpty();
        assertThat(HoursText.parseExceptions(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"09:00-18:00", "8 09:00-18:00", "0 09:00-18:00", "5-1 09:00-18:00", "1 25:00-26:00",
        "1 09:60-10:00", "1 nine-to-five", "1 24:00-06:00", "1 00:00-00:00", "1-2-3 09:00-10:00"})
    void rejectsWhatItCannotRead(String text) {
        assertThatThrownBy(() -> HoursText.parseWeek(text))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).problem()).isEqualTo(ValueProblem.FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30 closed", "tomorrow closed", "2026-10-01"})
    void rejectsExceptionsItCannotRead(String text) {
        assertThatThrownBy(() -> HoursText.parseExceptions(text)).isInstanceOf(InvalidValueException.class);
    }
}

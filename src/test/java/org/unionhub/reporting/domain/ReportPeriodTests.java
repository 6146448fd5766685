package org.unionhub.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.unionhub.common.ValidationFailure;
import org.unionhub.common.Violation;

class ReportPeriodTests {

    private static final LocalDate TODAY = LocalDate.of(2023, 5, 30);

    @Test
    void withoutDatesItIsTheYearToDate() {
        assertThat(ReportPeriod.of(null, null, TODAY)).isEqualTo(new ReportPeriod(LocalDate.of(2023, 1, 1), TODAY));
    }

    @Test
    void withOnlyAnEndItRunsFromTheStartOfThatYear() {
        assertThat(ReportPeriod.of(null, LocalDate.of(2021, 8, 9), TODAY))
                .isEqualTo(new ReportPeriod(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 8, 9)));
    }

    @Test
    void withOnlyAStartItRunsToToday() {
        assertThat(ReportPeriod.of(LocalDate.of(2018, 4, 1), null, TODAY))
                .isEqualTo(new ReportPeriod(LocalDate.of(2018, 4, 1), TODAY));
    }

    @Test
    void aSingleDayIsAPeriod() {
        assertThat(ReportPeriod.of(TODAY, TODAY, TODAY).months()).containsExactly(YearMonth.of(2023, 5));
    }

    @Test
    void anEndBeforeTheStartIsRefusedOnTo() {
        assertThatThrownBy(() -> ReportPeriod.of(TODAY, TODAY.minusDays(1), TODAY))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.violations())
                        .containsExactly(new Violation("to", "BEFORE_START")));
    }

    @Test
    void aStartAfterTodayWithoutAnEndIsRefusedToo() {
        assertThatThrownBy(() -> ReportPeriod.of(TODAY.plusDays(1), null, TODAY))
                .isInstanceOf(ValidationFailure.class);
    }

    @Test
    void theMonthsAreThoseThePeriodTouches() {
        assertThat(new ReportPeriod(LocalDate.of(2022, 11, 30), LocalDate.of(2023, 2, 1)).months()).containsExactly(
                YearMonth.of(2022, 11), YearMonth.of(2022, 12), YearMonth.of(2023, 1), YearMonth.of(2023, 2));
    }
}

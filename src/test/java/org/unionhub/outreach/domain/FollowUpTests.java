package org.unionhub.outreach.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.unionhub.common.ValidationFailure;
import org.unionhub.common.Violation;

class FollowUpTests {

    private static final LocalDate WEDNESDAY = LocalDate.of(2023, 5, 31);

    @Test
    void aWeekRunsFromMondayToSundayWhateverDayItIsAskedOn() {
        Week week = Week.of(WEDNESDAY);
        assertThat(week.monday()).isEqualTo(LocalDate.of(2023, 5, 29));
        assertThat(week.sunday()).isEqualTo(LocalDate.of(2023, 6, 4));
        assertThat(Week.of(LocalDate.of(2023, 5, 29))).isEqualTo(week);
        assertThat(Week.of(LocalDate.of(2023, 6, 4))).isEqualTo(week);
        assertThat(Week.of(LocalDate.of(2023, 6, 5)).monday()).isEqualTo(LocalDate.of(2023, 6, 5));
    }

    @Test
    void thisWeeksListHoldsTasksDueBySundayOverdueOnesIncluded() {
        Week week = Week.of(WEDNESDAY);
        assertThat(week.lists(LocalDate.of(2023, 6, 4))).isTrue();
        assertThat(week.lists(LocalDate.of(2023, 5, 1))).isTrue();
        assertThat(week.lists(LocalDate.of(2023, 6, 5))).isFalse();
    }

    @Test
    void aTaskIsOverdueFromTheDayAfterItWasDue() {
        assertThat(FollowUp.isOverdue(WEDNESDAY, WEDNESDAY)).isFalse();
        assertThat(FollowUp.isOverdue(WEDNESDAY.minusDays(1), WEDNESDAY)).isTrue();
    }

    @Test
    void aTaskNeedsShortWordsAndADueDateNotAlreadyPast() {
        assertThat(FollowUp.check("  送建会指导手册 ", WEDNESDAY, WEDNESDAY)).isEqualTo("送建会指导手册");
        assertThatThrownBy(() -> FollowUp.check(" ", WEDNESDAY.minusDays(1), WEDNESDAY))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.violations())
                        .containsExactly(new Violation("todo", "REQUIRED"), new Violation("dueOn", "DUE_IN_PAST")));
        assertThatThrownBy(() -> FollowUp.check("事".repeat(101), null, WEDNESDAY))
                .isInstanceOfSatisfying(ValidationFailure.class, failure -> assertThat(failure.violations())
                        .containsExactly(new Violation("todo", "TOO_LONG"), new Violation("dueOn", "REQUIRED")));
    }
}

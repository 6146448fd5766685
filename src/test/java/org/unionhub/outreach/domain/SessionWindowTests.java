package org.unionhub.outreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SessionWindowTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void localTimesAreBeijingTimeAndOffsetsAreHonoured() {
        assertThat(SessionWindow.parse("2023-05-30T11:30", BEIJING))
                .contains(OffsetDateTime.parse("2023-05-30T11:30+08:00"));
        assertThat(SessionWindow.parse("2023-05-30T03:30:00Z", BEIJING))
                .contains(OffsetDateTime.parse("2023-05-30T11:30+08:00"));
        assertThat(SessionWindow.parse(" 2023-05-30T11:30:00+08:00 ", BEIJING)).isPresent();
    }

    @Test
    void textThatIsNoDateTimeIsEmpty() {
        assertThat(SessionWindow.parse("tomorrow", BEIJING)).isEmpty();
        assertThat(SessionWindow.parse("2023-02-30T11:30", BEIJING)).isEmpty();
        assertThat(SessionWindow.parse("2023-05-30", BEIJING)).isEmpty();
        assertThat(SessionWindow.parse(" ", BEIJING)).isEmpty();
    }

    @Test
    void lunchtimeIsTheDefaultWindow() {
        SessionWindow lunch = SessionWindow.lunchtime(LocalDate.of(2023, 5, 30), BEIJING);
        assertThat(lunch.startsAt()).isEqualTo(OffsetDateTime.parse("2023-05-30T11:30+08:00"));
        assertThat(lunch.endsAt()).isEqualTo(OffsetDateTime.parse("2023-05-30T13:30+08:00"));
        assertThat(lunch.problem()).isEmpty();
    }

    @Test
    void aWindowMustEndAfterItStartsAndLastAtMostADay() {
        OffsetDateTime noon = OffsetDateTime.parse("2023-05-30T12:00+08:00");
        assertThat(new SessionWindow(noon, noon).problem()).contains(SessionWindow.Problem.ENDS_BEFORE_START);
        assertThat(new SessionWindow(noon, noon.minusMinutes(1)).problem())
                .contains(SessionWindow.Problem.ENDS_BEFORE_START);
        assertThat(new SessionWindow(noon, noon.plusHours(24)).problem()).isEmpty();
        assertThat(new SessionWindow(noon, noon.plusHours(24).plusMinutes(1)).problem())
                .contains(SessionWindow.Problem.WINDOW_TOO_LONG);
    }

    @Test
    void aSessionIsHeldOnTheBeijingDateItStarts() {
        OffsetDateTime lateUtc = OffsetDateTime.parse("2023-05-29T17:00Z");
        assertThat(new SessionWindow(lateUtc, lateUtc.plusHours(2)).heldOn(BEIJING)).isEqualTo(LocalDate.of(2023, 5, 30));
    }
}

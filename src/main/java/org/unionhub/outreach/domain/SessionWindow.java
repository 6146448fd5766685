package org.unionhub.outreach.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A session's time window: when it starts and ends, read from ISO text with an offset or as local time in the
 * city's zone. A session lasts at most a day; it is held on the local date it starts.
 */
public record SessionWindow(OffsetDateTime startsAt, OffsetDateTime endsAt) {

    public static final Duration LONGEST = Duration.ofHours(24);
    /** Lunchtime, when workers gather at the stall: the planning form's default window. */
    public static final LocalTime LUNCH_STARTS = LocalTime.of(11, 30);
    public static final LocalTime LUNCH_ENDS = LocalTime.of(13, 30);

    /** The problem with a window, named for the field it belongs to. */
    public enum Problem {
        ENDS_BEFORE_START, WINDOW_TOO_LONG
    }

    /** A date-time from text, or empty when it is not one. */
    public static Optional<OffsetDateTime> parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(value).atZoneSameInstant(zone).toOffsetDateTime());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(value).atZone(zone).toOffsetDateTime());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    public static SessionWindow lunchtime(LocalDate day, ZoneId zone) {
        return new SessionWindow(day.atTime(LUNCH_STARTS).atZone(zone).toOffsetDateTime(),
                day.atTime(LUNCH_ENDS).atZone(zone).toOffsetDateTime());
    }

    public Optional<Problem> problem() {
        if (!endsAt.isAfter(startsAt)) {
            return Optional.of(Problem.ENDS_BEFORE_START);
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            return Optional.of(Problem.WINDOW_TOO_LONG);
        }
        return Optional.empty();
    }

    public LocalDate heldOn(ZoneId zone) {
        return startsAt.atZoneSameInstant(zone).toLocalDate();
    }
}

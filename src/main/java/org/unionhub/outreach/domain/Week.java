package org.unionhub.outreach.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** A calendar week as Chinese offices keep it, Monday to Sunday: what "due this week" means. */
public record Week(LocalDate monday, LocalDate sunday) {

    public static Week of(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Week(monday, monday.plusDays(6));
    }

    /**
     * Whether a task due on {@code due} and not yet done belongs on this week's list: due by Sunday, overdue ones from
     * earlier weeks included.
     */
    public boolean lists(LocalDate due) {
        return !due.isAfter(sunday);
    }
}

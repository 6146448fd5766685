package org.unionhub.station.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a station is open. Hours are intervals in minutes of the day per weekday; an interval whose end is not after
 * its start runs past midnight into the next day (22:00–06:00), and 00:00–24:00 is the whole day. A dated exception
 * replaces the intervals that start on that date (closed, or other hours); a station closed on public holidays has
 * no intervals starting on one. What runs past midnight from the day before still counts.
 */
public final class OpeningHours {

    /** One interval of a weekday or of an exception date. */
    public record Interval(int opensMinute, int closesMinute) {

        public Interval {
            if (opensMinute < 0 || opensMinute > 1439 || closesMinute < 1 || closesMinute > 1440) {
                throw new IllegalArgumentException("Minutes of the day out of range: " + opensMinute + "–" + closesMinute);
            }
        }

        boolean crossesMidnight() {
            return closesMinute <= opensMinute;
        }

        /** Open at {@code minute} of the day this interval starts on. */
        boolean coversSameDay(int minute) {
            return crossesMidnight() ? minute >= opensMinute : minute >= opensMinute && minute < closesMinute;
        }

        /** Open at {@code minute} of the day after the one it starts on. */
        boolean coversNextDay(int minute) {
            return crossesMidnight() && minute < closesMinute;
        }
    }

    private final Map<DayOfWeek, List<Interval>> week;
    private final Map<LocalDate, List<Interval>> exceptions;
    private final boolean closedOnHolidays;

    /**
     * @param week intervals per weekday (missing weekday: closed)
     * @param exceptions dates whose own intervals differ from the week (an empty list: closed that day)
     * @param closedOnHolidays no intervals start on a public holiday
     */
    public OpeningHours(Map<DayOfWeek, List<Interval>> week, Map<LocalDate, List<Interval>> exceptions,
            boolean closedOnHolidays) {
        this.week = Map.copyOf(week);
        this.exceptions = Map.copyOf(exceptions);
        this.closedOnHolidays = closedOnHolidays;
    }

    public static OpeningHours allDay() {
        List<Interval> day = List.of(new Interval(0, 1440));
        Map<DayOfWeek, List<Interval>> week = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, day);
        }
        return new OpeningHours(week, Map.of(), false);
    }

    public boolean isOpenAt(LocalDateTime at, Set<LocalDate> publicHolidays) {
        LocalDate today = at.toLocalDate();
        int minute = at.getHour() * 60 + at.getMinute();
        for (Interval interval : intervalsStartingOn(today, publicHolidays)) {
            if (interval.coversSameDay(minute)) {
                return true;
            }
        }
        for (Interval interval : intervalsStartingOn(today.minusDays(1), publicHolidays)) {
            if (interval.coversNextDay(minute)) {
                return true;
            }
        }
        return false;
    }

    public List<Interval> intervalsStartingOn(LocalDate date, Set<LocalDate> publicHolidays) {
        List<Interval> exception = exceptions.get(date);
        if (exception != null) {
            return exception;
        }
        if (closedOnHolidays && publicHolidays.contains(date)) {
            return List.of();
        }
        return week.getOrDefault(date.getDayOfWeek(), List.of());
    }

    public Map<DayOfWeek, List<Interval>> week() {
        return week;
    }

    public Map<LocalDate, List<Interval>> exceptions() {
        return exceptions;
    }

    public boolean closedOnHolidays() {
        return closedOnHolidays;
    }
}

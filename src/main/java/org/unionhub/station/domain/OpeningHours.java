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

    /**
     * A moment worked out once for checking many stations (the finder's open-now): the minute of the week, and
     * whether today or yesterday is a public holiday.
     */
    public static final class Moment {

        private final LocalDateTime at;
        private final Set<LocalDate> publicHolidays;
        private final int minuteOfWeek;
        private final boolean holidayTodayOrYesterday;

        public Moment(LocalDateTime at, Set<LocalDate> publicHolidays) {
            this.at = at;
            this.publicHolidays = publicHolidays;
            this.minuteOfWeek = minuteOfWeek(at.getDayOfWeek(), at.getHour() * 60 + at.getMinute());
            LocalDate today = at.toLocalDate();
            this.holidayTodayOrYesterday = publicHolidays.contains(today)
                    || publicHolidays.contains(today.minusDays(1));
        }

        public LocalDateTime at() {
            return at;
        }

        boolean holidayTodayOrYesterday() {
            return holidayTodayOrYesterday;
        }
    }

    private static final int MINUTES_PER_DAY = 1440;
    private static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

    private final Map<DayOfWeek, List<Interval>> week;
    private final Map<LocalDate, List<Interval>> exceptions;
    private final boolean closedOnHolidays;
    /**
     * The week's intervals flattened for {@link #isOpenAt(Moment)}: [opens, closes) pairs in minutes from Monday
     * 00:00, one past midnight running on into the next day, and Sunday night's also from Monday 00:00.
     */
    private final int[] weekMinutes;

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
        this.weekMinutes = flatten(this.week);
    }

    private static int[] flatten(Map<DayOfWeek, List<Interval>> week) {
        int[] pairs = new int[0];
        int n = 0;
        for (Map.Entry<DayOfWeek, List<Interval>> day : week.entrySet()) {
            for (Interval interval : day.getValue()) {
                int opens = minuteOfWeek(day.getKey(), interval.opensMinute());
                int closes = minuteOfWeek(day.getKey(), interval.closesMinute())
                        + (interval.crossesMidnight() ? MINUTES_PER_DAY : 0);
                boolean wraps = closes > MINUTES_PER_WEEK;
                if (n + 4 > pairs.length) {
                    pairs = java.util.Arrays.copyOf(pairs, Math.max(8, pairs.length * 2));
                }
                pairs[n++] = opens;
                pairs[n++] = closes;
                if (wraps) {
                    pairs[n++] = opens - MINUTES_PER_WEEK;
                    pairs[n++] = closes - MINUTES_PER_WEEK;
                }
            }
        }
        return java.util.Arrays.copyOf(pairs, n);
    }

    private static int minuteOfWeek(DayOfWeek day, int minuteOfDay) {
        return (day.getValue() - 1) * MINUTES_PER_DAY + minuteOfDay;
    }

    public static OpeningHours allDay() {
        List<Interval> day = List.of(new Interval(0, 1440));
        Map<DayOfWeek, List<Interval>> week = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, day);
        }
        return new OpeningHours(week, Map.of(), false);
    }

    /**
     * The same answer as {@link #isOpenAt(LocalDateTime, Set)}, in a few comparisons: without dated exceptions, and
     * with no public holiday today or yesterday for a station closed on holidays, only the weekly hours count.
     */
    public boolean isOpenAt(Moment moment) {
        if (needsFullCheck(moment)) {
            return isOpenAt(moment.at, moment.publicHolidays);
        }
        return covers(weekMinutes, 0, weekMinutes.length, moment.minuteOfWeek);
    }

    /** Whether the weekly hours alone cannot answer for this moment: dated exceptions, or a holiday that counts. */
    private boolean needsFullCheck(Moment moment) {
        return hasExceptions() || (closedOnHolidays && moment.holidayTodayOrYesterday);
    }

    boolean hasExceptions() {
        return !exceptions.isEmpty();
    }

    /** The flattened weekly hours, for an index that keeps them beside its stations (read only). */
    int[] weekMinutes() {
        return weekMinutes;
    }

    /** Whether one of the [opens, closes) pairs in {@code pairs[from, to)} holds the moment's minute of the week. */
    static boolean covers(int[] pairs, int from, int to, Moment moment) {
        return covers(pairs, from, to, moment.minuteOfWeek);
    }

    private static boolean covers(int[] pairs, int from, int to, int minuteOfWeek) {
        for (int i = from; i < to; i += 2) {
            if (minuteOfWeek >= pairs[i] && minuteOfWeek < pairs[i + 1]) {
                return true;
            }
        }
        return false;
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

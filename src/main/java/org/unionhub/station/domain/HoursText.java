package org.unionhub.station.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionhub.common.InvalidValueException;
import org.unionhub.common.ValueProblem;
import org.unionhub.station.domain.OpeningHours.Interval;

/**
 * Opening hours as staff type them and spreadsheets carry them. Week: {@code 1-5 09:00-18:00; 6,7 10:00-16:00}
 * (1 = Monday … 7 = Sunday; several intervals with commas; {@code 24h} or {@code 全天} for the whole day;
 * {@code 22:00-06:00} runs past midnight). Exceptions: {@code 2026-10-01 closed; 2026-10-02 10:00-14:00}
 * ({@code closed} or {@code 休息} for a closed day). Full-width punctuation is accepted.
 */
public final class HoursText {

    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-–~至]\\s*(\\d{1,2}):(\\d{2})");

    private HoursText() {
    }

    public static Map<DayOfWeek, List<Interval>> parseWeek(String text) {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (String segment : segments(text)) {
            String[] parts = segment.split("\\s+", 2);
            if (parts.length < 2) {
                throw invalid();
            }
            List<Interval> intervals = intervals(parts[1]);
            for (DayOfWeek day : days(parts[0])) {
                week.computeIfAbsent(day, d -> new ArrayList<>()).addAll(intervals);
            }
        }
        return week;
    }

    public static Map<LocalDate, List<Interval>> parseExceptions(String text) {
        Map<LocalDate, List<Interval>> exceptions = new TreeMap<>();
        for (String segment : segments(text)) {
            String[] parts = segment.split("\\s+", 2);
            if (parts.length < 2) {
                throw invalid();
            }
            try {
                exceptions.put(LocalDate.parse(parts[0]), intervals(parts[1]));
            } catch (DateTimeParseException e) {
                throw invalid();
            }
        }
        return exceptions;
    }

    public static String formatWeek(Map<DayOfWeek, List<Interval>> week) {
        Map<List<Interval>, List<Integer>> daysBySchedule = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Interval> intervals = week.get(day);
            if (intervals != null && !intervals.isEmpty()) {
                daysBySchedule.computeIfAbsent(intervals, k -> new ArrayList<>()).add(day.getValue());
            }
        }
        List<String> segments = new ArrayList<>();
        daysBySchedule.forEach((intervals, days) -> segments.add(formatDays(days) + " " + formatIntervals(intervals)));
        return segments.isEmpty() ? "1-7 closed" : String.join("; ", segments);
    }

    public static String formatExceptions(Map<LocalDate, List<Interval>> exceptions) {
        List<String> segments = new ArrayList<>();
        new TreeMap<>(exceptions).forEach((date, intervals) ->
                segments.add(date + " " + (intervals.isEmpty() ? "closed" : formatIntervals(intervals))));
        return String.join("; ", segments);
    }

    public static String formatIntervals(List<Interval> intervals) {
        if (intervals.size() == 1 && intervals.get(0).opensMinute() == 0 && intervals.get(0).closesMinute() == 1440) {
            return "24h";
        }
        List<String> parts = new ArrayList<>();
        for (Interval interval : intervals) {
            parts.add(clock(interval.opensMinute()) + "-" + clock(interval.closesMinute()));
        }
        return String.join(",", parts);
    }

    private static String formatDays(List<Integer> days) {
        boolean consecutive = days.size() > 2 && days.get(days.size() - 1) - days.get(0) == days.size() - 1;
        if (consecutive) {
            return days.get(0) + "-" + days.get(days.size() - 1);
        }
        return String.join(",", days.stream().map(String::valueOf).toList());
    }

    private static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        if (text == null) {
            return segments;
        }
        String normalised = text.replace('；', ';').replace('，', ',').replace('：', ':').replace('\n', ';');
        for (String segment : normalised.split(";")) {
            if (!segment.isBlank()) {
                segments.add(segment.strip());
            }
        }
        return segments;
    }

    private static List<DayOfWeek> days(String text) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] range = part.split("-");
            int from = day(range[0]);
            int to = range.length == 2 ? day(range[1]) : from;
            if (range.length > 2 || to < from) {
                throw invalid();
            }
            for (int d = from; d <= to; d++) {
                days.add(DayOfWeek.of(d));
            }
        }
        return days;
    }

    private static int day(String text) {
        if (!text.strip().matches("[1-7]")) {
            throw invalid();
        }
        return Integer.parseInt(text.strip());
    }

    private static List<Interval> intervals(String text) {
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("closed") || trimmed.equals("休息")) {
            return List.of();
        }
        if (trimmed.equalsIgnoreCase("24h") || trimmed.equals("全天")) {
            return List.of(new Interval(0, 1440));
        }
        List<Interval> intervals = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            Matcher m = INTERVAL.matcher(part.strip());
            if (!m.matches()) {
                throw invalid();
            }
            int opens = minutes(m.group(1), m.group(2));
            int closes = minutes(m.group(3), m.group(4));
            if (opens == 1440 || closes == 0 && opens == 0) {
                throw invalid();
            }
            intervals.add(new Interval(opens, closes == 0 ? 1440 : closes));
        }
        return intervals;
    }

    private static int minutes(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h > 24 || m > 59 || (h == 24 && m != 0)) {
            throw invalid();
        }
        return h * 60 + m;
    }

    private static String clock(int minute) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    private static InvalidValueException invalid() {
        return new InvalidValueException(ValueProblem.FORMAT, "Opening hours must look like '1-5 09:00-18:00; 6,7 24h'");
    }
}

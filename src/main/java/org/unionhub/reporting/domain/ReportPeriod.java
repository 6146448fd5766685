package org.unionhub.reporting.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.unionhub.common.ValidationFailure;

/**
 * The days a report covers, both ends included. Without an end it runs to today; without a start, from the first day
 * of the end's year (a year to date, the federation's usual reporting period).
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public ReportPeriod {
        if (from == null || to == null) {
            throw new IllegalArgumentException("A period needs both ends");
        }
        if (to.isBefore(from)) {
            throw ValidationFailure.of("to", "BEFORE_START");
        }
    }

    /** The period asked for, with the defaults filled in; an end before the start fails on {@code to}. */
    public static ReportPeriod of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        return new ReportPeriod(start, end);
    }

    /** The calendar months the period touches, in order (the first and last may be partly outside it). */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}

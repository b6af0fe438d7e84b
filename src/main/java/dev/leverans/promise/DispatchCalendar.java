package dev.leverans.promise;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * The warehouse's time zone, the weekdays it hands parcels to carriers, and the dates it is
 * closed (holidays, stock-taking). Business days are dispatch weekdays that are not closed.
 */
public record DispatchCalendar(ZoneId zone, Set<DayOfWeek> dispatchDays, Set<LocalDate> closedDates) {
    public DispatchCalendar {
        if (dispatchDays.isEmpty()) throw new IllegalArgumentException("a warehouse needs at least one dispatch day");
        dispatchDays = Set.copyOf(EnumSet.copyOf(dispatchDays));
        closedDates = Set.copyOf(closedDates);
    }

    public boolean isBusinessDay(LocalDate date) {
        return dispatchDays.contains(date.getDayOfWeek()) && !closedDates.contains(date);
    }
}

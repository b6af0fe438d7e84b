package dev.leverans.promise;

import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * Turns a carrier's transit promise into business days counted from today. An order placed on a
 * business day before the cut-off is dispatched today; otherwise on the next business day, one
 * business day later. Wall-clock cut-offs follow the warehouse zone, so DST days
 * keep 14:00 at 14:00.
 */
public final class PromiseCalculator {
    private PromiseCalculator() {}

    public static DeliveryPromise promise(PromiseRule rule, DispatchCalendar calendar, Instant now) {
        ZonedDateTime local = now.atZone(calendar.zone());
        boolean beforeCutoff = rule.cutoff() == null || local.toLocalTime().isBefore(rule.cutoff());
        boolean dispatchToday = calendar.isBusinessDay(local.toLocalDate()) && beforeCutoff;
        // The next dispatch day is by definition the first business day after today.
        int delay = dispatchToday ? 0 : 1;
        return new DeliveryPromise(rule.earliestDays() + delay, rule.latestDays() + delay,
                dispatchToday ? rule.cutoff() : null, rule.timeOfDayEarliest(), rule.timeOfDayLatest());
    }
}

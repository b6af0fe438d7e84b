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
        boolean dispatchToday = dispatchesToday(rule, calendar, now.atZone(calendar.zone()));
        // The next dispatch day is by definition the first business day after today.
        int delay = dispatchToday ? 0 : 1;
        return new DeliveryPromise(rule.earliestDays() + delay, rule.latestDays() + delay,
                dispatchToday ? rule.cutoff() : null, rule.timeOfDayEarliest(), rule.timeOfDayLatest());
    }

    /** How {@link #promise} reached its answer, in words (for the merchant's preview). */
    public static String explain(PromiseRule rule, DispatchCalendar calendar, Instant now) {
        ZonedDateTime local = now.atZone(calendar.zone());
        DeliveryPromise p = promise(rule, calendar, now);
        String when = "delivery in " + p.earliestDays() + "-" + p.latestDays() + " business days";
        if (dispatchesToday(rule, calendar, local)) {
            return "dispatched today" + (rule.cutoff() == null ? "" : " (before the " + rule.cutoff() + " cut-off)") + ": " + when;
        }
        String why = !calendar.isBusinessDay(local.toLocalDate()) ? local.toLocalDate() + " is not a dispatch day"
                : "the " + rule.cutoff() + " cut-off has passed (" + local.toLocalTime().withNano(0) + " " + calendar.zone() + ")";
        return "dispatched on the next business day, " + why + ": " + when;
    }

    private static boolean dispatchesToday(PromiseRule rule, DispatchCalendar calendar, ZonedDateTime local) {
        boolean beforeCutoff = rule.cutoff() == null || local.toLocalTime().isBefore(rule.cutoff());
        return calendar.isBusinessDay(local.toLocalDate()) && beforeCutoff;
    }
}

package dev.leverans.promise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromiseCalculatorTest {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final DispatchCalendar WEEKDAYS = new DispatchCalendar(STOCKHOLM,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25)));
    private static final PromiseRule ONE_TO_THREE = new PromiseRule(1, 3, LocalTime.of(14, 0), null, null);

    private static DeliveryPromise at(String localDateTime) {
        return PromiseCalculator.promise(ONE_TO_THREE, WEEKDAYS, ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), STOCKHOLM).toInstant());
    }

    @Test
    void beforeTheCutoffOnABusinessDayShipsToday() {
        DeliveryPromise p = at("2026-11-18T13:59");
        assertEquals(1, p.earliestDays());
        assertEquals(3, p.latestDays());
        assertEquals(LocalTime.of(14, 0), p.cutoff());
    }

    @Test
    void afterTheCutoffShipsTheNextBusinessDay() {
        DeliveryPromise p = at("2026-11-18T14:00");
        assertEquals(2, p.earliestDays());
        assertEquals(4, p.latestDays());
        assertNull(p.cutoff());
    }

    @Test
    void weekendsAndClosedDatesShipOnTheNextBusinessDay() {
        assertEquals(2, at("2026-11-21T09:00").earliestDays());   // Saturday
        assertEquals(2, at("2026-11-20T15:00").earliestDays());   // Friday after cut-off
        assertEquals(2, at("2026-12-24T09:00").earliestDays());   // closed
        assertNull(at("2026-12-24T09:00").cutoff());
    }

    @Test
    void theCutoffIsWallClockTimeOnDaylightSavingDays() {
        // Sunday 29 March and Sunday 25 October are weekend days here; Monday after each change keeps 14:00 local.
        assertEquals(LocalTime.of(14, 0), at("2026-03-30T13:30").cutoff());
        assertNull(at("2026-03-30T14:01").cutoff());
        assertEquals(LocalTime.of(14, 0), at("2026-10-26T13:59").cutoff());
    }

    @Test
    void windowOfTheDayIsPassedThrough() {
        PromiseRule evening = new PromiseRule(1, 1, null, LocalTime.of(17, 0), LocalTime.of(22, 0));
        DeliveryPromise p = PromiseCalculator.promise(evening, WEEKDAYS, ZonedDateTime.of(2026, 11, 18, 23, 0, 0, 0, STOCKHOLM).toInstant());
        assertEquals(1, p.earliestDays());
        assertEquals(LocalTime.of(17, 0), p.timeOfDayEarliest());
    }
}

package dev.leverans.promise;

import java.time.LocalTime;

/**
 * What a carrier product promises: transit in business days after dispatch, the warehouse cut-off
 * for same-day dispatch (null: none), and an optional delivery window of the day.
 */
public record PromiseRule(int earliestDays, int latestDays, LocalTime cutoff,
                          LocalTime timeOfDayEarliest, LocalTime timeOfDayLatest) {
    public PromiseRule {
        if (earliestDays < 0 || latestDays < earliestDays) {
            throw new IllegalArgumentException("delivery days need 0 <= earliest <= latest");
        }
    }
}

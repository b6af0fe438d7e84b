package dev.leverans.promise;

import java.time.LocalTime;

/**
 * What the customer reads: delivered in {@code earliestDays}–{@code latestDays} business days from
 * today, "if ordered before {@code cutoff}" (null once today's cut-off has passed), within an
 * optional window of the day.
 */
public record DeliveryPromise(int earliestDays, int latestDays, LocalTime cutoff,
                              LocalTime timeOfDayEarliest, LocalTime timeOfDayLatest) {}

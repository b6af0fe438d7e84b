package dev.leverans.shipments;

/** The carrier's tracking number and page, once the merchant has booked the parcel. */
public record Tracking(String number, String url) {}

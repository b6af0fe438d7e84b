package dev.leverans.merchantapi;

/** The body of POST /merchant/shipments/{id}/booking. */
record BookingRequest(String status, String trackingNumber, String trackingUrl, String additionalInfo) {}

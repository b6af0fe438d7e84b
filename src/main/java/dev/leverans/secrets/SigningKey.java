package dev.leverans.secrets;

/** An HMAC key for bearer tokens with the id ({@code kid}) that tokens signed with it carry. */
public record SigningKey(String kid, Secret key) {}

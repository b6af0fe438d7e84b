package dev.leverans.klarna;

/** The body of POST /auth. */
public record AuthRequest(String identifier, Secret secret) {
    public record Secret(String nonce, String digest) {}
}

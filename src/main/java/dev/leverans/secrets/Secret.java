package dev.leverans.secrets;

import java.nio.charset.StandardCharsets;

/** A credential that never shows up in logs or string concatenation. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    public byte[] utf8() { return value.getBytes(StandardCharsets.UTF_8); }

    public boolean equalsPlain(String candidate) { return value.equals(candidate); }

    @Override
    public String toString() { return "[secret]"; }
}

package dev.leverans.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An IP address or CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) from the settings. */
public record AddressRange(byte[] network, int prefixBits, String text) {
    // Literals only: InetAddress.getByName would look a host name up in DNS.
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** Parses one address or range; {@link ConfigException} naming {@code setting} when it is neither. */
    public static AddressRange parse(String text, String setting) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        ConfigException bad = new ConfigException(setting + ": '" + trimmed + "' is not an IP address or a CIDR range like 10.0.0.0/8");
        InetAddress parsed = literal(address);
        if (parsed == null) throw bad;
        byte[] bytes = parsed.getAddress();
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw bad;
            }
            if (bits < 0 || bits > bytes.length * 8) throw bad;
        }
        return new AddressRange(bytes, bits, trimmed);
    }

    /** An IP literal, never a DNS lookup; null for anything else (host names, {@code unknown}, obfuscated ids). */
    public static InetAddress literal(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) return null;
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) return false;
        int full = prefixBits / 8, rest = prefixBits % 8;
        for (int i = 0; i < full; i++) if (candidate[i] != network[i]) return false;
        if (rest == 0) return true;
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() { return text; }
}

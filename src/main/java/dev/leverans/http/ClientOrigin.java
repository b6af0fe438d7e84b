package dev.leverans.http;

import dev.leverans.config.AddressRange;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a request came from: the client's address, and the scheme and host it used. Behind a proxy
 * these come from {@code Forwarded} (RFC 7239) or {@code X-Forwarded-For/-Proto/-Host}, but only
 * when the peer is one of {@code server.trusted_proxies}; from anyone else the headers are ignored,
 * so a client cannot claim another address or make the server build links to another host.
 */
public record ClientOrigin(String address, String scheme, String host) {
    private static final String ATTRIBUTE = "leverans.client-origin";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

    /** The origin {@link Resolver#resolve} found for this request. */
    public static ClientOrigin of(Context ctx) {
        ClientOrigin origin = ctx.attribute(ATTRIBUTE);
        return origin != null ? origin : direct(ctx);
    }

    private static ClientOrigin direct(Context ctx) {
        return new ClientOrigin(ctx.req().getRemoteAddr(), ctx.scheme(), ctx.host());
    }

    /** Resolves each request's origin once, from the peer and, if the peer is trusted, its headers. */
    public record Resolver(List<AddressRange> trustedProxies) {
        public ClientOrigin resolve(Context ctx) {
            ClientOrigin direct = direct(ctx);
            // Without trusted proxies (the default) nothing is parsed on this per-request path.
            ClientOrigin origin = !trustedProxies.isEmpty() && trusted(direct.address()) ? forwarded(ctx, direct) : direct;
            ctx.attribute(ATTRIBUTE, origin);
            return origin;
        }

        private ClientOrigin forwarded(Context ctx, ClientOrigin direct) {
            String forwarded = ctx.header("Forwarded");
            List<String> chain = new ArrayList<>();
            String proto = null, host = null;
            if (forwarded != null) {
                for (String element : forwarded.split(",")) {
                    for (String pair : element.split(";")) {
                        int eq = pair.indexOf('=');
                        if (eq < 0) continue;
                        String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                        String value = unquote(pair.substring(eq + 1).trim());
                        switch (name) {
                            case "for" -> chain.add(value);
                            case "proto" -> proto = value;
                            case "host" -> host = value;
                            default -> { }
                        }
                    }
                }
            } else {
                String forwardedFor = ctx.header("X-Forwarded-For");
                if (forwardedFor != null) for (String hop : forwardedFor.split(",")) chain.add(hop.trim());
                proto = last(ctx.header("X-Forwarded-Proto"));
                host = last(ctx.header("X-Forwarded-Host"));
            }
            // The nearest hops are our proxies; the first address from the right that is not one is the client.
            String client = direct.address();
            for (int i = chain.size() - 1; i >= 0; i--) {
                String hop = stripPort(chain.get(i));
                if (AddressRange.literal(hop) == null) break;
                client = hop;
                if (!trusted(hop)) break;
            }
            String scheme = "http".equalsIgnoreCase(proto) || "https".equalsIgnoreCase(proto) ? proto.toLowerCase(Locale.ROOT) : direct.scheme();
            return new ClientOrigin(client, scheme, host != null && HOST.matcher(host).matches() ? host : direct.host());
        }

        private boolean trusted(String address) {
            InetAddress parsed = AddressRange.literal(address);
            return parsed != null && trustedProxies.stream().anyMatch(range -> range.contains(parsed));
        }
    }

    /** {@code 1.2.3.4:5678}, {@code [2001:db8::1]:80} and {@code [2001:db8::1]} without port and brackets. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close < 0 ? hop : hop.substring(1, close);
        }
        int colon = hop.indexOf(':');
        return colon >= 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** The value the nearest proxy added: the last of a comma-separated header. */
    private static String last(String header) {
        if (header == null) return null;
        String[] values = header.split(",");
        return values[values.length - 1].trim();
    }
}

package dev.leverans.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressRangeTest {
    private static boolean contains(String range, String address) {
        return AddressRange.parse(range, "test").contains(AddressRange.literal(address));
    }

    @Test
    void rangesAndSingleAddressesOfBothFamilies() {
        assertTrue(contains("10.0.0.0/8", "10.255.3.4"));
        assertFalse(contains("10.0.0.0/8", "11.0.0.1"));
        assertTrue(contains("192.168.1.0/25", "192.168.1.127"));
        assertFalse(contains("192.168.1.0/25", "192.168.1.128"));
        assertTrue(contains("192.168.1.5", "192.168.1.5"));
        assertFalse(contains("192.168.1.5", "192.168.1.6"));
        assertTrue(contains("2001:db8::/32", "2001:db8:ffff::1"));
        assertFalse(contains("2001:db8::/32", "2001:db9::1"));
        assertFalse(contains("0.0.0.0/0", "::1"), "an IPv4 range holds no IPv6 address");
        assertTrue(contains("0.0.0.0/0", "8.8.8.8"));
    }

    @Test
    void namesAndNonsenseAreRefusedWithoutADnsLookup() {
        for (String bad : new String[] {"proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "", "10.0.0.0/8/8"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> AddressRange.parse(bad, "server.trusted_proxies"));
            assertTrue(e.getMessage().startsWith("server.trusted_proxies: '"), e.getMessage());
        }
        assertNull(AddressRange.literal("localhost"));
        assertNull(AddressRange.literal("unknown"));
    }
}

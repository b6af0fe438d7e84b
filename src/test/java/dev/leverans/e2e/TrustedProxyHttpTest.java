package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.selectRequest;
import static dev.leverans.support.Klarna.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Links built from the request (no public_base_url) follow Forwarded / X-Forwarded-* only from a trusted proxy. */
class TrustedProxyHttpTest {
    private static String location(String session, String header, String value) {
        return as(token("demo", "demo-secret")).header(header, value).body(selectRequest(session, "budbee-home"))
                .post("/ksa/shipment").then().statusCode(201).extract().header("Location");
    }

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() {
        try (TestServer server = new TestServer()) {
            String direct = "http://127.0.0.1:" + server.port + "/ksa/shipment/";
            assertTrue(location("px-1", "X-Forwarded-Host", "evil.example").startsWith(direct));
            assertTrue(location("px-2", "Forwarded", "proto=https;host=evil.example").startsWith(direct));
        }
    }

    @Test
    void aTrustedProxySetsSchemeAndHostAndNonsenseIsIgnored() {
        try (TestServer server = new TestServer(Map.of("LEVERANS_TRUSTED_PROXIES", "127.0.0.1"))) {
            assertTrue(location("px-3", "Forwarded", "for=198.51.100.1;proto=https;host=tms.example.com")
                    .startsWith("https://tms.example.com/ksa/shipment/"));
            String viaXForwarded = as(token("demo", "demo-secret")).header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-Host", "shop.example.com:8443").body(selectRequest("px-4", "budbee-home"))
                    .post("/ksa/shipment").then().statusCode(201).extract().header("Location");
            assertTrue(viaXForwarded.startsWith("https://shop.example.com:8443/ksa/shipment/"), viaXForwarded);
            assertTrue(location("px-5", "X-Forwarded-Host", "evil.example/phish?").startsWith("http://127.0.0.1:" + server.port + "/"),
                    "a host that is not a host name is not used");
            assertEquals("http", location("px-6", "X-Forwarded-Proto", "javascript").split(":")[0]);
        }
    }
}

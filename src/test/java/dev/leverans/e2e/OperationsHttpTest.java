package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.optionsRequest;
import static dev.leverans.support.Klarna.selectRequest;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leverans.support.TestServer;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsHttpTest {
    private TestServer server;

    @BeforeAll
    void start() { server = new TestServer(); }

    @AfterAll
    void stop() { server.close(); }

    @Test
    void healthIsReadyWithConfigAndDatabase() {
        get("/health").then().statusCode(200).body("status", equalTo("ready")).body("merchants", equalTo(2))
                .body("version", org.hamcrest.Matchers.matchesPattern("\\d+\\.\\d+\\.\\d+.*"))
                .body("database", equalTo("ok"));
    }

    @Test
    void metricsCoverRoutesOptionsReservationsJvmAndJetty() {
        String token = token("demo", "demo-secret");
        as(token).body(optionsRequest("ops-1")).post("/ksa/shipping_options").then().statusCode(200);
        as(token).body(selectRequest("ops-1", "budbee-home")).post("/ksa/shipment").then().statusCode(201);
        as(token).get("/ksa/shipment/does-not-exist").then().statusCode(404);
        String metrics = get("/metrics").then().statusCode(200).extract().asString();
        for (String expected : new String[] {
                "http_server_requests_seconds_count{method=\"POST\",status=\"200\",uri=\"/ksa/shipping_options\"}",
                "http_server_requests_seconds_count{method=\"GET\",status=\"404\",uri=\"/ksa/shipment/{id}\"}",
                "leverans_shipping_options_returned_count{merchant=\"demo\"}",
                "leverans_reservations_total{merchant=\"demo\",outcome=\"created\"}",
                "jvm_memory_used_bytes", "jetty_threads_current", "jetty_connections_current",
                "process_uptime_seconds", "process_start_time_seconds", "process_files_open_files", "process_resident_memory_bytes",
                "http_server_requests_seconds_bucket{method=\"POST\",status=\"200\",uri=\"/ksa/shipping_options\",le=\"0.01\"}"}) {
            assertEquals(true, metrics.contains(expected), "missing " + expected);
        }
        assertEquals(13, metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket{method=\"POST\",status=\"200\","
                + "uri=\"/ksa/shipping_options\"")).count(), "twelve service-level buckets and +Inf");
        assertEquals(false, metrics.contains("demo-secret"));
        assertEquals(false, metrics.contains(token));
    }

    @Test
    void locationIsDerivedFromTheRequestWithoutAPublicBaseUrl() {
        Response r = as(token("demo", "demo-secret")).body(selectRequest("ops-2", "budbee-home")).post("/ksa/shipment");
        assertEquals("http://127.0.0.1:" + RestAssured.port + "/ksa/shipment/" + r.path("shipment_id"), r.header("Location"));
    }

    @Test
    void theOpenApiDocumentIsServedAndCoversEveryRoute() {
        String yaml = get("/openapi.yaml").then().statusCode(200).extract().asString();
        for (String path : new String[] {"/ksa/auth:", "/ksa/shipping_options:", "/ksa/shippingoptions:", "/ksa/shipping-options:",
                "/ksa/shipment:", "/merchant/klarna-requests:", "/ksa/shipment/{shipment_id}:",
                "/ksa/shipment/{shipment_id}/confirm:", "/merchant/shipments:", "/merchant/shipments/{shipment_id}:",
                "/merchant/shipments/{shipment_id}/booking:", "/om/orders:", "/om/orders/{shop_order_id}:",
                "/om/orders/{shop_order_id}/status:", "/om/orders/{shop_order_id}/lines:", "/om/orders/{shop_order_id}/refunds:",
                "/om/orders/{shop_order_id}/tracking:", "/health:", "/metrics:", "/openapi.yaml:"}) {
            assertEquals(true, yaml.contains(path), "openapi.yaml lacks " + path);
        }
    }

    @Test
    void unknownEndpointsGet404WithAReason() {
        get("/nowhere").then().statusCode(404).body("failure_reason", containsString("/nowhere"));
    }
}

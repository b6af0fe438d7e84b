package dev.leverans.server;

import dev.leverans.klarna.KlarnaCallbacks;
import dev.leverans.merchantapi.MerchantApi;
import dev.leverans.ordermanagement.OmApi;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;

/** Every endpoint of the server, in one table. */
public final class Routes {
    private Routes() {}

    public static void register(RoutesConfig routes, String basePath, KlarnaCallbacks klarna, MerchantApi merchantApi,
                                OmApi om, Health health, PrometheusMeterRegistry metrics) {
        routes.post(basePath + "/auth", klarna::auth);
        routes.post(basePath + "/shipping_options", klarna::shippingOptions);
        routes.post(basePath + "/shipment", klarna::selectShipment);
        routes.put(basePath + "/shipment/{id}", klarna::changeShipment);
        routes.post(basePath + "/shipment/{id}/confirm", klarna::confirmShipment);
        routes.get(basePath + "/shipment/{id}", klarna::getShipment);

        routes.get("/merchant/shipments", merchantApi::list);
        routes.get("/merchant/shipments/{id}", merchantApi::get);
        routes.post("/merchant/shipments/{id}/booking", merchantApi::booking);

        routes.post("/om/orders", om::register);
        routes.get("/om/orders/{shop_order_id}", om::get);
        routes.post("/om/orders/{shop_order_id}/status", om::status);
        routes.put("/om/orders/{shop_order_id}/lines", om::lines);
        routes.post("/om/orders/{shop_order_id}/refunds", om::refund);
        routes.post("/om/orders/{shop_order_id}/tracking", om::tracking);

        routes.get("/health", health::check);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        byte[] openApi = openApi();
        routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
    }

    private static byte[] openApi() {
        try (InputStream in = Routes.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) throw new IllegalStateException("openapi.yaml is missing from the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi.yaml", e);
        }
    }
}

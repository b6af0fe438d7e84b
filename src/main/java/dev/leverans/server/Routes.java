package dev.leverans.server;

import dev.leverans.http.OpenApi;
import dev.leverans.klarna.KlarnaCallbacks;
import dev.leverans.merchantapi.ConfigApi;
import dev.leverans.merchantapi.KcoFallbackApi;
import dev.leverans.merchantapi.MerchantApi;
import dev.leverans.merchantapi.PreviewApi;
import dev.leverans.merchantapi.TestCartApi;
import dev.leverans.ordermanagement.OmApi;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Every endpoint of the server, in one table. */
public final class Routes {
    private Routes() {}

    /** The APIs under /merchant, all on the merchant's API keys. */
    public record MerchantApis(MerchantApi shipments, ConfigApi config, TestCartApi testCarts, PreviewApi preview,
                               KcoFallbackApi kcoFallback) {}

    public static void register(RoutesConfig routes, String basePath, KlarnaCallbacks klarna, MerchantApis merchant, OmApi om,
                                Health health, PrometheusMeterRegistry metrics) {
        MerchantApi merchantApi = merchant.shipments();
        ConfigApi config = merchant.config();
        routes.post(basePath + "/auth", klarna::auth);
        // Klarna's spellings of the options path differ between sources; the uri metric label shows which is used.
        for (String options : KlarnaCallbacks.OPTIONS_PATHS) routes.post(basePath + options, klarna::shippingOptions);
        routes.post(basePath + "/shipment", klarna::selectShipment);
        routes.put(basePath + "/shipment/{id}", klarna::changeShipment);
        routes.post(basePath + "/shipment/{id}/confirm", klarna::confirmShipment);
        routes.get(basePath + "/shipment/{id}", klarna::getShipment);

        routes.get("/merchant/shipments", merchantApi::list);
        routes.get("/merchant/klarna-requests", merchantApi::klarnaRequests);
        routes.get("/merchant/shipments/{id}", merchantApi::get);
        routes.post("/merchant/shipments/{id}/booking", merchantApi::booking);
        routes.get("/merchant/config", config::active);
        routes.get("/merchant/config/versions", config::list);
        routes.post("/merchant/config/versions", config::submit);
        routes.get("/merchant/config/versions/{n}", config::get);
        routes.get("/merchant/config/versions/{n}/diff", config::diff);
        routes.post("/merchant/config/versions/{n}/activate", config::activate);
        routes.get("/merchant/config/versions/{n}/test-carts", config::runTestCarts);
        routes.get("/merchant/config/test-carts", merchant.testCarts()::list);
        routes.put("/merchant/config/test-carts/{name}", merchant.testCarts()::put);
        routes.delete("/merchant/config/test-carts/{name}", merchant.testCarts()::delete);
        routes.post("/merchant/preview", merchant.preview()::preview);
        routes.get("/merchant/kco-fallback", merchant.kcoFallback()::fallback);

        routes.post("/om/orders", om::register);
        routes.get("/om/orders", om::list);
        routes.get("/om/orders/{shop_order_id}", om::get);
        routes.post("/om/orders/{shop_order_id}/status", om::status);
        routes.put("/om/orders/{shop_order_id}/lines", om::lines);
        routes.post("/om/orders/{shop_order_id}/refunds", om::refund);
        routes.post("/om/orders/{shop_order_id}/tracking", om::tracking);

        routes.get("/health", health::check);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        byte[] openApi = OpenApi.bytes();
        routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
    }
}

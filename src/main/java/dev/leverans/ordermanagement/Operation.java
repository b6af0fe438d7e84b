package dev.leverans.ordermanagement;

/** The state-changing Klarna OM calls the module makes. */
public enum Operation {
    CAPTURE("POST", "/captures"),
    ADD_SHIPPING_INFO("POST", null),
    CANCEL("POST", "/cancel"),
    UPDATE_AUTHORIZATION("PATCH", "/authorization"),
    REFUND("POST", "/refunds");

    private final String method;
    private final String suffix;

    Operation(String method, String suffix) {
        this.method = method;
        this.suffix = suffix;
    }

    public String method() { return method; }

    /** The path under /ordermanagement/v1/orders/{order_id}; shipping info names its capture. */
    public String path(String captureId) {
        return this == ADD_SHIPPING_INFO ? "/captures/" + KlarnaOmClient.segment(captureId) + "/shipping-info" : suffix;
    }
}

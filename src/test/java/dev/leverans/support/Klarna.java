package dev.leverans.support;

import static io.restassured.RestAssured.given;

import dev.leverans.auth.KlarnaDigest;
import dev.leverans.secrets.Secret;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Klarna's side of the callbacks, for HTTP tests: tokens and request bodies. */
public final class Klarna {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Klarna() {}

    public static String token(String identifier, String key) {
        String nonce = UUID.randomUUID().toString();
        return given().contentType(ContentType.JSON)
                .body(Map.of("identifier", identifier, "secret", Map.of("nonce", nonce, "digest", KlarnaDigest.of(nonce, new Secret(key)))))
                .post("/ksa/auth").then().statusCode(201).extract().path("token");
    }

    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    public static Map<String, Object> line(int grams, int h, int w, int l, String... tags) {
        return new HashMap<>(Map.of("reference", "SKU-" + grams, "name", "Item", "type", "physical", "quantity", 1,
                "unit_price", 29900, "total_amount", 29900, "tax_rate", 2500,
                "shipping_attributes", Map.of("weight", grams, "dimensions", Map.of("height", h, "width", w, "length", l),
                        "tags", List.of(tags))));
    }

    /** An options request for a 1 kg parcel to Stockholm worth 299 SEK. */
    public static Map<String, Object> optionsRequest(String sessionId) {
        return optionsRequest(sessionId, "SEK", "SE", "111 22", 29900, List.of(line(1000, 40, 200, 300)));
    }

    public static Map<String, Object> optionsRequest(String sessionId, String currency, String country, String postalCode,
                                                     long orderAmount, List<Map<String, Object>> lines) {
        Map<String, Object> address = new HashMap<>(Map.of("country", country, "city", "Stockholm", "street_address", "Drottninggatan 1"));
        if (postalCode != null) address.put("postal_code", postalCode);
        Map<String, Object> body = new HashMap<>();
        body.put("session_id", sessionId);
        body.put("currency", currency);
        body.put("locale", "sv-SE");
        body.put("order", Map.of("order_amount", orderAmount, "order_lines", new ArrayList<>(lines)));
        body.put("address", address);
        body.put("recipient", Map.of("given_name", "Anna", "family_name", "Svensson", "email", "anna@example.com"));
        return body;
    }

    /** A request body of Klarna's evidenced shape from {@code src/test/resources/klarna/<name>.json}, mutable. */
    public static Map<String, Object> fixture(String name) {
        try (InputStream in = Klarna.class.getResourceAsStream("/klarna/" + name + ".json")) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return JSON.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> select(Map<String, Object> optionsRequest, Map<String, Object> choice) {
        Map<String, Object> body = new HashMap<>(optionsRequest);
        body.put("selected_shipping_option", choice);
        return body;
    }

    public static Map<String, Object> selectRequest(String sessionId, String optionId) {
        return select(optionsRequest(sessionId), Map.of("id", optionId));
    }
}

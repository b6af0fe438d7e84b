package dev.leverans.merchants;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A saved test cart: a {@code shipping_options} request as Klarna sends it, the moment to evaluate
 * it at (null: whenever it runs), and the answer the merchant expects — option ids with prices in
 * order, and the preselected one.
 */
public record TestCart(String name, JsonNode request, String at, Expected expected) {
    public record Expected(List<ExpectedOption> options, String preselected) {
        public Expected {
            options = List.copyOf(options);
        }
    }

    public record ExpectedOption(String id, long price) {}

    public TestCart withExpected(Expected newExpected) {
        return new TestCart(name, request, at, newExpected);
    }
}

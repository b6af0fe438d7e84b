package dev.leverans.klarna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.support.Klarna;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class UnknownFieldsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UnknownFields unknown = new UnknownFields(registry, KlarnaCallbacks.DESCRIBED);

    private double count(String field) {
        Counter c = registry.find("leverans.klarna.unknown_fields").tag("field", field).counter();
        return c == null ? 0 : c.count();
    }

    @ParameterizedTest
    @ValueSource(strings = {"options-full-recipient", "options-preview-no-recipient", "options-country-only", "select-addons-data"})
    void everyFieldOfTheEvidencedShapeIsKnown(String fixture) {
        unknown.check(fixture.startsWith("select") ? "SelectShipmentRequest" : "ShippingOptionsRequest",
                JSON.valueToTree(Klarna.fixture(fixture)));
        assertTrue(registry.find("leverans.klarna.unknown_fields").counters().isEmpty());
    }

    @Test
    void fieldsArePathsWithArraysMarkedAndCountedPerOccurrence() {
        JsonNode body = JSON.readTree("""
                {"currency": "SEK", "order": {"lines": [{"foo": 1}, {"foo": 2, "attributes": {"colour": "red"}}]},
                 "selected_shipping_option": {"id": "x"}}""");
        unknown.check("ShippingOptionsRequest", body);
        assertEquals(2, count("order.lines[].foo"));
        assertEquals(1, count("order.lines[].attributes.colour"));
        assertEquals(1, count("selected_shipping_option"), "the choice is not part of an options request");
        unknown.check("SelectShipmentRequest", body);
        assertEquals(1, count("selected_shipping_option"));
    }

    @Test
    void afterAHundredDistinctPathsTheRestCountAsOther() {
        ObjectNode body = JSON.createObjectNode().put("currency", "SEK");
        for (int i = 0; i < 130; i++) body.put("new_field_" + i, i);
        unknown.check("ShippingOptionsRequest", body);
        unknown.check("ShippingOptionsRequest", body);
        assertEquals(UnknownFields.MAX_PATHS + 1, registry.find("leverans.klarna.unknown_fields").counters().size());
        assertEquals(2, count("new_field_0"));
        assertEquals(60, count("other"));
        assertEquals(List.of(), registry.find("leverans.klarna.unknown_fields").tag("field", "new_field_120").counters().stream().toList());
    }
}

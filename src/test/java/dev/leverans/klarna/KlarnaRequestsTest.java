package dev.leverans.klarna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.leverans.rules.QuoteRequest;
import dev.leverans.rules.RuleTable;
import dev.leverans.shipments.Choice;
import dev.leverans.support.DemoConfig;
import dev.leverans.support.Klarna;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class KlarnaRequestsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RuleTable DEMO = DemoConfig.demo().rules();

    private static QuoteRequest read(String json) {
        return KlarnaRequests.quoteRequest(JSON.readTree(json), DEMO);
    }

    @Test
    void bothShapesOfTheSameCartReadTheSame() {
        QuoteRequest evidenced = read("""
                {"currency": "SEK", "recipient": {"country": "SE", "postal_code": "113 51"},
                 "order": {"total_amount": 44800, "tags": ["member"], "lines": [
                   {"reference": "A", "quantity": 2, "total_price_including_tax": 29800,
                    "attributes": {"weight": 350, "dimensions": {"height": 25, "width": 110, "length": 180}, "tags": ["x"]}}]}}""");
        QuoteRequest pinned = read("""
                {"currency": "SEK", "address": {"country": "SE", "postal_code": "11351"},
                 "recipient": {"given_name": "Anna"},
                 "order": {"order_amount": 44800, "tags": ["member"], "order_lines": [
                   {"reference": "A", "quantity": 2, "total_amount": 29800,
                    "shipping_attributes": {"weight": 350, "dimensions": {"height": 25, "width": 110, "length": 180}, "tags": ["x"]}}]}}""");
        assertEquals(pinned, evidenced);
        assertEquals(700L, evidenced.cart().totalWeightGrams());
        assertEquals("11351", evidenced.destination().postalCode());
    }

    @ParameterizedTest
    @CsvSource({"sv-SE, SE", "nb_NO, NO", "en-GB, ", "sv, ", "de-DE, ", "zh-Hant-TW, "})
    void withoutARecipientTheCountryIsTheLocalesRegionWhenServed(String locale, String country) {
        QuoteRequest r = read("{\"currency\": \"SEK\", \"locale\": \"" + locale + "\"}");
        assertEquals(country, r.destination().country());
        assertNull(r.destination().postalCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1E+308", "-5", "\"1000\"", "99999999999999999999", "1.5", "null"})
    void numbersThatDoNotFitAreReadAsAbsent(String weight) {
        QuoteRequest r = read("{\"currency\": \"SEK\", \"order\": {\"total_amount\": " + weight + ", \"lines\": [{\"quantity\": "
                + weight + ", \"total_price_including_tax\": 100, \"attributes\": {\"weight\": " + weight + "}}]}}");
        assertNull(r.cart().totalWeightGrams());
        assertEquals(1, r.cart().lines().getFirst().quantity());
        assertEquals(100, r.cart().orderValue(), "the order value falls back to the sum of the lines");
    }

    @Test
    void nonShippableLinesCountForValueNotForWeight() {
        QuoteRequest r = read("""
                {"currency": "SEK", "order": {"lines": [
                  {"type": "physical", "quantity": 1, "total_price_including_tax": 1000, "attributes": {"weight": 500}},
                  {"type": "shipping_fee", "quantity": 1, "total_price_including_tax": 4900}]}}""");
        assertEquals(5900, r.cart().orderValue());
        assertEquals(500L, r.cart().totalWeightGrams());
    }

    @Test
    void theChosenAddOnsAreThoseMarkedSelected() {
        JsonNode body = JSON.valueToTree(Klarna.fixture("select-addons-data"));
        Choice choice = KlarnaRequests.choice(body);
        assertEquals("budbee-home", choice.optionId());
        assertEquals(List.of(new Choice.SelectedAddOn("entry-code", "DOOR_CODE", "4711B")), choice.addOns());
        Choice pinned = KlarnaRequests.choice(JSON.readTree("""
                {"selected_shipping_option": {"id": "budbee-home", "location": {"id": "L"},
                 "selected_addons": [{"type": "sms", "external_id": "NOTIFY_SMS"}]}}"""));
        assertEquals(new Choice("budbee-home", "L", null, List.of(new Choice.SelectedAddOn("sms", "NOTIFY_SMS", null))), pinned);
    }
}

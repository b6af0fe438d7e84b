package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.optionsRequest;
import static dev.leverans.support.Klarna.select;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.support.TestServer;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigVersionsHttpTest {
    private static final String KEY = "demo-merchant-api-key";
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static RequestSpecification merchant() {
        return given().header("X-Api-Key", KEY);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String activeYaml() {
        return merchant().get("/merchant/config").then().statusCode(200).header("X-Config-Version", notNullValue())
                .contentType(containsString("yaml")).extract().asString();
    }

    static int submit(String content, String comment) {
        return merchant().contentType("application/yaml").queryParam("comment", comment == null ? "" : comment).body(bytes(content))
                .post("/merchant/config/versions").then().statusCode(201).body("status", equalTo("draft"))
                .extract().path("number");
    }

    /** The (id, price) of every option offered for the standard test cart. */
    static List<String> offered(String token) {
        List<String> ids = as(token).body(optionsRequest("cfg-" + UUID.randomUUID())).post("/ksa/shipping_options")
                .then().statusCode(200).extract().path("shipping_options.id");
        List<Integer> prices = as(token).body(optionsRequest("cfg-" + UUID.randomUUID())).post("/ksa/shipping_options")
                .then().statusCode(200).extract().path("shipping_options.price");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) out.add(ids.get(i) + "=" + prices.get(i));
        return out;
    }

    static String cheaper(String yaml) {
        assertTrue(yaml.contains("SEK: 3900") && yaml.contains("amount: 4900"), "the seeded version has the demo prices");
        return yaml.replace("SEK: 3900", "SEK: 3700").replace("amount: 4900", "amount: 4700");
    }

    @Test
    void theFilesSeedVersionOneWhichIsServedAsYamlOrJson() {
        assertTrue(activeYaml().contains("postnord-service-point"));
        merchant().accept("application/json").get("/merchant/config").then().statusCode(200)
                .body("options.id", hasItem("postnord-service-point")).body("default_option.id", equalTo("standard-delivery"));
        merchant().get("/merchant/config/versions").then().statusCode(200)
                .body("versions", hasSize(1)).body("versions[0].number", equalTo(1)).body("versions[0].status", equalTo("active"))
                .body("versions[0].author", equalTo("config file")).body("activations[0].number", equalTo(1));
        merchant().get("/merchant/config/versions/1").then().statusCode(200).body("content", containsString("options"));
    }

    @Test
    void aVersionWithProblemsIsKeptAsADraftWithEveryProblemAndNeverActivates() {
        String token = token("demo", "demo-secret");
        List<String> before = offered(token);
        String broken = activeYaml().replace("- 98000..98999", "- 98000-98999").replace("id: posten-home", "id: budbee-home");
        var draft = merchant().contentType("application/yaml").body(bytes(broken)).post("/merchant/config/versions").then().statusCode(201)
                .body("problems", hasSize(2))
                .body("problems.path", hasItem("options[budbee-home].conditions.postal_codes.exclude[0]"))
                .body("problems.option_id", hasItem("budbee-home"))
                .body("problems.severity", hasItem("error"))
                .body("problems.line", hasItem(notNullValue())).extract();
        int number = draft.path("number");
        merchant().post("/merchant/config/versions/" + number + "/activate").then().statusCode(422)
                .body("failure_reason", containsString("cannot become active")).body("problems", hasSize(2));
        assertEquals(before, offered(token), "the last good version is still served");
        merchant().get("/merchant/config/versions/" + number).then().body("status", equalTo("draft"));
    }

    @Test
    void aWrongValueInsideAPriceFormIsReportedWhereItIsNotAtTheCurrency() {
        List<String> lines = activeYaml().lines().toList();
        int amountLine = 1 + lines.indexOf(lines.stream().filter(l -> l.endsWith(" amount: 5900")).findFirst().orElseThrow());
        String broken = activeYaml().replace(" amount: 5900", " amount: lots");
        merchant().contentType("application/yaml").body(bytes(broken)).post("/merchant/config/versions").then().statusCode(201)
                .body("problems", hasSize(1))
                .body("problems[0].path", equalTo("options[budbee-home].price.SEK.weight_tiers[0].amount"))
                .body("problems[0].line", equalTo(amountLine))
                .body("problems[0].message", equalTo("must be an integer, not a string"));
        String neither = activeYaml().replace("weight_tiers:", "tiers:");
        merchant().contentType("application/yaml").body(bytes(neither)).post("/merchant/config/versions").then().statusCode(201)
                .body("problems[0].path", equalTo("options[budbee-home].price.SEK"))
                .body("problems[0].message", containsString("{weight_tiers, free_from}"));
    }

    @Test
    void activatingServesTheNewVersionWithoutARestartAndRollbackServesTheOldOne() {
        String token = token("demo", "demo-secret");
        List<String> v1 = offered(token);
        int v2 = submit(cheaper(activeYaml()), "cheaper lockers and service points");
        assertEquals(v1, offered(token), "a draft changes nothing");
        merchant().post("/merchant/config/versions/" + v2 + "/activate").then().statusCode(200).body("status", equalTo("active"));
        List<String> after = offered(token);
        assertTrue(after.contains("instabox-locker=3700") && after.contains("postnord-service-point=4700"), after.toString());

        merchant().post("/merchant/config/versions/1/activate").then().statusCode(200);
        assertEquals(v1, offered(token), "rolled back");
        merchant().get("/merchant/config/versions").then()
                .body("versions.find { it.number == 1 }.status", equalTo("active"))
                .body("versions.find { it.number == " + v2 + " }.status", equalTo("archived"))
                .body("activations.number", equalTo(List.of(1, v2, 1)))
                .body("activations[0].previous", equalTo(v2))
                .body("activations[0].author", containsString("api key "));
    }

    @Test
    void aWarningIsReportedButDoesNotStopActivation() {
        String served = activeYaml().replace("tax_rates:\n  SE: 2500", "tax_rates:\n  DK: 2500\n  SE: 2500");
        int number = merchant().contentType("application/yaml").body(bytes(served)).post("/merchant/config/versions").then().statusCode(201)
                .body("problems.find { it.path == 'tax_rates.DK' }.severity", equalTo("warning"))
                .body("problems.find { it.path == 'tax_rates.DK' }.message", containsString("no option serves DK"))
                .extract().path("number");
        merchant().post("/merchant/config/versions/" + number + "/activate").then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void aDiffShowsTheChangedLinesBetweenTwoVersions() {
        int v2 = submit(cheaper(activeYaml()), null);
        String diff = merchant().get("/merchant/config/versions/" + v2 + "/diff").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertTrue(diff.startsWith("--- version 1\n+++ version " + v2 + "\n@@ "), diff);
        assertTrue(diff.lines().anyMatch(l -> l.startsWith("-") && l.contains("SEK: 3900")), diff);
        assertTrue(diff.lines().anyMatch(l -> l.startsWith("+") && l.contains("SEK: 3700")), diff);
        assertEquals(4, diff.lines().filter(l -> (l.startsWith("-") || l.startsWith("+")) && !l.startsWith("---") && !l.startsWith("+++")).count(),
                "two lines changed: " + diff);
        merchant().get("/merchant/config/versions/1/diff?against=" + v2).then().statusCode(200).body(containsString("+++ version 1"));
        merchant().get("/merchant/config/versions/1/diff?against=1").then().statusCode(200).body(equalTo(""));
        merchant().get("/merchant/config/versions/1/diff?against=x").then().statusCode(400).body("failure_reason", containsString("against"));
    }

    @Test
    void theDatabaseIsTheTruthAfterARestart() {
        int v2 = submit(cheaper(activeYaml()), null);
        merchant().post("/merchant/config/versions/" + v2 + "/activate").then().statusCode(200);
        Path data = server.dataDir;
        server.close();
        server = new TestServer(Map.of(), data);
        assertTrue(offered(token("demo", "demo-secret")).contains("instabox-locker=3700"), "the activated version survives a restart");
        merchant().get("/merchant/config").then().header("X-Config-Version", equalTo(Integer.toString(v2)));
    }

    @Test
    void aReservationRecordsTheVersionItWasPricedWith() {
        String token = token("demo", "demo-secret");
        String before = as(token).body(select(optionsRequest("v-" + UUID.randomUUID()), Map.of("id", "instabox-locker")))
                .post("/ksa/shipment").then().statusCode(201).extract().path("shipment_id");
        int v2 = submit(cheaper(activeYaml()), null);
        merchant().post("/merchant/config/versions/" + v2 + "/activate").then().statusCode(200);
        String after = as(token).body(select(optionsRequest("v-" + UUID.randomUUID()), Map.of("id", "instabox-locker")))
                .post("/ksa/shipment").then().statusCode(201).extract().path("shipment_id");
        merchant().get("/merchant/shipments/" + before).then().body("config_version", equalTo(1)).body("price", equalTo(3900));
        merchant().get("/merchant/shipments/" + after).then().body("config_version", equalTo(v2)).body("price", equalTo(3700));
    }

    @Test
    void everyAnswerDuringAnActivationIsEntirelyTheOldOrTheNewVersion() throws Exception {
        String token = token("demo", "demo-secret");
        List<String> v1 = offered(token);
        int v2 = submit(cheaper(activeYaml()), null);
        Set<List<String>> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    try {
                        List<String> ids = as(token).body(optionsRequest("load-" + UUID.randomUUID())).post("/ksa/shipping_options")
                                .then().statusCode(200).extract().path("shipping_options.collect { it.id + '=' + it.price }");
                        seen.add(ids);
                    } catch (Throwable t) {
                        synchronized (failures) { failures.add(t); }
                        return;
                    }
                }
            }));
        }
        Thread.sleep(300);
        merchant().post("/merchant/config/versions/" + v2 + "/activate").then().statusCode(200);
        Thread.sleep(300);
        merchant().post("/merchant/config/versions/1/activate").then().statusCode(200);
        Thread.sleep(300);
        running.set(false);
        for (Thread t : clients) t.join();
        assertEquals(List.of(), failures);
        List<String> v2Answer = v1.stream().map(o -> o.replace("instabox-locker=3900", "instabox-locker=3700")
                .replace("postnord-service-point=4900", "postnord-service-point=4700")).toList();
        assertEquals(Set.of(v1, v2Answer), seen, "only whole versions were answered");
    }

    @Test
    void theApiIsTheMerchantsOwnAndRefusesWhatItCannotRead() {
        given().get("/merchant/config").then().statusCode(401);
        given().header("X-Api-Key", "outlet-merchant-api-key").get("/merchant/config/versions").then().statusCode(200)
                .body("versions.author", hasItem("config file"));
        int v2 = submit(cheaper(activeYaml()), null);
        given().header("X-Api-Key", "outlet-merchant-api-key").post("/merchant/config/versions/" + v2 + "/activate").then()
                .statusCode(404);
        merchant().post("/merchant/config/versions/999/activate").then().statusCode(404);
        merchant().get("/merchant/config/versions/abc").then().statusCode(404);
        merchant().contentType("application/yaml").body(new byte[] {(byte) 0xC3, (byte) 0x28}).post("/merchant/config/versions")
                .then().statusCode(400).body("failure_reason", containsString("UTF-8"));
        merchant().contentType("application/yaml").body(bytes("")).post("/merchant/config/versions").then().statusCode(400);
        merchant().contentType("application/yaml").body(bytes(activeYaml().replace("SEK: 3900", "SEK: 1E+308")))
                .post("/merchant/config/versions").then().statusCode(201)
                .body("problems[0].path", equalTo("options[instabox-locker].price.SEK"))
                .body("problems[0].message", containsString("out of range"));
        merchant().contentType("application/yaml").body(bytes("options: [")).post("/merchant/config/versions").then().statusCode(201)
                .body("problems[0].message", containsString("line"));
    }

    @Test
    void testCartsGuardActivationUntilTheirChangesAreAccepted() {
        merchant().contentType("application/json").body(Map.of("request", optionsRequest("cart-stockholm"), "at", "2026-12-02T10:00:00Z"))
                .put("/merchant/config/test-carts/stockholm-1kg").then().statusCode(201)
                .body("expected.options.find { it.id == 'instabox-locker' }.price", equalTo(3900))
                .body("expected.preselected", equalTo("postnord-service-point")).body("passed", equalTo(true));
        merchant().get("/merchant/config/test-carts").then().statusCode(200).body("test_carts[0].name", equalTo("stockholm-1kg"))
                .body("test_carts[0].passed", equalTo(true));

        var submitted = merchant().contentType("application/yaml").body(bytes(cheaper(activeYaml()))).post("/merchant/config/versions")
                .then().statusCode(201).body("test_carts[0].passed", equalTo(false))
                .body("test_carts[0].differences", hasItem("instabox-locker: price 3900 -> 3700"))
                .body("test_carts[0].differences", hasItem("postnord-service-point: price 4900 -> 4700")).extract();
        int v2 = submitted.path("number");
        merchant().get("/merchant/config/versions/" + v2 + "/test-carts").then().statusCode(200).body("test_carts[0].passed", equalTo(false));

        merchant().post("/merchant/config/versions/" + v2 + "/activate").then().statusCode(409)
                .body("failure_reason", containsString("accept_changes")).body("test_carts[0].differences", hasSize(2));
        merchant().get("/merchant/config").then().header("X-Config-Version", equalTo("1"));
        merchant().contentType("application/json").body("{\"accept\": 1}").post("/merchant/config/versions/" + v2 + "/activate")
                .then().statusCode(400);

        merchant().contentType("application/json").body(Map.of("accept_changes", true)).post("/merchant/config/versions/" + v2 + "/activate")
                .then().statusCode(200).body("status", equalTo("active"));
        merchant().get("/merchant/config/test-carts").then().body("test_carts[0].passed", equalTo(true))
                .body("test_carts[0].expected.options.find { it.id == 'instabox-locker' }.price", equalTo(3700));

        merchant().put("/merchant/config/test-carts/" + "bad name").then().statusCode(400);
        merchant().contentType("application/json").body(Map.of("request", optionsRequest("cart-far"), "at", "-999999999-01-01T00:00:00Z"))
                .put("/merchant/config/test-carts/far").then().statusCode(400).body("failure_reason", containsString("at: must be between"));
        merchant().delete("/merchant/config/test-carts/stockholm-1kg").then().statusCode(204);
        merchant().delete("/merchant/config/test-carts/stockholm-1kg").then().statusCode(404);
    }
}

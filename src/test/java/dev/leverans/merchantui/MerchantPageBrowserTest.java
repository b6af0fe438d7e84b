package dev.leverans.merchantui;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.selectRequest;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.leverans.support.TestServer;
import dev.leverans.support.browser.BrowserTest;
import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The merchant's workflow on the page in Chromium, each test on a fresh server: sign in, an error
 * marked on its line and fixed, the preview's trace, a test cart that guards activation, a rollback.
 */
@BrowserTest
class MerchantPageBrowserTest {
    private TestServer server;
    private MerchantUi ui;
    /** The line of budbee-home's first weight tier, {@code amount: 5900}, in the active version. */
    private int budbeeTierLine;

    @BeforeEach
    void open(WebDriver driver, TestInfo test) {
        server = new TestServer();
        budbeeTierLine = lineOf(activeYaml(), "id: budbee-home", " amount: 5900");
        ui = new MerchantUi(driver, RestAssured.port, getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void stop() { server.close(); }

    @Test
    void aKeyThatIsNotAcceptedKeepsTheMerchantOut() {
        assertThat(ui.signIn("not-a-key"), equalTo("error"));
        assertThat(ui.text("sign-in-error"), equalTo("That API key was not accepted."));
        assertFalse(ui.find("app").isDisplayed());
    }

    /** Sign in, keep a test cart, edit, see the error on its line, fix, preview, run the carts, activate, roll back. */
    @Test
    void theMerchantsWorkflowFromAnEditToARollback() {
        assertThat(ui.signIn("demo-merchant-api-key"), equalTo("done"));
        assertThat(ui.text("editing"), equalTo("version 1 (active)"));
        assertThat(ui.text("active-version"), equalTo("active: version 1"));
        ui.screenshot("1-signed-in");

        ui.show("preview");
        ui.fill("test-cart-name", "stockholm-1kg");
        assertThat(ui.click("preview", "save-test-cart"), equalTo("done"));
        assertThat(ui.text("preview-status"), allOf(startsWith("Saved test cart stockholm-1kg: expects "), containsString("budbee-home 59.00")));

        ui.show("editor");
        ui.goToLine(budbeeTierLine);
        ui.replaceLastWordOnLine("lots");
        assertThat(ui.currentLine().strip(), equalTo("amount: lots"));
        assertThat(ui.text("editing"), equalTo("version 1 (active) (edited)"));
        ui.fill("comment", "try a word for a price");
        assertThat(ui.click("editor", "submit"), equalTo("done"));
        assertThat(ui.text("editor-status"), startsWith("Saved draft version 2: 1 error"));
        List<WebElement> problems = ui.all("#problems li.error");
        assertThat(problems, hasSize(1));
        assertThat(problems.getFirst().getDomAttribute("data-line"), equalTo(String.valueOf(budbeeTierLine)));
        assertThat(problems.getFirst().getText(), containsString("weight_tiers[0].amount"));
        WebElement marked = ui.all("#editor .cm-lintRange-error").getFirst();
        assertThat(marked.findElement(By.xpath("ancestor::div[contains(@class,'cm-line')]")).getText(), endsWith(" amount: lots"));
        assertThat(ui.all("#editor .cm-lint-marker-error"), hasSize(1));
        assertFalse(ui.find("activate-draft").isEnabled());
        ui.screenshot("2-error-marked");

        problems.getFirst().click();
        assertThat(ui.currentLine().strip(), equalTo("amount: lots"));
        ui.replaceLastWordOnLine("6500");
        ui.fill("comment", "home delivery <b>costs</b> more");
        assertThat(ui.click("editor", "submit"), equalTo("done"));
        assertThat(ui.text("editor-status"), startsWith("Saved draft version 3: 0 errors, "));
        assertThat(ui.all("#editor .cm-lintRange-error"), empty());
        assertThat(ui.text("activation"), allOf(containsString("✗ stockholm-1kg"), containsString("budbee-home: price 5900 -> 6500")));
        assertThat(ui.click("editor", "diff"), equalTo("done"));
        assertThat(texts(ui.all("#diff-output span.del")), contains(matchesPattern("- +amount: 5900")));
        assertThat(texts(ui.all("#diff-output span.add")), contains(matchesPattern("\\+ +amount: 6500")));
        ui.screenshot("3-fixed-and-diffed");

        ui.show("preview");
        ui.choose("pv-version", "version 3");
        assertThat(ui.click("preview", "run-preview"), equalTo("done"));
        assertThat(ui.text("preview-status"), startsWith("Version 3 at "));
        assertThat(optionPrice("budbee-home"), equalTo("65.00"));
        assertThat(trace("budbee-home").findElement(By.className("price")).getText(), containsString("6500"));
        ui.screenshot("4-preview-of-the-draft");

        ui.show("carts");
        assertThat(cartRow().getDomAttribute("class"), equalTo("pass"));
        ui.choose("carts-version", "version 3");
        assertThat(ui.click("carts", "run-carts"), equalTo("done"));
        assertThat(cartRow().getDomAttribute("class"), equalTo("fail"));
        assertThat(cartRow().getText(), containsString("budbee-home: price 5900 -> 6500"));
        ui.screenshot("5-test-cart-changed");

        ui.show("editor");
        assertThat(ui.click("editor", "activate-draft"), equalTo("done"));
        assertThat(ui.text("activation-result"), equalTo("Version 3 changes the answer to a test cart:"));
        assertThat(ui.text("active-version"), equalTo("active: version 1"));
        ui.screenshot("6-activation-asks");
        assertThat(ui.act("editor-view", () -> ui.find("accept-changes").click()), equalTo("done"));
        assertThat(ui.text("activation-result"), equalTo("Version 3 is active. 1 test cart expectation(s) updated."));
        assertThat(ui.text("active-version"), equalTo("active: version 3"));
        assertThat(ui.text("editing"), equalTo("version 3 (active)"));
        ui.screenshot("7-activated");

        ui.show("history");
        assertThat(versionStatus(3), equalTo("active"));
        assertThat(versionStatus(2), equalTo("draft"));
        WebElement comment = ui.all("#versions tr[data-version='3'] td").get(3);
        assertThat("merchant text is text, never markup", comment.getText(), equalTo("home delivery <b>costs</b> more"));
        assertThat(comment.findElements(By.tagName("b")), empty());
        assertThat(ui.all("#versions tr[data-version='2'] button[data-action='activate']"), empty());
        WebElement rollBack = ui.all("#versions tr[data-version='1'] button").stream()
                .filter(b -> b.getText().equals("Roll back to version 1")).findFirst().orElseThrow();
        assertThat(ui.act("history-view", rollBack::click), equalTo("done"));
        assertThat(ui.all("#accept-changes"), hasSize(1));
        assertThat(ui.act("history-view", () -> ui.find("accept-changes").click()), equalTo("done"));
        assertThat(versionStatus(1), equalTo("active"));
        assertThat(versionStatus(3), equalTo("archived"));
        assertThat(texts(ui.all("#activations li")), hasItem(containsString("version 1 activated by")));
        ui.screenshot("8-rolled-back");

        ui.show("preview");
        ui.choose("pv-version", "active version");
        ui.click("preview", "run-preview");
        assertThat(optionPrice("budbee-home"), equalTo("59.00"));
    }

    @Test
    void thePreviewShowsWhatKlarnaGetsAndWhyEachOptionIsOrIsNotOffered() {
        ui.signIn("demo-merchant-api-key");
        ui.show("preview");
        assertThat(ui.click("preview", "run-preview"), equalTo("done"));
        assertThat(ui.text("preview-status"), startsWith("Version 1 at 2026-11-18T09:00:00Z"));
        assertThat(optionPrice("budbee-home"), equalTo("59.00"));
        assertThat(trace("budbee-home").getDomAttribute("class"), equalTo("trace-option offered"));
        assertThat(trace("instabox-locker").getDomAttribute("class"), equalTo("trace-option offered"));
        assertThat(texts(trace("instabox-locker").findElements(By.cssSelector("li.pass"))),
                hasItem("✓ max_item_dimensions_mm: every item fits 600x400x300 mm"));

        ui.fill("pv-postal", "981 38");
        ui.fill("pv-city", "Kiruna");
        assertThat(ui.click("preview", "run-preview"), equalTo("done"));
        assertThat(ui.all("#preview-options tr[data-option='budbee-home']"), empty());
        WebElement budbee = trace("budbee-home");
        assertThat(budbee.getDomAttribute("class"), equalTo("trace-option not-offered"));
        assertThat(texts(budbee.findElements(By.cssSelector("li.fail"))), contains("✗ postal_codes: postal code 98138 is excluded by 98000..98999"));
        ui.screenshot("trace");
    }

    @Test
    void shipmentsShowTheVersionTheyWerePricedWith() {
        String demo = token("demo", "demo-secret");
        String id = as(demo).body(selectRequest("ui-1", "budbee-home")).post("/ksa/shipment").then().statusCode(201)
                .extract().path("shipment_id");
        ui.signIn("demo-merchant-api-key");
        ui.show("shipments");
        WebElement row = ui.all("#shipments tr[data-shipment='" + id + "']").getFirst();
        assertThat(texts(row.findElements(By.tagName("td"))).subList(0, 4), contains(id, "reserved", "budbee-home", "budbee"));
        assertThat(ui.act("shipments-view", () -> row.findElement(By.tagName("button")).click()), equalTo("done"));
        assertThat(ui.text("shipment-detail"), allOf(containsString("\"config_version\": 1"), containsString("\"shipment_id\": \"" + id + "\"")));
    }

    private static List<String> activeYaml() {
        return given().header("X-Api-Key", "demo-merchant-api-key").accept("application/yaml")
                .get("/merchant/config").then().statusCode(200).extract().asString().lines().toList();
    }

    /** The 1-based number of the first line ending with {@code target} after the line ending with {@code after}. */
    private static int lineOf(List<String> lines, String after, String target) {
        boolean seen = false;
        for (int i = 0; i < lines.size(); i++) {
            if (seen && lines.get(i).endsWith(target)) return i + 1;
            seen |= lines.get(i).endsWith(after);
        }
        throw new AssertionError("no '" + target + "' after '" + after + "'");
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    private String optionPrice(String optionId) {
        return ui.all("#preview-options tr[data-option='" + optionId + "'] td").get(2).getText();
    }

    private WebElement trace(String optionId) {
        return ui.all("#trace article[data-option='" + optionId + "']").getFirst();
    }

    private WebElement cartRow() {
        return ui.all("#carts tr[data-cart='stockholm-1kg']").getFirst();
    }

    private String versionStatus(int number) {
        return ui.all("#versions tr[data-version='" + number + "'] td.status").getFirst().getText();
    }
}

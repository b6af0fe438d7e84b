package dev.leverans.merchantui;

import dev.leverans.support.browser.BrowserExtension;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The merchant page as a merchant uses it: what they click and type, and what they then see. */
final class MerchantUi {
    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String testName;

    MerchantUi(WebDriver driver, int port, String testName) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        this.testName = testName;
        driver.get("http://127.0.0.1:" + port + "/merchant/ui/");
        wait.until(d -> d.findElement(By.id("api-key")).isDisplayed());
    }

    /** Signs in and waits for the active version to be in the editor; returns the sign-in view's final state. */
    String signIn(String apiKey) {
        find("api-key").sendKeys(apiKey);
        return act("sign-in-view", () -> find("sign-in").click())
                .equals("done") ? awaitState("editor-view") : "error";
    }

    WebElement find(String id) { return driver.findElement(By.id(id)); }

    List<WebElement> all(String css) { return driver.findElements(By.cssSelector(css)); }

    String text(String id) { return find(id).getText(); }

    /** Switches to a view by its navigation button and waits until it has rendered. */
    void show(String view) {
        act(view + "-view", () -> driver.findElement(By.cssSelector("nav button[data-view='" + view + "']")).click());
    }

    /** Clicks a button of a view and waits for the view to settle; returns {@code done} or {@code error}. */
    String click(String view, String buttonId) {
        return act(view + "-view", () -> find(buttonId).click());
    }

    String act(String viewId, Runnable action) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).dataset.state = 'idle'", viewId);
        action.run();
        return awaitState(viewId);
    }

    private String awaitState(String viewId) {
        return wait.until(d -> {
            String state = d.findElement(By.id(viewId)).getDomAttribute("data-state");
            return "done".equals(state) || "error".equals(state) ? state : null;
        });
    }

    void fill(String id, String value) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(value);
    }

    void choose(String selectId, String visibleTextStart) {
        Select select = new Select(find(selectId));
        select.getOptions().stream().filter(o -> o.getText().startsWith(visibleTextStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no choice '" + visibleTextStart + "' in #" + selectId)).click();
    }

    /** Moves the editor's cursor to a line with CodeMirror's go-to-line (Ctrl+Alt+G), as a merchant would. */
    void goToLine(int line) {
        driver.findElement(By.cssSelector("#editor .cm-content")).click();
        new Actions(driver).keyDown(Keys.CONTROL).keyDown(Keys.ALT).sendKeys("g").keyUp(Keys.ALT).keyUp(Keys.CONTROL).perform();
        WebElement input = wait.until(d -> d.findElement(By.cssSelector("#editor .cm-panel input[name=line], #editor input[name=line]")));
        input.sendKeys(String.valueOf(line), Keys.ENTER);
    }

    /** Replaces the last word of the cursor's line, e.g. the amount in {@code amount: 5900}, with the keyboard. */
    void replaceLastWordOnLine(String replacement) {
        new Actions(driver).sendKeys(Keys.END)
                .keyDown(Keys.CONTROL).keyDown(Keys.SHIFT).sendKeys(Keys.LEFT).keyUp(Keys.SHIFT).keyUp(Keys.CONTROL)
                .sendKeys(replacement).perform();
    }

    /** The text of the editor line the cursor is on. */
    String currentLine() {
        return driver.findElement(By.cssSelector("#editor .cm-activeLine")).getText();
    }

    void screenshot(String state) {
        BrowserExtension.screenshot(driver, testName + "-" + state);
    }
}

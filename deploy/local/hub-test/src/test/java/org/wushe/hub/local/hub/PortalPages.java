package org.wushe.hub.local.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.wushe.hub.testing.Browser;

/**
 * A person at the portal in real Chromium: signs in on the issuer's own page (typing the username and password),
 * finds the workspace's elements by their {@code data-test} names, fills native and Element Plus inputs as a
 * person does, checks the page with axe-core and that no script-reachable place holds a token, and takes the
 * screenshots the README shows.
 */
final class PortalPages implements AutoCloseable {

    /** A phone (iPhone 12–15 class) and a desk screen, as the portal issue asks. */
    static final Dimension PHONE = new Dimension(390, 844);

    static final Dimension DESK = new Dimension(1280, 800);
    static final Duration WAIT = Duration.ofSeconds(30);

    final Browser browser;
    private final String portal;
    private final String issuer;
    /** Every axe run: page, size, violations by impact. */
    static final List<String> AXE = new ArrayList<>();

    static final List<Path> SHOTS = new ArrayList<>();

    PortalPages(String portal, String issuer, Dimension size) {
        this.browser = Browser.start("the portal's browser test");
        this.portal = portal;
        this.issuer = issuer;
        browser.size(size);
    }

    /** Opens the portal, is sent to the issuer's page, types the account's name and password, and lands on {@code workspace}. */
    void signIn(String username, String password, String workspace) {
        browser.driver().get(portal + "/");
        browser.waiting(WAIT).until(d -> d.getCurrentUrl().startsWith(issuer + "/login"));
        signInHere(username, password);
        browser.waiting(WAIT).until(d -> d.getCurrentUrl().startsWith(portal + workspace));
        el(workspace.substring(1));
    }

    /**
     * On the issuer's sign-in page: types the username (unless the page has filled it in, as after signing up) and the
     * password, and sends the form.
     */
    void signInHere(String username, String password) {
        WebElement name = browser.driver().findElement(By.id("username"));
        if (!username.equals(name.getDomProperty("value"))) {
            name.clear();
            name.sendKeys(username);
        }
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
    }

    /**
     * A new person: opens the portal signed out, is sent to the issuer's sign-in page, and follows its link to the
     * volunteers' sign-up page (志愿者注册).
     */
    void openSignUp() {
        browser.driver().get(portal + "/");
        browser.waiting(WAIT).until(d -> d.getCurrentUrl().startsWith(issuer + "/login"));
        click(browser.driver().findElement(By.id("sign-up-link")));
        browser.waiting(WAIT).until(d -> d.getCurrentUrl().startsWith(issuer + "/volunteer-sign-up"));
    }

    /**
     * On the issuer's sign-up page: types the username, display name and the password twice, sends the form, and is
     * back on the sign-in page, which says the account is made ({@code ?registered}).
     */
    void signUpHere(String username, String displayName, String password) {
        for (String[] field : new String[][] {
            {"username", username}, {"displayName", displayName}, {"password", password}, {"passwordAgain", password}
        }) {
            WebElement input = browser.driver().findElement(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        browser.waiting(WAIT).until(d -> d.getCurrentUrl().equals(issuer + "/login?registered"));
    }

    /**
     * Opens {@code path} while signed out, is sent to the issuer's page, signs in, and lands on that same page again (not
     * on the workspace): a venue's QR code scanned before signing in.
     */
    void signInFrom(String path, String username, String password) {
        browser.driver().get(portal + path);
        browser.waiting(WAIT).until(d -> d.getCurrentUrl().startsWith(issuer + "/login"));
        signInHere(username, password);
        browser.waiting(WAIT).until(d -> d.getCurrentUrl().equals(portal + path));
    }

    void go(String path) {
        browser.driver().get(portal + path);
    }

    /** The element with {@code data-test="name"}, waited for until it is shown. */
    WebElement el(String name) {
        return browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(test(name)));
    }

    /** The element {@code name} inside the element {@code scope} (a workspace reuses a component: its names repeat). */
    WebElement el(String scope, String name) {
        return browser.waiting(WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("[data-test=\"" + scope + "\"] [data-test=\"" + name + "\"]")));
    }

    /** Clicks the {@code index}th tab (role=tab, Element Plus and Vant alike) of the page. */
    void tab(int index) {
        List<WebElement> tabs = browser.waiting(WAIT).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[role=tab]"));
            return found.size() > index ? found : null;
        });
        WebElement t = tabs.get(index);
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", t);
    }

    List<WebElement> all(String name) {
        return browser.driver().findElements(test(name));
    }

    static By test(String name) {
        return By.cssSelector("[data-test=\"" + name + "\"]");
    }

    /** Types into an input, or the input inside a component (Element Plus puts attributes on its wrapper or its input). */
    void type(String name, String text) {
        type(el(name), text);
    }

    void type(WebElement element, String text) {
        WebElement e = input(element);
        e.clear();
        e.sendKeys(text);
    }

    /** Sets an input's value as the browser's own picker would (date-time fields), with the events Vue listens to. */
    void set(String name, String value) {
        set(el(name), value);
    }

    void set(WebElement element, String value) {
        WebElement e = input(element);
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "const e = arguments[0]; const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(e), 'value').set;"
                                + "setter.call(e, arguments[1]); e.dispatchEvent(new Event('input', {bubbles: true}));"
                                + "e.dispatchEvent(new Event('change', {bubbles: true}));",
                        e,
                        value);
    }

    void choose(String name, String value) {
        choose(el(name), value);
    }

    void choose(WebElement element, String value) {
        new Select(input(element)).selectByValue(value);
    }

    void click(String name) {
        click(el(name));
    }

    void click(WebElement e) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        browser.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(e)).click();
    }

    private static WebElement input(WebElement e) {
        String tag = e.getTagName().toLowerCase();
        if (tag.equals("input") || tag.equals("select") || tag.equals("textarea")) {
            return e;
        }
        List<WebElement> inner = e.findElements(By.cssSelector("input, select, textarea"));
        assertThat(inner).as("an input in " + e.getAttribute("data-test")).isNotEmpty();
        return inner.get(0);
    }

    /**
     * No token where a page's script can reach it: not in local or session storage, not in a script-readable
     * cookie (the session cookie is HttpOnly: scripts do not see it), not in the address.
     */
    void assertNoTokenInPage() {
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>)
                ((JavascriptExecutor) browser.driver())
                        .executeScript(
                                "const all = (s) => Object.keys(s).map(k => k + '=' + s.getItem(k)).join(';');"
                                        + "return {local: all(localStorage), session: all(sessionStorage), cookie: document.cookie, url: location.href};");
        for (Map.Entry<String, Object> e : seen.entrySet()) {
            assertThat(String.valueOf(e.getValue()))
                    .as("what a page script sees in " + e.getKey())
                    .doesNotContainPattern("eyJ[\\w-]{10,}\\.eyJ")
                    .doesNotContain("access_token", "id_token", "refresh_token");
        }
        assertThat(String.valueOf(seen.get("cookie")))
                .as("the session cookie is HttpOnly")
                .doesNotContain("WUSHE_SESSION");
    }

    /** axe-core on the page as it is now: no serious or critical violation. Records the counts for the closing note. */
    void assertAccessible(String page) {
        String axe;
        try {
            axe = Files.readString(Path.of(System.getProperty("wushe.test.axe")));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "axe-core is installed by the portal's npm ci (services/portal/frontend/node_modules)", e);
        }
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript(axe);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>)
                js.executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                                + " help: v.help, nodes: v.nodes.length, target: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}))))"
                                + ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: 0, target: ''}]));");
        long serious = violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .count();
        Dimension size = browser.driver().manage().window().getSize();
        AXE.add(String.format(
                "%-28s %4dx%-4d %d violations (%d serious or critical)%s",
                page,
                size.getWidth(),
                size.getHeight(),
                violations.size(),
                serious,
                violations.isEmpty()
                        ? ""
                        : ": "
                                + violations.stream()
                                        .map(v -> v.get("id") + "/" + v.get("impact"))
                                        .toList()));
        assertThat(violations.stream()
                        .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                        .toList())
                .as("axe-core's serious and critical violations on " + page)
                .isEmpty();
    }

    /**
     * A screenshot into {@code target/portal-screenshots/}; with {@code -Dwushe.screenshots.update=true} also into the
     * README's {@code docs/portal/}.
     */
    Path screenshot(String name) {
        Path file = browser.screenshot(Path.of("target", "portal-screenshots", name + ".png"));
        SHOTS.add(file.toAbsolutePath());
        if (Boolean.getBoolean("wushe.screenshots.update")) {
            try {
                Path docs = Path.of(System.getProperty("wushe.test.screenshots"));
                Files.createDirectories(docs);
                Files.copy(file, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    @Override
    public void close() {
        browser.saveConsoleLog(Path.of("target", "portal-browser-console.log"));
        browser.close();
    }
}

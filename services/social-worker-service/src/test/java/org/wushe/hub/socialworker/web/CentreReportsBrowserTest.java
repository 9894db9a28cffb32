package org.wushe.hub.socialworker.web;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.Browser;
import org.wushe.hub.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The centre reports page (中心报表) in a real headless Chromium against this service on the real embedded
 * stack, modelled on matching-service's {@code StationConsoleBrowserTest}.
 *
 * <p>Signing in: the page signs in with the hub's shared script ({@code /wushe/signin.js}, from the platform
 * jar): authorization code with PKCE against the issuer named by {@code /reports/auth.json}. No issuer runs
 * here (none is configured, which the page says), so a test puts a test-signed token ({@link TestTokens},
 * verified by the service like the issuer's) into the tab's sessionStorage under {@value #TOKEN_KEY}, where
 * a finished sign-in leaves it, on a page of the service's origin, then loads the page.
 */
class CentreReportsBrowserTest extends ServiceScenario {

    /** Where the reports page keeps its access token (documented in reports.js and signin.js). */
    static final String TOKEN_KEY = "wushe.reports.token";
    static final Duration SHOWN = Duration.ofSeconds(30);

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start("The reports page's browser test");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void keepWhatTheBrowserShowed(TestInfo test) {
        String name = test.getTestMethod().map(m -> m.getName()).orElse("test");
        browser.screenshot(Path.of("target", "reports-" + name + "-last.png"));
        browser.saveConsoleLog(Path.of("target", "reports-browser.log"));
    }

    @Test
    void withoutATokenThePageAsksToSignInAndShowsNoReport() {
        KnownStation centre = streetCentre();
        communityStation(centre.id());

        openSignedOut("/reports/?centre=" + centre.id() + "&period=THIS_MONTH");
        // No issuer is configured here: the page says it cannot sign in by itself, and names the setting.
        assertThat(browser.testId("signin-message").getText()).contains("未配置登录服务").contains("No sign-in service is configured")
                .contains("wushe.reports.issuer");
        assertThat(browser.testId("sign-in").isDisplayed()).isTrue();
        assertThat(browser.testId("account").isDisplayed()).isFalse();
        assertThat(browser.testId("ask").isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(By.id("report")).isDisplayed()).isFalse();
        assertThat(browser.testId("table").findElements(By.cssSelector("tbody tr"))).isEmpty();
        assertThat(browser.testId("totals").findElements(By.cssSelector(".card"))).isEmpty();
        assertThat(browser.script("return sessionStorage.getItem(arguments[0])", TOKEN_KEY)).isNull();
        browser.screenshot(Path.of("target", "reports-signed-out.png"));
    }

    @Test
    void aCentreManagerSeesTheirCentresReportPreselectedFromTheTokenAndSignsOut() {
        KnownStation centre = streetCentre();
        KnownStation station = communityStation(centre.id());
        UUID worker = workerAt(station);
        visit(worker, station, "PHONE", "WELL", Instant.now().minus(1, ChronoUnit.HOURS), null);
        String centreName = http().get("/stations/" + centre.id()).json().get("name").asText();
        String stationName = http().get("/stations/" + station.id()).json().get("name").asText();

        // No centre in the address: the centre comes from the token's centre_id.
        openSignedIn("/reports/?from=" + today().minusDays(7) + "&to=" + today(), managerOf(centre.id()));
        browser.waiting(SHOWN).until(d -> browser.driver().findElement(By.id("report")).isDisplayed());

        assertThat(new Select(browser.testId("centre-select")).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo(centre.id().toString());
        assertThat(browser.driver().findElement(By.id("title")).getText()).isEqualTo(centreName);
        assertThat(browser.testId("signed-in-subject").getText()).isEqualTo("cm-" + centre.id());
        assertThat(browser.testId("account").getText()).contains("中心负责人 centre manager").contains("退出").contains("Sign out");
        assertThat(browser.testId("signin").isDisplayed()).isFalse();
        assertThat(browser.testId("banner").isDisplayed()).isFalse();
        List<String> rows = browser.testId("table").findElements(By.cssSelector("tbody tr th")).stream().map(WebElement::getText).toList();
        assertThat(rows).contains(stationName);
        // The phone visit of the station's worker is in the report's totals.
        WebElement visits = browser.testId("totals").findElements(By.cssSelector(".card")).stream()
                .filter(c -> c.getText().contains("探访")).findFirst().orElseThrow();
        assertThat(visits.findElement(By.cssSelector(".value")).getText()).isEqualTo("1");
        assertThat(browser.testId("download-csv").getDomAttribute("aria-disabled")).isEqualTo("false");
        assertThat(browser.driver().getCurrentUrl()).contains("centre=" + centre.id());
        browser.screenshot(Path.of("target", "reports.png"));

        // 退出 Sign out: the token is gone from the tab, nothing of the centre stays on the page.
        browser.testId("sign-out").click();
        browser.waiting(SHOWN).until(d -> browser.testId("signin").isDisplayed());
        assertThat(browser.testId("signin-message").getText()).contains("您已退出").contains("You have signed out");
        assertThat(browser.script("return sessionStorage.getItem(arguments[0])", TOKEN_KEY)).isNull();
        assertThat(browser.testId("account").isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(By.id("report")).isDisplayed()).isFalse();
        assertThat(browser.testId("centre-select").findElements(By.cssSelector("option[value=\"" + centre.id() + "\"]"))).isEmpty();
    }

    @Test
    void aManagerOfAnotherCentreIsShownTheRefusalAndNoReport() {
        KnownStation centre = streetCentre();
        communityStation(centre.id());
        KnownStation other = streetCentre();

        openSignedIn("/reports/?centre=" + centre.id() + "&period=THIS_MONTH", managerOf(other.id()));
        browser.waiting(SHOWN).until(d -> browser.testId("banner").isDisplayed());

        // The service's refusal, as it gave it: who is asking, for which centre.
        String banner = browser.testId("banner").getText();
        assertThat(banner).contains("无权查看").contains("Not allowed").contains("cm-" + other.id()).contains(centre.id().toString());
        assertThat(browser.driver().findElement(By.id("report")).isDisplayed()).isFalse();
        assertThat(browser.testId("table").findElements(By.cssSelector("tbody tr"))).isEmpty();
        // Still signed in (a 403 is not a sign-in problem): their own centre is the one in the picker.
        assertThat(browser.testId("signin").isDisplayed()).isFalse();
        assertThat(browser.testId("signed-in-subject").getText()).isEqualTo("cm-" + other.id());
        assertThat(browser.script("return sessionStorage.getItem(arguments[0])", TOKEN_KEY)).isNotNull();
        assertThat(browser.testId("centre-select").findElements(By.cssSelector("option[value=\"" + other.id() + "\"]"))).hasSize(1);
        browser.screenshot(Path.of("target", "reports-forbidden.png"));
    }

    @Test
    void aTokenTheServiceRefusesIsForgottenAndThePageSignsInAgainButNotRoundAndRound() {
        KnownStation centre = streetCentre();

        // Signed by a key the service does not trust: the first call is a 401, the page forgets the token and goes to sign in.
        openSignedIn("/reports/?centre=" + centre.id(), TestTokens.foreign("cm-elsewhere"));
        browser.waiting(SHOWN).until(d -> browser.testId("signin").isDisplayed()
                && browser.testId("signin-message").getText().contains("未配置登录服务"));
        assertThat(browser.script("return sessionStorage.getItem(arguments[0])", TOKEN_KEY)).isNull();
        assertThat(browser.testId("account").isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(By.id("report")).isDisplayed()).isFalse();

        // Just back from signing in (the guard's time stamp) with a token refused again: the page does not go round again.
        browser.open(url("/reports/auth.json"));
        browser.script("sessionStorage.clear(); sessionStorage.setItem(arguments[0], arguments[1]);"
                + "sessionStorage.setItem('wushe.reports.signin-at', String(Date.now()))", TOKEN_KEY, TestTokens.foreign("cm-elsewhere"));
        browser.open(url("/reports/?centre=" + centre.id()));
        browser.waiting(SHOWN).until(d -> browser.testId("signin").isDisplayed()
                && browser.testId("signin-message").getText().contains("刚登录的账号未被"));
        assertThat(browser.testId("signin-message").getText()).contains("was not accepted");
        assertThat(browser.testId("sign-in").isDisplayed()).isTrue();
        assertThat(browser.script("return sessionStorage.getItem(arguments[0])", TOKEN_KEY)).isNull();
    }

    // ---- fixtures -----------------------------------------------------------------------------

    /** A manager of {@code centre} (their token's centre_id), signed in as {@code cm-<centre>}. */
    static String managerOf(UUID centre) {
        return TestTokens.token("cm-" + centre, Roles.CENTRE_MANAGER, Roles.CENTRE_ID, centre);
    }

    /** Opens {@code path} with no token in the tab: the page shows its sign-in panel. */
    void openSignedOut(String path) {
        browser.open(url("/reports/auth.json"));
        browser.script("sessionStorage.clear()");
        browser.open(url(path));
        browser.waiting(SHOWN).until(d -> browser.testId("signin").isDisplayed()
                && !browser.testId("signin-message").getText().contains("Going to sign in"));
    }

    /**
     * Opens {@code path} signed in with {@code token}: first a page of the service's origin (sessionStorage
     * is per origin and tab), the token put where a finished sign-in leaves it, then the reports page.
     */
    void openSignedIn(String path, String token) {
        browser.open(url("/reports/auth.json"));
        browser.script("sessionStorage.clear(); sessionStorage.setItem(arguments[0], arguments[1])", TOKEN_KEY, token);
        browser.open(url(path));
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

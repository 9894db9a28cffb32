package org.wushe.hub.socialworker.web;

import org.junit.jupiter.api.Test;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The centre managers' page is served at /reports/, whole, from this service, loading nothing from elsewhere
 * but the hub's shared sign-in script, which this service serves too (/wushe/signin.js, public), and where
 * it signs in (/reports/auth.json, public).
 */
class ReportPageTest extends ServiceScenario {

    @Test
    void thePageAndItsScriptAndStylesAreServedWithoutAToken() {
        Http.Response page = http().anonymous().get("/reports/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("<html lang=\"zh-CN\">").contains("中心报表").contains("Centre reports")
                .contains("src=\"reports.js\"").contains("href=\"reports.css\"")
                .contains("data-testid=\"signin\"").contains("data-testid=\"sign-out\"").contains("退出")
                .contains("data-period=\"THIS_MONTH\"").contains("data-period=\"LAST_MONTH\"").contains("data-period=\"THIS_YEAR\"")
                .doesNotContain("http://", "https://");
        assertThat(http().get("/reports/index.html").text()).isEqualTo(page.text());
        assertThat(http().get("/reports").status()).isIn(301, 302);

        Http.Response script = http().get("/reports/reports.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        // Data reach the page as text only; the charts are the page's own SVG; the API is the service's own.
        assertThat(script.text()).contains("textContent").contains("createElementNS").contains("'centres'")
                .contains("report.csv").contains("report.xlsx")
                .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "https://");
        // The hub's shared sign-in is loaded first; the page keeps its token under its own key and sends it on every
        // call; a 401 signs in again, a 403 shows why. The PKCE code is the shared script's, not the page's.
        assertThat(page.text().indexOf("src=\"../wushe/signin.js\"")).isPositive().isLessThan(page.text().indexOf("src=\"reports.js\""));
        assertThat(script.text()).contains("var SIGNIN_PREFIX = 'wushe.reports';").contains("storagePrefix: SIGNIN_PREFIX")
                .contains("configUrl: 'auth.json'").contains("signin.headers(").contains("signin.onUnauthorized()")
                .contains("signin.claim('centre_id')").contains("请先登录").contains("e.status === 403")
                .doesNotContain("access_token", "code_verifier", "sessionStorage.getItem", "sessionStorage.setItem");
        Http.Response styles = http().get("/reports/reports.css");
        assertThat(styles.status()).isEqualTo(200);
        assertThat(styles.text()).doesNotContain("@import", "url(http");
    }

    @Test
    void theSharedSignInScriptIsServedWithoutAToken() {
        // From the platform jar's META-INF/resources: every service serves it, publicly.
        Http.Response script = http().anonymous().get("/wushe/signin.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.text()).contains("window.WusheSignIn").contains("code_challenge_method', 'S256'")
                .contains("prefix + '.token'").contains("'Bearer ' + auth.token")
                .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
    }

    @Test
    void whereThePageSignsInIsPublic() {
        Http.Response auth = http().anonymous().get("/reports/auth.json");
        assertThat(auth.status()).isEqualTo(200);
        assertThat(auth.contentType()).startsWith("application/json");
        assertThat(auth.json().get("clientId").asText()).isEqualTo("wushe-console");
        assertThat(auth.json().get("scope").asText()).isEqualTo("openid");
        // None is configured here (the tests verify tokens with a public key): the page says so.
        assertThat(auth.json().has("issuer")).isFalse();
    }
}

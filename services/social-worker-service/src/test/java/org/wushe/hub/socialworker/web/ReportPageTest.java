package org.wushe.hub.socialworker.web;

import org.junit.jupiter.api.Test;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** The centre managers' page is served at /reports/, whole, from this service, loading nothing from elsewhere. */
class ReportPageTest extends ServiceScenario {

    @Test
    void thePageAndItsScriptAndStylesAreServedWithoutAToken() {
        Http.Response page = http().anonymous().get("/reports/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("<html lang=\"zh-CN\">").contains("中心报表").contains("Centre reports")
                .contains("src=\"reports.js\"").contains("href=\"reports.css\"")
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
        // Every call carries the signed-in user's token from the key the station console uses; no token asks to sign in.
        assertThat(script.text()).contains("sessionStorage.getItem(STORE_TOKEN)").contains("var STORE_TOKEN = 'wushe.token';")
                .contains("h.Authorization = 'Bearer ' + t;").contains("请先登录").contains("e.status === 403")
                .doesNotContain("access_token");
        Http.Response styles = http().get("/reports/reports.css");
        assertThat(styles.status()).isEqualTo(200);
        assertThat(styles.text()).doesNotContain("@import", "url(http");
    }
}

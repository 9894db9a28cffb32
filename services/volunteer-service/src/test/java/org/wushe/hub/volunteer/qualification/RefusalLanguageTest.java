package org.wushe.hub.volunteer.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;

/**
 * A refusal in the caller's language (#17 item 4): adding a qualification code the catalogue holds already (the shipped
 * FIRST_AID) is a 409 naming {@code code} whose text is English alone for {@code Accept-Language: en}, and otherwise (no
 * header, or Chinese) Chinese with its English beside it, the hub's rule ({@code platform.i18n.Messages}: a Chinese
 * answer always carries its English).
 */
class RefusalLanguageTest extends ServiceScenario {

    private static final Map<String, Object> FIRST_AID =
            Map.of("code", "FIRST_AID", "nameZh", "急救", "nameEn", "First aid", "validityMonths", 36);

    private Http centreManager() {
        return http().as(TestTokens.token("manager", Roles.CENTRE_MANAGER, Roles.CENTRE_ID, UUID.randomUUID()));
    }

    @Test
    void aTakenCodeIsRefusedInTheLanguageAsked() {
        assertThat(message(centreManager().post("/qualifications", FIRST_AID)))
                .isEqualTo("资质代码 FIRST_AID 已存在 qualification FIRST_AID is in the catalogue already");
        assertThat(message(centreManager().post("/qualifications", FIRST_AID, "Accept-Language", "en-GB,en;q=0.9")))
                .isEqualTo("qualification FIRST_AID is in the catalogue already");
        assertThat(message(centreManager().post("/qualifications", FIRST_AID, "Accept-Language", "zh-CN,zh;q=0.9")))
                .isEqualTo("资质代码 FIRST_AID 已存在 qualification FIRST_AID is in the catalogue already");
    }

    private static String message(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.problemField()).isEqualTo("code");
        return r.json().get("errors").get(0).get("message").asText();
    }
}

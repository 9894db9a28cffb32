package org.wushe.hub.community.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.People;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Registering a resident answers the same whether or not another community holds the ID number: the
 * caller cannot tell where a person is registered. Within one community the number stays unique (409).
 */
class ResidentRegistrationElsewhereTest extends ServiceScenario {

    @Test
    void anIdNumberRegisteredInAnotherCommunityAnswersLikeAFreshOneWithAPseudonymOfItsOwn() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        People.Person p = People.next();
        People.Person fresh = People.next();
        JsonNode inA = registerResident(a.community(), p, null);

        Http bStaff = as(communityStaff("sw-b", b.community()));
        Http.Response elsewhere = bStaff.post(
                "/residents",
                Http.map("communityId", b.community().toString(), "name", p.name(), "idNumber", p.idNumber()));
        Http.Response nowhere = bStaff.post(
                "/residents",
                Http.map("communityId", b.community().toString(), "name", fresh.name(), "idNumber", fresh.idNumber()));

        assertThat(elsewhere.status()).as(elsewhere.text()).isEqualTo(201);
        assertThat(nowhere.status()).as(nowhere.text()).isEqualTo(201);
        assertThat(fieldNames(elsewhere.json())).isEqualTo(fieldNames(nowhere.json()));
        assertThat(elsewhere.json().get("communityId").asText())
                .isEqualTo(b.community().toString());
        // Its own pseudonym: nothing B learns links to the registration in A (whose pseudonym travels in A's needs).
        assertThat(elsewhere.json().get("residentRef").asText())
                .isNotEqualTo(inA.get("residentRef").asText());
        assertThat(elsewhere.json().get("id").asText())
                .isNotEqualTo(inA.get("id").asText());
        assertThat(elsewhere.text())
                .doesNotContain(
                        inA.get("id").asText(),
                        inA.get("residentRef").asText(),
                        a.community().toString());

        // Each community finds its own registration by the number, never the other's.
        String reason = "?reason=" + URLEncoder.encode("核实身份", StandardCharsets.UTF_8);
        assertThat(bStaff.post("/residents/lookup" + reason, Map.of("idNumber", p.idNumber()))
                        .json()
                        .get("id")
                        .asText())
                .isEqualTo(elsewhere.json().get("id").asText());
        assertThat(as(communityStaff("sw-a", a.community()))
                        .post("/residents/lookup" + reason, Map.of("idNumber", p.idNumber()))
                        .json()
                        .get("id")
                        .asText())
                .isEqualTo(inA.get("id").asText());

        // One person once per community: the same number again in B is B's own 409, naming the field, repeating
        // nothing.
        Http.Response again = bStaff.post(
                "/residents",
                Http.map("communityId", b.community().toString(), "name", p.name(), "idNumber", p.idNumber()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemField()).isEqualTo("idNumber");
        assertThat(again.text()).doesNotContain(p.idNumber(), p.name());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM resident WHERE community_id = ?", Integer.class, b.community()))
                .isEqualTo(2);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>(node.propertyNames());
        names.sort(null);
        return names;
    }
}

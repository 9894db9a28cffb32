package org.wushe.hub.resource.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wushe.hub.resource.support.Http;
import org.wushe.hub.resource.support.ResourceServiceTest;
import org.wushe.hub.resource.support.Samples;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad input, on every endpoint, is an RFC 9457 problem (application/problem+json) with
 * the right 4xx status naming the field at fault — never a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends ResourceServiceTest {

    /** One request: method (GET/POST), path, body (null: none), headers. */
    record Call(String method, String path, Object body, Map<String, String> headers) {}

    UUID donor;
    UUID goods;
    UUID service;
    UUID reservation;

    @BeforeAll
    void someDonorsAndOffers() {
        donor = registerDonor("通州某公益基金会 a foundation");
        goods = createOffer(Samples.goods(donor, 10, "BOX", null));
        service = createOffer(Samples.service(donor, 5));
        reservation = UUID.fromString(reserve(
                        goods,
                        UUID.randomUUID().toString(),
                        Map.of("needId", UUID.randomUUID().toString(), "quantity", 1))
                .body()
                .get("id")
                .asText());
    }

    Stream<Arguments> badInputs() {
        List<Arguments> cases = new ArrayList<>();
        // donors
        cases.add(bad("donor: missing name", 400, "name", postDonor(d -> d.remove("name"))));
        cases.add(bad("donor: name too long", 400, "name", postDonor(d -> d.put("name", "爱".repeat(101)))));
        cases.add(bad("donor: wrong enum", 400, "kind", postDonor(d -> d.put("kind", "TEMPLE"))));
        cases.add(bad("donor: UNKNOWN chosen", 400, "kind", postDonor(d -> d.put("kind", "UNKNOWN"))));
        cases.add(bad(
                "donor: bad credit code",
                400,
                "unifiedSocialCreditCode",
                postDonor(d -> d.put("unifiedSocialCreditCode", "123"))));
        cases.add(bad("donor: missing place", 400, "place", postDonor(d -> d.remove("place"))));
        cases.add(bad(
                "donor: bad district code",
                400,
                "place.districtCode",
                postDonor(d -> place(d).put("districtCode", "11011"))));
        cases.add(bad(
                "donor: latitude out of range", 400, "place.latitude", postDonor(d -> place(d).put("latitude", 91.0))));
        cases.add(bad("donor: malformed JSON", 400, "body", new Call("POST", "/donors", "{\"name\": ", Map.of())));
        cases.add(bad("donor: unknown id", 404, "donorId", get("/donors/" + UUID.randomUUID())));
        cases.add(bad("donor: id not a UUID", 400, "donorId", get("/donors/abc")));
        // offers
        cases.add(bad("offer: missing title", 400, "title", postGoods(o -> o.remove("title"))));
        cases.add(bad("offer: title too long", 400, "title", postGoods(o -> o.put("title", "奶".repeat(101)))));
        cases.add(bad("offer: wrong enum", 400, "category", postGoods(o -> o.put("category", "FLYING"))));
        cases.add(bad(
                "offer: wrong enum in a list",
                400,
                "beneficiaryGroups[1]",
                postGoods(o -> o.put("beneficiaryGroups", List.of("VERY_OLD", "ALIENS")))));
        cases.add(bad(
                "offer: negative quantity",
                400,
                "goods.quantity",
                postGoods(o -> goodsOf(o).put("quantity", -3))));
        cases.add(bad(
                "offer: quantity of the wrong type",
                400,
                "goods.quantity",
                postGoods(o -> goodsOf(o).put("quantity", "many"))));
        cases.add(bad(
                "offer: UNKNOWN unit",
                400,
                "goods.unit",
                postGoods(o -> goodsOf(o).put("unit", "UNKNOWN"))));
        cases.add(bad(
                "offer: end before start",
                400,
                "availableWindow.end",
                postGoods(o -> o.put(
                        "availableWindow",
                        Samples.window(
                                Instant.now().plusSeconds(7200), Instant.now().plusSeconds(3600))))));
        cases.add(bad(
                "offer: window already over",
                400,
                "availableWindow.end",
                postGoods(o -> o.put(
                        "availableWindow",
                        Samples.window(
                                Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600))))));
        cases.add(bad(
                "offer: past expiry date",
                400,
                "goods.expiryDate",
                postGoods(o -> goodsOf(o)
                        .put(
                                "expiryDate",
                                LocalDate.now(Samples.SHANGHAI).minusDays(1).toString()))));
        cases.add(bad(
                "offer: unknown donor",
                404,
                "donorId",
                postGoods(o -> o.put("donorId", UUID.randomUUID().toString()))));
        cases.add(bad("offer: missing block of its kind", 400, "goods", postGoods(o -> o.remove("goods"))));
        cases.add(bad(
                "offer: block of another kind", 400, "fund", postGoods(o -> o.put("fund", Map.of("amountFen", 100)))));
        cases.add(bad(
                "offer: slot ends before it starts",
                400,
                "service.schedule[0].end",
                post(
                        "/offers",
                        with(
                                Samples.service(donor, 5),
                                o -> serviceOf(o)
                                        .put(
                                                "schedule",
                                                List.of(Map.of(
                                                        "day", "SATURDAY", "start", "11:00", "end", "09:00")))))));
        cases.add(bad(
                "offer: not a language tag",
                400,
                "service.languages[0]",
                post(
                        "/offers",
                        with(Samples.service(donor, 5), o -> serviceOf(o).put("languages", List.of("english!"))))));
        cases.add(bad(
                "offer: cap above the fund",
                400,
                "fund.maxPerNeedFen",
                post("/offers", Samples.fund(donor, 1000L, 5000L))));
        cases.add(bad("offer: venue without room", 400, "venue.capacity", post("/offers", Samples.venue(donor, 0))));
        cases.add(bad("offer: unknown id", 404, "offerId", get("/offers/" + UUID.randomUUID())));
        cases.add(bad("offer: list limit too small", 400, "limit", get("/offers?limit=0")));
        cases.add(bad("offer: list kind wrong enum", 400, "kind", get("/offers?kind=FLYING")));
        // reservations
        cases.add(bad(
                "reserve: missing idempotency key",
                400,
                "Idempotency-Key",
                new Call(
                        "POST",
                        "/offers/" + goods + "/reservations",
                        Map.of("needId", UUID.randomUUID().toString(), "quantity", 1),
                        Map.of())));
        cases.add(bad("reserve: missing need", 400, "needId", reserveGoods(Map.of("quantity", 1))));
        cases.add(bad(
                "reserve: negative quantity",
                400,
                "quantity",
                reserveGoods(Map.of("needId", UUID.randomUUID().toString(), "quantity", -1))));
        cases.add(bad(
                "reserve: wrong unit",
                400,
                "unit",
                reserveGoods(Map.of("needId", UUID.randomUUID().toString(), "quantity", 1, "unit", "LITRE"))));
        cases.add(bad(
                "reserve: more than is left",
                409,
                "quantity",
                reserveGoods(Map.of("needId", UUID.randomUUID().toString(), "quantity", 99))));
        cases.add(bad(
                "reserve: unknown offer",
                404,
                "offerId",
                new Call(
                        "POST",
                        "/offers/" + UUID.randomUUID() + "/reservations",
                        Map.of("needId", UUID.randomUUID().toString(), "quantity", 1),
                        key())));
        cases.add(bad(
                "reserve: offer id not a UUID",
                400,
                "offerId",
                new Call(
                        "POST",
                        "/offers/abc/reservations",
                        Map.of("needId", UUID.randomUUID().toString(), "quantity", 1),
                        key())));
        Map<String, Object> backwards =
                new LinkedHashMap<>(Map.of("needId", UUID.randomUUID().toString(), "capacity", 1));
        Instant[] saturday = Samples.nextSaturdayMorning();
        backwards.put("window", Samples.window(saturday[1], saturday[0]));
        cases.add(bad(
                "reserve: session ends before it starts",
                400,
                "window.end",
                new Call("POST", "/offers/" + service + "/reservations", backwards, key())));
        cases.add(bad(
                "reserve: service without a session",
                400,
                "window",
                new Call(
                        "POST",
                        "/offers/" + service + "/reservations",
                        Map.of("needId", UUID.randomUUID().toString()),
                        key())));
        cases.add(bad("reservation: unknown id", 404, "reservationId", get("/reservations/" + UUID.randomUUID())));
        cases.add(bad(
                "release: reason only the system gives",
                400,
                "reason",
                post("/reservations/" + reservation + "/release", Map.of("reason", "RESERVATION_EXPIRED"))));
        cases.add(bad(
                "release: wrong enum",
                400,
                "reason",
                post("/reservations/" + reservation + "/release", Map.of("reason", "BORED"))));
        cases.add(bad(
                "consume: more than reserved",
                400,
                "quantity",
                post("/reservations/" + reservation + "/consumption", Map.of("quantity", 2))));
        cases.add(bad("directory: page 0", 400, "page", get("/directory/hsds?page=0")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsAProblemNamingTheField(String kase, int status, String field, Call call) {
        Http.Response response = "GET".equals(call.method())
                ? http().get(call.path())
                : http().post(call.path(), call.body(), call.headers());

        assertThat(response.status()).as(kase + ": " + response.raw()).isEqualTo(status);
        assertThat(response.contentType()).as(kase).startsWith("application/problem+json");
        JsonNode problem = response.body();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("urn:wushe:problem:");
        assertThat(problem.get("title").asText()).isNotBlank();
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).as(kase + ": " + response.raw()).contains(field);
        assertThat(problem.get("detail").asText()).contains(field);
    }

    private static Arguments bad(String kase, int status, String field, Call call) {
        return arguments(kase, status, field, call);
    }

    private Call postDonor(Consumer<Map<String, Object>> change) {
        return post("/donors", with(Samples.donor("通州某企业 an enterprise", "ENTERPRISE"), change));
    }

    private Call postGoods(Consumer<Map<String, Object>> change) {
        return post("/offers", with(Samples.goods(donor, 10, "BOX", null), change));
    }

    private Call reserveGoods(Map<String, Object> body) {
        return new Call("POST", "/offers/" + goods + "/reservations", body, key());
    }

    private static Map<String, String> key() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }

    private static Call post(String path, Object body) {
        return new Call("POST", path, body, Map.of());
    }

    private static Call get(String path) {
        return new Call("GET", path, null, Map.of());
    }

    private static Map<String, Object> with(Map<String, Object> body, Consumer<Map<String, Object>> change) {
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> place(Map<String, Object> body) {
        return (Map<String, Object>) body.get("place");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> goodsOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("goods");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> serviceOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("service");
    }
}

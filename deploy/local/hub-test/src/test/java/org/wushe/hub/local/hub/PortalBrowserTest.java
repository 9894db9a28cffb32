package org.wushe.hub.local.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Each workspace's main path in real Chromium, at a phone's size (390×844) and a desk's (1280×800), through the
 * real portal, issuer and services of the whole hub with a tenth of the sample town: the person signs in on the
 * issuer's own page, lands in their own workspace, does the work the workspace is for, and the page passes
 * axe-core with no serious or critical violation and holds no token anywhere a script can reach. Screenshots go
 * to {@code target/portal-screenshots/} (and with {@code -Dwushe.screenshots.update=true} to the README's
 * {@code docs/portal/}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private final HubProcess hub = new HubProcess("hub-portal-browser");
    private Map<String, String[]> accounts;
    private String portal;

    @BeforeAll
    void startHub() throws Exception {
        hub.start("hub.log", "--wipe", "--sample-scale", "0.1", "--sample-minutes", "0.3");
        hub.awaitReady();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(hub::allNeedsPosted);
        accounts = hub.sampleAccounts();
        portal = hub.url("portal", "");
    }

    @AfterAll
    void stopHub() throws InterruptedException {
        System.out.println("axe-core, each page at each size:\n  " + String.join("\n  ", PortalPages.AXE));
        System.out.println("screenshots:\n  "
                + String.join(
                        "\n  ", PortalPages.SHOTS.stream().map(Object::toString).toList()));
        hub.close();
    }

    private PortalPages signedIn(String username, String workspace, Dimension size) {
        PortalPages page = new PortalPages(portal, hub.issuer(), size);
        page.signIn(username, hub.password(username), workspace);
        page.assertNoTokenInPage();
        return page;
    }

    private static String sizeName(Dimension size) {
        return size.equals(PortalPages.PHONE) ? "phone" : "desk";
    }

    private static String inHours(int hours) {
        return LocalDateTime.now().plusHours(hours).withMinute(0).format(LOCAL);
    }

    @Test
    @Order(1)
    void communityStaffPublishANeedAndFollowIt() {
        String community = accounts.get("community-1")[2];
        JsonNode someone = hub.getAs(
                        "community-1", "community-service", "/residents?communityId=" + community + "&limit=1")
                .get(0);
        JsonNode resident = hub.getAs(
                "community-1",
                "community-service",
                "/residents/" + someone.path("id").asText() + "?reason="
                        + java.net.URLEncoder.encode("门户测试 portal test", java.nio.charset.StandardCharsets.UTF_8));
        for (Dimension size : List.of(PortalPages.DESK, PortalPages.PHONE)) {
            try (PortalPages page = signedIn("community-1", "/community", size)) {
                String title = "门户测试 助浴 Portal bath help " + sizeName(size);
                page.type(page.el("need-form", "need-title"), title);
                page.choose(page.el("need-form", "need-category"), "COMPANIONSHIP");
                page.choose(page.el("need-form", "need-urgency"), "SOON");
                page.choose(page.el("need-form", "need-group"), "ELDERLY_ALONE");
                page.set(page.el("need-form", "need-start"), inHours(24));
                page.set(page.el("need-form", "need-end"), inHours(26));
                if (size.equals(PortalPages.DESK)) {
                    // The resident, found by name in the community's own register (the search is logged with its
                    // reason).
                    page.type(
                            page.el("need-form", "resident-name-search"),
                            resident.path("name").asText());
                    page.click(page.el("need-form", "resident-name-submit"));
                    WebElement match = page.browser
                            .waiting(PortalPages.WAIT)
                            .until(d -> d
                                    .findElements(
                                            By.cssSelector("[data-test=need-form] [data-test=resident-match][data-id='"
                                                    + resident.path("id").asText() + "']"))
                                    .stream()
                                    .findFirst()
                                    .orElse(null));
                    page.click(match);
                    page.el("need-form", "resident-picked");
                }
                page.assertAccessible("community: publish (" + sizeName(size) + ")");
                page.screenshot("community-publish-" + sizeName(size));
                page.click(page.el("need-form", "need-submit"));
                assertThat(page.el("need-published").getText()).contains(title);

                // The community's needs, with the new one and its live status.
                page.tab(1);
                WebElement row = page.browser
                        .waiting(PortalPages.WAIT)
                        .until(d -> d.findElements(PortalPages.test("need-row")).stream()
                                .filter(r -> r.getText().contains(title))
                                .findFirst()
                                .orElse(null));
                assertThat(row.getAttribute("data-status")).isIn("PUBLISHED", "MATCHED", "ACCEPTED");
                page.assertAccessible("community: needs (" + sizeName(size) + ")");
                page.screenshot("community-needs-" + sizeName(size));
            }
        }
        JsonNode needs = hub.getAs("community-1", "community-service", "/needs?limit=500");
        long portalNeeds = 0;
        for (JsonNode n : needs) {
            if (n.path("title").asText().startsWith("门户测试 助浴")) {
                portalNeeds++;
                assertThat(n.path("communityId").asText()).isEqualTo(accounts.get("community-1")[2]);
            }
        }
        assertThat(portalNeeds)
                .as("the two needs published through the portal, in community-service")
                .isEqualTo(2);
        assertThat(needs.findValues("residentRef").stream().map(JsonNode::asText))
                .as("the need for the resident found by name")
                .contains(resident.path("residentRef").asText());
    }

    @Test
    @Order(2)
    void stationStaffSeeTheirProposalsLiveAndDecide() {
        String station = accounts.get("station-1")[2];
        for (Dimension size : List.of(PortalPages.DESK, PortalPages.PHONE)) {
            try (PortalPages page = signedIn("station-1", "/station", size)) {
                page.el("live-state");
                List<WebElement> cards = page.browser.waiting(PortalPages.WAIT).until(d -> {
                    List<WebElement> c = d.findElements(PortalPages.test("proposal-card"));
                    return c.isEmpty() ? null : c;
                });
                assertThat(cards).isNotEmpty();
                page.assertAccessible("station: proposals (" + sizeName(size) + ")");
                page.screenshot("station-proposals-" + sizeName(size));
                WebElement first = cards.get(0);
                String matchId = first.getAttribute("data-match-id");
                page.click(first.findElement(PortalPages.test("accept")));
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(500))
                        .untilAsserted(
                                () -> assertThat(hub.getAs("station-1", "matching-service", "/matches/" + matchId)
                                                .path("status")
                                                .asText())
                                        .isIn("ACCEPTED", "RESERVED", "COMPLETED"));
                assertThat(hub.getAs("station-1", "matching-service", "/matches/" + matchId)
                                .path("stationId")
                                .asText())
                        .isIn(station, "");
            }
        }
    }

    @Test
    @Order(3)
    void providersPostAndWithdrawOffers() {
        for (Dimension size : List.of(PortalPages.DESK, PortalPages.PHONE)) {
            try (PortalPages page = signedIn("donor-1", "/provider", size)) {
                String title = "门户测试 大米 Portal rice " + sizeName(size);
                page.tab(1);
                WebElement form = page.el("offer-form");
                page.choose(page.el("offer-form", "offer-kind"), "GOODS");
                page.choose(page.el("offer-form", "offer-category"), "DAILY_GOODS");
                page.type(page.el("offer-form", "offer-title"), title);
                page.type(page.el("offer-form", "offer-district"), "110112");
                page.set(page.el("offer-form", "offer-start"), inHours(1));
                page.set(page.el("offer-form", "offer-end"), inHours(24 * 30));
                page.set(page.el("offer-form", "offer-quantity"), "20");
                page.choose(page.el("offer-form", "offer-unit"), "BAG");
                page.assertAccessible("provider: post offer (" + sizeName(size) + ")");
                page.screenshot("provider-offer-" + sizeName(size));
                page.click(form.findElement(PortalPages.test("offer-submit")));
                assertThat(page.el("offer-posted").getText()).contains(title);
                page.tab(0);
                WebElement row = page.browser
                        .waiting(PortalPages.WAIT)
                        .until(d -> d.findElements(PortalPages.test("offer-row")).stream()
                                .filter(r -> r.getText().contains(title))
                                .findFirst()
                                .orElse(null));
                String offerId = row.getAttribute("data-offer-id");
                page.assertAccessible("provider: offers (" + sizeName(size) + ")");
                page.screenshot("provider-offers-" + sizeName(size));
                page.click(row.findElement(PortalPages.test("offer-withdraw")));
                WebElement confirm = page.browser
                        .waiting(PortalPages.WAIT)
                        .until(d -> d.findElement(By.cssSelector(".el-message-box__btns .el-button--primary")));
                page.click(confirm);
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertThat(hub.getAs("donor-1", "resource-service", "/offers/" + offerId)
                                        .path("status")
                                        .asText())
                                .isEqualTo("WITHDRAWN"));
            }
        }
    }

    @Test
    @Order(4)
    void volunteersSeeTheirAssignmentsHoursAndPoints() {
        for (Dimension size : List.of(PortalPages.PHONE, PortalPages.DESK)) {
            try (PortalPages page = signedIn("volunteer-1", "/volunteer", size)) {
                page.browser
                        .waiting(PortalPages.WAIT)
                        .until(d ->
                                !d.findElements(PortalPages.test("assignment")).isEmpty()
                                        || !d.findElements(PortalPages.test("assignments-empty"))
                                                .isEmpty());
                page.assertAccessible("volunteer: assignments (" + sizeName(size) + ")");
                page.screenshot("volunteer-assignments-" + sizeName(size));
                page.tab(2);
                WebElement balance = page.el("points-balance-value");
                page.browser
                        .waiting(PortalPages.WAIT)
                        .until(d -> balance.getText().matches("[\\d,]+"));
                JsonNode account = hub.getAs(
                        "volunteer-1", "volunteer-service", "/points/accounts/" + accounts.get("volunteer-1")[2]);
                assertThat(balance.getText().replace(",", ""))
                        .isEqualTo(account.path("balance").asText());
                page.assertAccessible("volunteer: points (" + sizeName(size) + ")");
                page.screenshot("volunteer-points-" + sizeName(size));
            }
        }
    }

    @Test
    @Order(5)
    void socialWorkersRecordAVisitOnThePhone() {
        String worker = accounts.get("worker-1")[2];
        int before = hub.getAs("worker-1", "social-worker-service", "/visits?socialWorkerId=" + worker + "&limit=500")
                .size();
        for (Dimension size : List.of(PortalPages.PHONE, PortalPages.DESK)) {
            try (PortalPages page = signedIn("worker-1", "/worker", size)) {
                // The resident as social workers know them: the community service's pseudonym (residentRef), never a
                // name.
                page.type("visit-resident", java.util.UUID.randomUUID().toString());
                if (!page.all("visit-community").isEmpty()) {
                    // The worker's station serves several communities: the visit names the one visited.
                    new org.openqa.selenium.support.ui.Select(page.el("visit-community")).selectByIndex(1);
                }
                page.choose("visit-kind", "HOME");
                page.choose("visit-outcome", "WELL");
                page.set(
                        "visit-at",
                        LocalDateTime.now().minusHours(1).withMinute(0).format(LOCAL));
                page.type("visit-minutes", "30");
                page.type("visit-notes", "门户测试 上门探访 Portal visit " + sizeName(size));
                page.assertAccessible("worker: visit (" + sizeName(size) + ")");
                page.screenshot("worker-visit-" + sizeName(size));
                page.click("visit-submit");
                page.el("visit-recorded");
            }
        }
        int after = hub.getAs("worker-1", "social-worker-service", "/visits?socialWorkerId=" + worker + "&limit=500")
                .size();
        assertThat(after - before).as("the visits recorded through the portal").isEqualTo(2);
    }

    /**
     * A grid worker (网格员) on their phone: a household on the grid's register (made here through the API as the grid
     * worker, who keeps the register), a patrol round of it with gas found wanting and an urgent finding, and the
     * need the finding raised at once (source GRID_REPORT) shown on the page and present in community-service.
     */
    @Test
    @Order(5)
    void gridWorkersRecordAPatrolWithAFindingOnThePhone() {
        String grid = accounts.get("grid-1")[2];
        String compound = postAs("grid-1", "/grids/" + grid + "/compounds", Map.of("name", "门户测试小区"))
                .path("id")
                .asText();
        String building = postAs(
                        "grid-1", "/compounds/" + compound + "/buildings", Map.of("label", "1号楼", "stairwells", 1))
                .path("id")
                .asText();
        String household = postAs(
                        "grid-1", "/buildings/" + building + "/households", Map.of("stairwell", 1, "number", 1))
                .path("id")
                .asText();
        try (PortalPages page = signedIn("grid-1", "/grid", PortalPages.PHONE)) {
            page.el("grid-tabs");
            page.tab(1);
            page.choose("patrol-household", household);
            page.el("patrol-visit");
            page.click("finding-add");
            page.choose("finding-item", "GAS");
            page.type("finding-title", "门户测试 燃气软管老化");
            page.click(page.el("finding-urgent"));
            if (!page.all("patrol-station").isEmpty()) {
                // Several stations serve the community: the urgent finding's need names one.
                new org.openqa.selenium.support.ui.Select(page.el("patrol-station")).selectByIndex(1);
            }
            page.assertAccessible("grid: patrol (phone)");
            page.screenshot("grid-patrol-phone");
            page.click("patrol-submit");
            WebElement raised = page.el("patrol-raised");
            assertThat(raised.getAttribute("data-status")).isEqualTo("PUBLISHED");
            String need = raised.getAttribute("data-need-id");
            assertThat(need).isNotBlank();
            JsonNode published = hub.getAs("community-1", "community-service", "/needs/" + need);
            assertThat(published.path("source").asText()).isEqualTo("GRID_REPORT");
            assertThat(published.path("gridId").asText()).isEqualTo(grid);
            page.assertAccessible("grid: patrol recorded (phone)");
        }
    }

    /**
     * A resident (居民) on their phone, with the account the sample town's community staff linked to their record: a
     * request for help whose details hold a phone number is refused by the service's screen, the problem shown next to
     * the field; without it and with the consent to share, it is sent and listed as theirs, waiting. The community's
     * staff see it in their wishes tab and accept it as a need (source MICRO_WISH), which the resident then follows.
     */
    @Test
    @Order(5)
    void aResidentSendsAWishOnThePhoneAndTheCommunitysStaffAcceptIt() {
        String community = accounts.get("community-1")[2];
        java.util.Set<String> registered = new java.util.HashSet<>();
        hub.getAs("community-1", "community-service", "/residents?communityId=" + community + "&limit=1000")
                .forEach(r -> registered.add(r.path("id").asText()));
        String resident = accounts.entrySet().stream()
                .filter(a -> a.getValue()[0].equals("resident") && registered.contains(a.getValue()[2]))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no sample resident account in community-1: " + accounts.keySet()));
        String title = "门户测试 厨房水龙头漏水";
        String wishId;
        try (PortalPages page = signedIn(resident, "/resident", PortalPages.PHONE)) {
            page.el("wish-form");
            page.click("wish-kind-HELP");
            page.choose("wish-category", "HOME_REPAIR");
            page.type("wish-title", title);
            page.type("wish-description", "请打 139 1234 5678 联系我");
            page.click("wish-consent");
            page.click("wish-submit");
            page.browser
                    .waiting(PortalPages.WAIT)
                    .until(d -> d.findElement(PortalPages.test("wish-description"))
                            .getText()
                            .contains("不得含电话号码"));
            // Set with the input event Vue listens to: Selenium's clear() leaves the field's model as it was, and
            // typing appends.
            page.set("wish-description", "一直滴水，关不紧");
            page.assertAccessible("resident: wish (phone)");
            page.screenshot("resident-wish-phone");
            page.click("wish-submit");
            wishId = page.el("wish-sent").getAttribute("data-wish-id");
            assertThat(wishId).isNotBlank();
            page.tab(1);
            WebElement mine = page.browser
                    .waiting(PortalPages.WAIT)
                    .until(d ->
                            d
                                    .findElements(By.cssSelector("[data-test=my-wish][data-wish-id='" + wishId + "']"))
                                    .stream()
                                    .findFirst()
                                    .orElse(null));
            assertThat(mine.getAttribute("data-stage")).isEqualTo("SENT");
            page.assertAccessible("resident: my wishes (phone)");
            page.screenshot("resident-mine-phone");
        }
        try (PortalPages page = signedIn("community-1", "/community", PortalPages.DESK)) {
            page.tab(4);
            WebElement row = page.browser
                    .waiting(PortalPages.WAIT)
                    .until(
                            d -> d
                                    .findElements(By.cssSelector("[data-test=wish-row][data-wish-id='" + wishId + "']"))
                                    .stream()
                                    .findFirst()
                                    .orElse(null));
            assertThat(row.getAttribute("data-status")).isEqualTo("PENDING");
            assertThat(row.getText()).contains(title);
            page.choose(row.findElement(PortalPages.test("wish-accept-urgency")), "SOON");
            page.choose(row.findElement(PortalPages.test("wish-accept-group")), "ALL_RESIDENTS");
            if (!row.findElements(PortalPages.test("wish-accept-station")).isEmpty()) {
                new org.openqa.selenium.support.ui.Select(row.findElement(PortalPages.test("wish-accept-station")))
                        .selectByIndex(1);
            }
            page.assertAccessible("community: residents' wishes (desk)");
            page.screenshot("community-wishes-desk");
            page.click(row.findElement(PortalPages.test("wish-accept")));
            page.browser
                    .waiting(PortalPages.WAIT)
                    .until(d -> "ACCEPTED"
                            .equals(d.findElement(By.cssSelector("[data-test=wish-row][data-wish-id='" + wishId + "']"))
                                    .getAttribute("data-status")));
        }
        JsonNode wish = hub.getAs("community-1", "community-service", "/wishes/" + wishId);
        JsonNode need = hub.getAs(
                "community-1",
                "community-service",
                "/needs/" + wish.path("needId").asText());
        assertThat(need.path("source").asText()).isEqualTo("MICRO_WISH");
        assertThat(need.path("title").asText()).isEqualTo(title);
        JsonNode mine = hub.getAs(resident, "community-service", "/residents/me/wishes");
        assertThat(mine.findValuesAsText("status")).contains("ACCEPTED");
    }

    /**
     * A resident rates a fulfilled need of theirs one star; the station that served it sees the follow-up visit (回访)
     * open on its console's second tab, and a social worker assigned to that station records how it went on the phone;
     * the service holds it as recorded by a social worker, with the outcome.
     */
    @Test
    @Order(5)
    void aLowRatingAsksForAFollowUpThatASocialWorkerRecordsOnThePhone() {
        // A social worker of a community station, that station's staff, a resident account of a community it serves and
        // that community's staff, all from the sample town's accounts.
        String[] cast = accounts.entrySet().stream()
                .filter(a -> a.getValue()[0].equals("social_worker"))
                .map(w -> castAround(
                        w.getKey(),
                        hub.getAs(w.getKey(), "social-worker-service", "/social-workers/" + w.getValue()[2])
                                .path("stationId")
                                .asText()))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no sample social worker at a station with a resident account: " + accounts.keySet()));
        String worker = cast[0];
        String stationId = cast[1];
        String stationStaff = cast[2];
        String resident = cast[3];
        String communityStaff = cast[4];

        String title = "门户测试 回访 楼道灯不亮";
        JsonNode wish = callAs(
                resident,
                "POST",
                "/residents/me/wishes",
                Map.of("category", "HOME_REPAIR", "title", title, "consentToShare", true),
                201);
        String needId = callAs(
                        communityStaff,
                        "POST",
                        "/wishes/" + wish.path("id").asText() + "/accept",
                        Map.of("urgency", "ROUTINE", "beneficiaryGroup", "ALL_RESIDENTS", "stationId", stationId),
                        200)
                .path("needId")
                .asText();
        // The staff record it done step by step from wherever it stands: matching may propose it meanwhile.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    String status = hub.getAs(communityStaff, "community-service", "/needs/" + needId)
                            .path("status")
                            .asText();
                    String next = switch (status) {
                        case "PUBLISHED" -> "MATCHED";
                        case "MATCHED" -> "ACCEPTED";
                        case "ACCEPTED" -> "IN_SERVICE";
                        case "IN_SERVICE" -> "FULFILLED";
                        default -> null;
                    };
                    if (next != null) {
                        send(communityStaff, "POST", "/needs/" + needId + "/status", Map.of("status", next));
                    }
                    return "FULFILLED".equals(status);
                });
        JsonNode rating = callAs(
                resident,
                "POST",
                "/residents/me/needs/" + needId + "/rating",
                Map.of("stars", 1, "comment", "等了一周没人来，灯还是不亮"),
                201);
        assertThat(rating.path("followUp").asText()).isEqualTo("OPEN");
        String followUpId = java.util.stream.StreamSupport.stream(
                        hub.getAs(stationStaff, "community-service", "/stations/" + stationId + "/follow-ups")
                                .spliterator(),
                        false)
                .filter(f -> f.path("needId").asText().equals(needId))
                .map(f -> f.path("id").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no follow-up of need " + needId + " at station " + stationId));
        By row = By.cssSelector("[data-test=follow-up-row][data-follow-up-id='" + followUpId + "']");

        // The station's console lists it, open, with the stars and the comment.
        try (PortalPages page = signedIn(stationStaff, "/station", PortalPages.DESK)) {
            page.tab(1);
            WebElement open = page.browser
                    .waiting(PortalPages.WAIT)
                    .until(d -> d.findElements(row).stream().findFirst().orElse(null));
            assertThat(open.getAttribute("data-status")).isEqualTo("OPEN");
            assertThat(open.getAttribute("data-stars")).isEqualTo("1");
            assertThat(open.findElement(PortalPages.test("follow-up-comment")).getText())
                    .contains("灯还是不亮");
            page.assertAccessible("station: follow-ups (desk)");
            page.screenshot("station-follow-ups-desk");
        }

        // The station's social worker records it on the phone (community-service knows the worker's station from
        // social-worker-service's events).
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> hub.send(
                                        "community-service",
                                        HttpRequest.newBuilder(URI.create(
                                                        hub.url("community-service", "/social-workers/me/follow-ups")))
                                                .header("Accept", "application/json")
                                                .header("Authorization", hub.bearer(worker))
                                                .GET())
                                .statusCode()
                        == 200);
        String outcome = "已上门回访，灯已修好，居民满意";
        By card = By.cssSelector("[data-test=worker-follow-up][data-follow-up-id='" + followUpId + "']");
        try (PortalPages page = signedIn(worker, "/worker", PortalPages.PHONE)) {
            page.tab(3);
            WebElement open = page.browser
                    .waiting(PortalPages.WAIT)
                    .until(d -> d.findElements(card).stream().findFirst().orElse(null));
            assertThat(open.getAttribute("data-status")).isEqualTo("OPEN");
            page.type(open.findElement(PortalPages.test("worker-follow-up-outcome-input")), outcome);
            page.assertAccessible("social worker: follow-ups (phone)");
            page.screenshot("worker-follow-ups-phone");
            page.click(open.findElement(PortalPages.test("worker-follow-up-submit")));
            page.browser
                    .waiting(PortalPages.WAIT)
                    .until(d -> "RECORDED".equals(d.findElement(card).getAttribute("data-status")));
            assertThat(page.browser
                            .driver()
                            .findElement(card)
                            .findElement(PortalPages.test("worker-follow-up-outcome"))
                            .getText())
                    .contains(outcome);
        }
        JsonNode recorded = hub.getAs(stationStaff, "community-service", "/follow-ups/" + followUpId);
        assertThat(recorded.path("status").asText()).isEqualTo("RECORDED");
        assertThat(recorded.path("outcome").asText()).isEqualTo(outcome);
        assertThat(recorded.path("recordedRole").asText()).isEqualTo("social_worker");
    }

    /**
     * {worker, station, the station's staff, a resident account of a community the station serves, that community's
     * staff}, or null when the worker's station has no staff account or none of its residents has an account.
     */
    private String[] castAround(String worker, String stationId) {
        String staff = accounts.entrySet().stream()
                .filter(a -> a.getValue()[0].equals("station_staff") && a.getValue()[2].equals(stationId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        if (staff == null) {
            return null;
        }
        Map<String, String> communityOf = new java.util.HashMap<>();
        hub.getAs(staff, "community-service", "/residents?limit=1000")
                .forEach(r -> communityOf.put(
                        r.path("id").asText(), r.path("communityId").asText()));
        for (Map.Entry<String, String[]> r : accounts.entrySet()) {
            String community = communityOf.get(r.getValue()[2]);
            if (!r.getValue()[0].equals("resident") || community == null) {
                continue;
            }
            for (Map.Entry<String, String[]> c : accounts.entrySet()) {
                if (c.getValue()[0].equals("community_staff") && c.getValue()[2].equals(community)) {
                    return new String[] {worker, stationId, staff, r.getKey(), c.getKey()};
                }
            }
        }
        return null;
    }

    /** A call to community-service as a sample account that must answer {@code expected}; its JSON body. */
    private JsonNode callAs(String username, String method, String path, Map<String, Object> body, int expected) {
        HttpResponse<String> r = send(username, method, path, body);
        assertThat(r.statusCode())
                .as(method + " " + path + " as " + username + ": " + r.body())
                .isEqualTo(expected);
        return HubProcess.readTree(r.body());
    }

    private HttpResponse<String> send(String username, String method, String path, Map<String, Object> body) {
        return hub.send(
                "community-service",
                HttpRequest.newBuilder(URI.create(hub.url("community-service", path)))
                        .method(
                                method,
                                HttpRequest.BodyPublishers.ofString(
                                        HubProcess.JSON.valueToTree(body).toString()))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Authorization", hub.bearer(username)));
    }

    /** POST as a sample account, answering 201 with JSON, or the test fails with the body. */
    private JsonNode postAs(String username, String path, Map<String, Object> body) {
        HttpResponse<String> r = hub.send(
                "community-service",
                HttpRequest.newBuilder(URI.create(hub.url("community-service", path)))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                HubProcess.JSON.valueToTree(body).toString()))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Authorization", hub.bearer(username)));
        assertThat(r.statusCode())
                .as("POST " + path + " as " + username + ": " + r.body())
                .isEqualTo(201);
        return HubProcess.readTree(r.body());
    }

    @Test
    @Order(6)
    void theCentreSeesItsReport() {
        for (Dimension size : List.of(PortalPages.DESK, PortalPages.PHONE)) {
            try (PortalPages page = signedIn("centre", "/centre", size)) {
                page.click("report-show");
                page.el("report-table");
                assertThat(page.all("report-row")).isNotEmpty();
                assertThat(page.el("report-csv").getAttribute("href"))
                        .contains("/api/socialworker/centres/")
                        .contains("report.csv");
                page.assertAccessible("centre: report (" + sizeName(size) + ")");
                page.screenshot("centre-report-" + sizeName(size));
            }
        }
    }

    /**
     * A community clerk's own sheet: headers in the clerk's words (需求名称（必填）, 类 别, 紧急度, 服务对象, 截止时间（选填）),
     * a serial-number and a remarks column the hub does not know, urgency as clerks write it (紧急, 一般, 高, 中), dates
     * in four forms, a full-width quantity with its unit in the cell, no station and no unit columns, saved by a
     * spreadsheet in GB18030; one row's category is a word nobody maps. Nobody edits the file: the wizard maps,
     * previews, the bad cell is fixed in place, and the four needs are published. The same file again publishes nothing.
     */
    @Test
    @Order(7)
    void aClerksOwnSheetPublishesThroughTheImportWizard() throws Exception {
        String tag = "导入" + Long.toString(System.nanoTime() % 100000, 36);
        String sheet = String.join(
                        "\r\n",
                        "序号,需求名称（必填）,类 别,紧急度,服务对象,数量,截止时间（选填）,备注",
                        "1,送米面油 " + tag + ",生活物资,紧急,独居老人,３袋,2026年12月20日,王阿姨家",
                        "2,上门理发 " + tag + ",理发,一般,高龄老人,1,2026/12/25,",
                        "3,防诈骗讲座 " + tag + ",防诈骗,高,全体居民,,12月28日,活动室",
                        "4,修理水龙头 " + tag + ",修东西,中,独居老人,1,2027-01-05,")
                + "\r\n";
        Path file = Path.of("target", "clerk-need-list-" + tag + ".csv").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.write(file, sheet.getBytes(Charset.forName("GB18030")));
        String community = accounts.get("community-1")[2];

        try (PortalPages page = signedIn("community-1", "/community", PortalPages.DESK)) {
            page.go("/community/import");
            page.el("import-upload");
            page.browser.driver().findElement(PortalPages.test("import-file")).sendKeys(file.toString());
            page.click("import-upload-submit");
            page.el("import-mapping");
            assertThat(page.all("import-missing"))
                    .as("every required field mapped from the clerk's words")
                    .isEmpty();
            page.assertAccessible("import: mapping (desk)");
            page.screenshot("import-mapping-desk");
            page.click("import-mapping-submit");
            page.el("import-preview");
            List<WebElement> rows = page.browser.waiting(PortalPages.WAIT).until(d -> {
                List<WebElement> r = d.findElements(PortalPages.test("import-row"));
                return r.size() == 4 ? r : null;
            });
            List<String> bad = new ArrayList<>();
            for (WebElement r : rows) {
                if ("false".equals(r.getAttribute("data-ok"))) {
                    bad.add(r.getAttribute("data-row"));
                }
            }
            assertThat(bad)
                    .as("only the row with the unknown category has a problem")
                    .hasSize(1);
            WebElement broken = rows.stream()
                    .filter(r -> "false".equals(r.getAttribute("data-ok")))
                    .findFirst()
                    .orElseThrow();
            assertThat(broken.getText()).contains("修理水龙头");
            page.click(broken.findElement(PortalPages.test("import-row-edit")));
            page.type(page.el("import-cell-category"), "上门维修");
            page.click("import-row-save");
            page.browser
                    .waiting(PortalPages.WAIT)
                    .until(d -> d.findElements(PortalPages.test("import-row")).stream()
                            .allMatch(r -> "true".equals(r.getAttribute("data-ok"))));
            page.assertAccessible("import: preview (desk)");
            page.screenshot("import-preview-desk");
            page.click("import-publish");
            WebElement result = page.el("import-result");
            assertThat(result.getText()).contains("4");
            page.assertAccessible("import: report (desk)");
            page.screenshot("import-report-desk");
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(needsTagged(tag))
                        .as("needs of the clerk's sheet in community-service")
                        .hasSize(4));
        List<JsonNode> published = needsTagged(tag);
        for (JsonNode n : published) {
            assertThat(n.path("communityId").asText()).isEqualTo(community);
            assertThat(n.path("stationId").asText())
                    .as("the station the community decides")
                    .isNotBlank();
        }
        assertThat(published.stream()
                        .map(n -> n.path("category").asText())
                        .sorted()
                        .toList())
                .containsExactly("ANTI_FRAUD", "DAILY_GOODS", "HAIRCUT", "HOME_REPAIR");
        assertThat(published.stream()
                        .filter(n -> n.path("title").asText().startsWith("送米面油"))
                        .findFirst()
                        .orElseThrow()
                        .path("urgency")
                        .asText())
                .isIn("URGENT", "IMMEDIATE");

        // The same file again, on the phone: the wizard says it is the same file, and publishing it publishes nothing.
        try (PortalPages page = signedIn("community-1", "/community", PortalPages.PHONE)) {
            page.go("/community/import");
            page.el("import-upload");
            page.browser.driver().findElement(PortalPages.test("import-file")).sendKeys(file.toString());
            page.click("import-upload-submit");
            page.el("import-mapping");
            page.assertAccessible("import: mapping (phone)");
            page.click("import-mapping-submit");
            page.el("import-duplicate-file");
            page.assertAccessible("import: preview (phone)");
            page.screenshot("import-preview-phone");
            page.click("import-publish");
            page.el("import-result");
        }
        // Nothing may arrive from a second publication: the count stays at 4 throughout the time one would take to
        // land.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(needsTagged(tag))
                        .as("the same file a second time publishes nothing")
                        .hasSize(4));
    }

    private List<JsonNode> needsTagged(String tag) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode n : hub.getAs("community-1", "community-service", "/needs?limit=1000")) {
            if (n.path("title").asText().endsWith(tag)) {
                found.add(n);
            }
        }
        return found;
    }

    /**
     * Volunteers answer what matching proposed to them, on their phone: one confirms, another declines with a reason,
     * and the decline goes back to matching (the match is declined by the volunteer). The accounts are made for two
     * volunteers that the sample town's proposals name, so the test never depends on whom the engine picked.
     */
    @Test
    @Order(8)
    void volunteersConfirmOrDeclineWhatIsProposedToThem() throws Exception {
        List<String[]> proposed = new ArrayList<>(); // {matchId, volunteerId}
        for (Map.Entry<String, String[]> a : accounts.entrySet()) {
            if (!a.getValue()[0].equals("station_staff")) {
                continue;
            }
            for (JsonNode m :
                    hub.getAs(a.getKey(), "matching-service", "/stations/" + a.getValue()[2] + "/proposals")) {
                if ("VOLUNTEER"
                                .equalsIgnoreCase(
                                        m.path("candidate").path("kind").asText())
                        && "PROPOSED".equals(m.path("status").asText())
                        && proposed.stream()
                                .noneMatch(p -> p[1].equals(
                                        m.path("candidate").path("id").asText()))) {
                    proposed.add(new String[] {
                        m.path("matchId").asText(),
                        m.path("candidate").path("id").asText()
                    });
                }
            }
        }
        assertThat(proposed)
                .as("volunteers with an open proposal in the sample town")
                .hasSizeGreaterThanOrEqualTo(2);
        String[] confirming = proposed.get(0);
        String[] declining = proposed.get(1);
        account("vol-confirm", confirming[1]);
        account("vol-decline", declining[1]);

        try (PortalPages page = signedIn("vol-confirm", "/volunteer", PortalPages.PHONE)) {
            WebElement card = page.browser
                    .waiting(PortalPages.WAIT)
                    .until(d -> d
                            .findElements(
                                    By.cssSelector("[data-test=assignment][data-match-id='" + confirming[0] + "']"))
                            .stream()
                            .findFirst()
                            .orElse(null));
            page.assertAccessible("volunteer: to answer (phone)");
            page.screenshot("volunteer-answer-phone");
            page.click(card.findElement(PortalPages.test("assignment-confirm")));
            page.browser
                    .waiting(PortalPages.WAIT)
                    .until(d -> "CONFIRMED"
                            .equals(d.findElement(By.cssSelector(
                                            "[data-test=assignment][data-match-id='" + confirming[0] + "']"))
                                    .getAttribute("data-status")));
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(assignment("vol-confirm", confirming)
                                .path("status")
                                .asText())
                        .isEqualTo("CONFIRMED"));

        try (PortalPages page = signedIn("vol-decline", "/volunteer", PortalPages.DESK)) {
            WebElement card = page.browser
                    .waiting(PortalPages.WAIT)
                    .until(d -> d
                            .findElements(
                                    By.cssSelector("[data-test=assignment][data-match-id='" + declining[0] + "']"))
                            .stream()
                            .findFirst()
                            .orElse(null));
            page.click(card.findElement(PortalPages.test("assignment-decline")));
            page.el("assignment-decline-form");
            page.choose("assignment-decline-category", "TIME_CONFLICT");
            page.type("assignment-decline-reason", "那天要去医院复查 hospital check-up that day");
            page.assertAccessible("volunteer: decline (desk)");
            page.screenshot("volunteer-decline-desk");
            page.click("assignment-decline-submit");
            page.browser
                    .waiting(PortalPages.WAIT)
                    .until(d -> "DECLINED"
                            .equals(d.findElement(By.cssSelector(
                                            "[data-test=assignment][data-match-id='" + declining[0] + "']"))
                                    .getAttribute("data-status")));
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode match = hub.get("matching-service", "/matches/" + declining[0]);
                    assertThat(match.path("status").asText())
                            .as("matching declined the match: " + match)
                            .isEqualTo("DECLINED");
                });
    }

    /**
     * Activities on the phone (issue 15): the station's staff publish an activity (through the API, as the sample town
     * has none to spare for this), a volunteer signs up for a position on the phone page's 活动 tab, the staff's desk
     * shows the activity's check-in code as a QR code of the portal's check-in URL, the volunteer opens that URL and is
     * checked in, then out with the check-out code; the same code again is refused as replayed. volunteer-service holds
     * the sign-up and the attendance (check-in and check-out by the volunteer's scan, not by staff).
     */
    @Test
    @Order(9)
    void aVolunteerSignsUpForAnActivityAndChecksInAndOutByTheVenueQr() {
        String volunteer = accounts.get("volunteer-1")[2];
        // Far enough ahead that no sample sign-up of the volunteer overlaps it; check-in needs no time window.
        JsonNode activity =
                publishActivity("station-1", "门户测试 邻里节 Portal neighbourhood festival", Duration.ofDays(75), 5);
        String activityId = activity.path("id").asText();
        String positionId = activity.path("positions").get(0).path("id").asText();

        try (PortalPages phone = signedIn("volunteer-1", "/volunteer", PortalPages.PHONE)) {
            String signUpId = signUpOnThePhone(phone, activityId, 5);
            JsonNode signUp = signUpOf("volunteer-1", volunteer, activityId);
            assertThat(signUp.path("id").asText()).isEqualTo(signUpId);
            assertThat(signUp.path("positionId").asText()).isEqualTo(positionId);
            assertThat(signUp.path("status").asText()).isEqualTo("CONFIRMED");
            phone.assertAccessible("volunteer: activities (phone)");
            phone.screenshot("volunteer-activities-phone");

            try (PortalPages desk = signedIn("station-1", "/station", PortalPages.DESK)) {
                desk.tab(2);
                String checkIn = venueUrl(desk, activityId, "CHECK_IN");
                desk.assertAccessible("station: check-in code (desk)");
                desk.screenshot("station-check-in-code-desk");

                phone.browser.driver().get(checkIn);
                WebElement in = phone.browser
                        .waiting(PortalPages.WAIT)
                        .until(d -> d.findElements(PortalPages.test("check-in-result")).stream()
                                .filter(e -> "true".equals(e.getAttribute("data-checked-in")))
                                .findFirst()
                                .orElse(null));
                assertThat(in.getAttribute("data-sign-up-id")).isEqualTo(signUpId);
                JsonNode attended = attendanceOf("volunteer-1", activityId, signUpId);
                assertThat(attended.path("checkedInAt").isTextual())
                        .as(attended.toString())
                        .isTrue();
                assertThat(attended.path("checkedInByStaff").asBoolean(true)).isFalse();
                // volunteer-service leaves absent fields out (non_null): no check-out yet.
                assertThat(attended.path("checkedOutAt").isTextual()).isFalse();
                phone.assertAccessible("volunteer: checked in (phone)");
                phone.screenshot("volunteer-check-in-phone");

                String checkOut = venueUrl(desk, activityId, "CHECK_OUT");
                assertThat(checkOut).isNotEqualTo(checkIn);
                phone.browser.driver().get(checkOut);
                phone.browser
                        .waiting(PortalPages.WAIT)
                        .until(d -> d.findElements(PortalPages.test("check-in-result")).stream()
                                .anyMatch(e -> "true".equals(e.getAttribute("data-checked-out"))));
                phone.el("check-in-hours");
                JsonNode out = attendanceOf("volunteer-1", activityId, signUpId);
                assertThat(out.path("checkedOutAt").isTextual())
                        .as(out.toString())
                        .isTrue();
                assertThat(out.path("checkedOutByStaff").asBoolean(true)).isFalse();
                assertThat(java.time.Instant.parse(out.path("checkedOutAt").asText()))
                        .isAfterOrEqualTo(
                                java.time.Instant.parse(out.path("checkedInAt").asText()));

                // The same code again: the service refuses it as replayed, naming the code, and nothing changes.
                phone.browser.driver().get(checkOut);
                WebElement refused = phone.el("check-in-problem");
                assertThat(refused.getAttribute("data-status")).isEqualTo("409");
                assertThat(refused.getAttribute("data-field")).isEqualTo("code");
                assertThat(attendanceOf("volunteer-1", activityId, signUpId)
                                .path("checkedOutAt")
                                .asText())
                        .isEqualTo(out.path("checkedOutAt").asText());
            }

            // Back on the activities tab, the sign-up shows its attendance.
            phone.click("check-in-back");
            phone.browser
                    .waiting(PortalPages.WAIT)
                    .until(
                            d -> d
                                    .findElements(By.cssSelector(
                                            "[data-test=my-sign-up][data-sign-up-id='" + signUpId + "']"))
                                    .stream()
                                    .anyMatch(e -> "CHECKED_OUT".equals(e.getAttribute("data-stage"))));
        }
    }

    @Test
    @Order(10)
    void aVolunteerAsksForACertificateOnThePhoneAndReadsTheMessageItBrings() {
        String volunteer = accounts.get("volunteer-1")[2];
        String station = accounts.get("station-1")[2];
        // Hours to certify, logged by the station's staff as they log them by hand (手工补录).
        postAs(
                "station-1",
                "volunteer-service",
                "/volunteers/" + volunteer + "/hours",
                "{\"minutes\":150,\"servedOn\":\""
                        + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                                .minusDays(1)
                        + "\",\"stationId\":\"" + station + "\"}");
        java.util.Set<String> before = new java.util.HashSet<>(certificateCodes(volunteer));

        try (PortalPages phone = signedIn("volunteer-1", "/volunteer", PortalPages.PHONE)) {
            phone.tab(5);
            phone.el("certificate-form");
            phone.click("certificate-issue");
            WebElement issued = phone.browser
                    .waiting(PortalPages.WAIT)
                    .until(d -> d.findElements(PortalPages.test("certificate")).stream()
                            .filter(e -> !before.contains(e.getAttribute("data-code")))
                            .findFirst()
                            .orElse(null));
            String code = issued.getAttribute("data-code");
            assertThat(certificateCodes(volunteer)).as("the service holds it").contains(code);
            assertThat(issued.findElement(PortalPages.test("certificate-verify"))
                            .getAttribute("href"))
                    .endsWith("/verify/" + code);
            phone.assertAccessible("volunteer: certificates (phone)");
            phone.screenshot("volunteer-certificates-phone");

            // notification-service tells them it is ready (from CertificateIssued), in the app.
            JsonNode ready = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> notificationOf("volunteer-1", "CERTIFICATE_READY", code), n -> !n.isMissingNode());
            assertThat(ready.path("readAt").isTextual()).as("unread").isFalse();
            phone.go("/volunteer");
            phone.browser
                    .waiting(PortalPages.WAIT)
                    .until(d -> d.findElements(PortalPages.test("inbox-tab")).stream()
                            .anyMatch(e -> e.getAttribute("data-unread").matches("[1-9]\\d*")));
            phone.click("inbox-tab");
            By message = By.cssSelector(
                    "[data-test=notification][data-id='" + ready.path("id").asText() + "']");
            WebElement shown = phone.browser
                    .waiting(PortalPages.WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(message));
            assertThat(shown.getAttribute("data-kind")).isEqualTo("CERTIFICATE_READY");
            assertThat(shown.getAttribute("data-read")).isEqualTo("false");
            phone.assertAccessible("volunteer: messages (phone)");
            phone.screenshot("volunteer-messages-phone");
            phone.click(shown);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> notificationOf("volunteer-1", "CERTIFICATE_READY", code)
                            .path("readAt")
                            .isTextual());
        }
    }

    @Test
    @Order(11)
    void aVenueQrOpenedSignedOutComesBackToTheCheckInAfterSigningIn() {
        // A code of the venue codes' shape (base64url payload, a dot, base64url signature) that the service never
        // signed.
        String forged = "A".repeat(84) + "." + "B".repeat(43);
        String path = "/volunteer/check-in?activity=" + java.util.UUID.randomUUID() + "&kind=CHECK_IN&code=" + forged;
        try (PortalPages phone = new PortalPages(portal, hub.issuer(), PortalPages.PHONE)) {
            phone.signInFrom(path, "volunteer-1", hub.password("volunteer-1"));
            // Back on the check-in page, which posts the code: the service refuses a forged one, and the page says so.
            WebElement refused = phone.el("check-in-problem");
            assertThat(refused.getAttribute("data-status")).matches("4\\d\\d");
            assertThat(phone.browser.driver().getCurrentUrl()).isEqualTo(portal + path);
            phone.assertNoTokenInPage();
        }
    }

    /**
     * Volunteers register themselves (issue 15), on the phone: a new person opens the portal, is sent to the issuer's
     * sign-in page, follows its link to the sign-up page (志愿者注册), signs up, is back on the sign-in page with the
     * username filled in, signs in and lands on the volunteer's phone page (the authorization request the portal made
     * went on). On 我的 Me they register their real-name details with an ID number of someone aged 64: the page shows
     * the age and the young-old flag (低龄老人) the service derived from it. They sign up for an activity with free
     * places on 活动, withdraw it (a second tap), and erase their account on 我的 Me after its confirm. Then through
     * the services' APIs: the record had the derived flag, the sign-up is withdrawn, volunteer-service no longer knows
     * them (404). Right after the erasure the page asked the issuer to close the sign-in account, said so and signed
     * out: the issuer refuses the account's sign-in and keeps neither its name nor its volunteer id.
     */
    @Test
    @Order(12)
    void aNewPersonSignsUpAsAVolunteerRegistersSignsUpWithdrawsAndErasesTheirAccountOnThePhone() {
        String username = "newcomer-" + Long.toString(System.nanoTime(), 36);
        String password = "serve-the-street-" + java.util.UUID.randomUUID();
        String community = accounts.get("community-1")[2];
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String idNumber = idNumber(today.minusYears(64).minusDays(30));
        String mobile = "139"
                + String.format(
                        "%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
        JsonNode activity =
                publishActivity("station-1", "门户测试 新志愿者邻里节 Portal newcomers' festival", Duration.ofDays(80), 3);
        String activityId = activity.path("id").asText();

        String volunteerId;
        try (PortalPages phone = new PortalPages(portal, hub.issuer(), PortalPages.PHONE)) {
            phone.openSignUp();
            phone.assertAccessible("issuer: volunteer sign-up (phone)");
            phone.screenshot("volunteer-sign-up-phone");
            phone.signUpHere(username, "新志愿者 林 Newcomer Lin", password);
            assertThat(phone.browser
                            .driver()
                            .findElement(By.cssSelector("[role=status]"))
                            .getText())
                    .as("in the browser's language: Chromium here asks for English, so English alone")
                    .contains("Signed up: please sign in");
            assertThat(phone.browser.driver().findElement(By.id("username")).getDomProperty("value"))
                    .as("the sign-in page fills in the new username")
                    .isEqualTo(username);
            phone.signInHere(username, password);
            phone.browser.waiting(PortalPages.WAIT).until(d -> d.getCurrentUrl().startsWith(portal + "/volunteer"));
            phone.el("volunteer");
            phone.assertNoTokenInPage();
            hub.remember(username, password);
            volunteerId = accountVolunteerId(username);
            assertThat(volunteerId).matches("[0-9a-f-]{36}");

            // 我的 Me: not registered yet, so the real-name form.
            phone.tab(5);
            phone.el("registration-form");
            phone.type("reg-name", "林晓梅");
            phone.type("reg-id-number", idNumber);
            phone.type("reg-phone", mobile);
            phone.browser
                    .waiting(PortalPages.WAIT)
                    .until(d -> !d.findElements(
                                    By.cssSelector("[data-test=reg-community] option[value='" + community + "']"))
                            .isEmpty());
            phone.choose("reg-community", community);
            phone.type("reg-district", "110112");
            phone.click("reg-submit");
            phone.el("self-details");
            assertThat(phone.el("self-age").getText()).isEqualTo("64");
            assertThat(phone.el("self-young-old").getText()).containsAnyOf("低龄老人", "Young-old");
            phone.assertAccessible("volunteer: registered on Me (phone)");
            phone.screenshot("volunteer-registered-phone");
            JsonNode me = hub.getAs(username, "volunteer-service", "/volunteers/me");
            assertThat(me.path("id").asText()).isEqualTo(volunteerId);
            assertThat(me.path("age").asInt()).isEqualTo(64);
            assertThat(me.path("youngOld").asBoolean()).as(me.toString()).isTrue();
            assertThat(me.path("communityId").asText()).isEqualTo(community);

            // 活动: signs up for the activity, then withdraws (the second tap confirms).
            String signUpId = signUpOnThePhone(phone, activityId, 3);
            assertThat(signUpOf(username, volunteerId, activityId)
                            .path("status")
                            .asText())
                    .isEqualTo("CONFIRMED");
            String mySignUp = "[data-test=my-sign-up][data-sign-up-id='" + signUpId + "']";
            By mine = By.cssSelector(mySignUp);
            phone.click(phone.browser
                    .waiting(PortalPages.WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector(mySignUp + " [data-test=my-sign-up-withdraw]"))));
            phone.click(phone.browser
                    .waiting(PortalPages.WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector(mySignUp + " [data-test=my-sign-up-withdraw-confirm]"))));
            phone.browser
                    .waiting(PortalPages.WAIT)
                    .until(d -> d.findElements(mine).stream()
                            .anyMatch(e -> "WITHDRAWN".equals(e.getAttribute("data-stage"))));
            JsonNode withdrawn = signUpOf(username, volunteerId, activityId);
            assertThat(withdrawn.path("id").asText()).isEqualTo(signUpId);
            assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");

            // 我的 Me: erase the account, after the confirm.
            phone.tab(5);
            phone.click("erase-ask");
            assertThat(phone.el("erase-confirm-text").getText()).containsAnyOf("不能撤销", "cannot be undone");
            phone.click("erase-confirm");
            // The page then asks the issuer to close the sign-in account (DELETE /api/issuer/accounts/me), says so
            // and signs out: no real-name form to fill in again.
            WebElement closed = phone.el("account-closed");
            assertThat(closed.getDomAttribute("data-closed"))
                    .as(closed.getText())
                    .isEqualTo("closed");
            assertThat(phone.el("account-closed-text").getText()).containsAnyOf("登录账号也已关闭", "sign-in account closed");
            assertThat(phone.all("registration-form")).isEmpty();
            assertThat(phone.all("self-details")).as("no details left to show").isEmpty();
            phone.click("account-closed-sign-out");
            phone.browser
                    .waiting(PortalPages.WAIT)
                    .withMessage("signed out at the portal and at the issuer (not stopped at its end-session endpoint)")
                    .until(d -> d.getCurrentUrl().startsWith(hub.issuer() + "/login")
                            || d.getCurrentUrl().equals(portal + "/"));
        }

        // volunteer-service: the volunteer is erased (404 to themself and to the hub admin), the sign-up stays
        // withdrawn.
        assertThat(statusOf(username, "volunteer-service", "/volunteers/me")).isEqualTo(404);
        assertThat(hub.send(
                                "volunteer-service",
                                HttpRequest.newBuilder(URI.create(hub.url(
                                        "volunteer-service",
                                        "/volunteers/" + volunteerId + "?reason="
                                                + java.net.URLEncoder.encode(
                                                        "门户测试 portal test", java.nio.charset.StandardCharsets.UTF_8)))))
                        .statusCode())
                .as("the hub admin's read")
                .isEqualTo(404);
        JsonNode signUps = hub.getAs("station-1", "volunteer-service", "/activities/" + activityId + "/sign-ups");
        assertThat(signUps.size()).as(signUps.toString()).isEqualTo(1);
        assertThat(signUps.get(0).path("volunteerId").asText()).isEqualTo(volunteerId);
        assertThat(signUps.get(0).path("status").asText()).isEqualTo("WITHDRAWN");
        // The issuer: the sign-in account is closed, no longer signs in, and keeps neither the name nor the volunteer
        // id.
        hub.forgetSignIn(username);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hub.signIn(username))
                .isInstanceOf(org.wushe.hub.stack.OidcClient.SignInFailed.class);
        JsonNode account = hub.get("auth-service", "/accounts/" + username);
        assertThat(account.path("enabled").asBoolean()).as(account.toString()).isFalse();
        assertThat(account.path("displayName").asText()).isEmpty();
        assertThat(account.path("roles").size()).isZero();
        assertThat(account.path("tenancy").size()).isZero();
    }

    /** The volunteer id the account's token carries. */
    private String accountVolunteerId(String username) {
        return org.wushe.hub.stack.OidcClient.claims(hub.signIn(username))
                .path("volunteer_id")
                .asText();
    }

    /** The status of a GET as the account {@code username}. */
    private int statusOf(String username, String service, String path) {
        return hub.send(
                        service,
                        HttpRequest.newBuilder(URI.create(hub.url(service, path)))
                                .GET()
                                .header("Accept", "application/json")
                                .header("Authorization", hub.bearer(username)))
                .statusCode();
    }

    /** A made-up resident ID number (GB 11643: area, birth date, sequence, the ISO 7064 MOD 11-2 check character). */
    static String idNumber(java.time.LocalDate birth) {
        String first17 = "110112" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format(
                        "%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /**
     * An activity with one position of {@code places}, published by the station of the sample account {@code staff}
     * through volunteer-service's API (the sample town has none to spare), starting {@code ahead} from now.
     */
    private JsonNode publishActivity(String staff, String title, Duration ahead, int places) {
        java.time.Instant starts = java.time.Instant.now().plus(ahead).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        JsonNode activity = postAs(
                staff,
                "volunteer-service",
                "/activities",
                "{\"kind\":\"NEIGHBOURHOOD_FESTIVAL\",\"title\":\"" + title + "\",\"description\":\"门户测试 portal test\","
                        + "\"startsAt\":\"" + starts + "\",\"endsAt\":\"" + starts.plus(Duration.ofHours(3)) + "\","
                        + "\"positions\":[{\"duty\":\"引导签到 Usher\",\"places\":" + places + "}]}");
        assertThat(activity.path("publisher").path("id").asText()).isEqualTo(accounts.get(staff)[2]);
        return activity;
    }

    /**
     * On the phone's 活动 tab: the activity's card shows its free places; a tap signs up for its position, and the page
     * shows the sign-up confirmed. The sign-up's id.
     */
    private static String signUpOnThePhone(PortalPages phone, String activityId, int places) {
        phone.tab(1);
        WebElement card = phone.browser
                .waiting(PortalPages.WAIT)
                .until(
                        d -> d
                                .findElements(
                                        By.cssSelector("[data-test=activity][data-activity-id='" + activityId + "']"))
                                .stream()
                                .findFirst()
                                .orElse(null));
        assertThat(card.findElement(PortalPages.test("position-places")).getText())
                .contains(Integer.toString(places));
        phone.click(card.findElement(PortalPages.test("position-sign-up")));
        By mine = By.cssSelector("[data-test=my-sign-up][data-activity-id='" + activityId + "']");
        phone.browser
                .waiting(PortalPages.WAIT)
                .until(d ->
                        d.findElements(mine).stream().anyMatch(e -> "CONFIRMED".equals(e.getAttribute("data-stage"))));
        return phone.browser.driver().findElement(mine).getAttribute("data-sign-up-id");
    }

    private java.util.List<String> certificateCodes(String volunteer) {
        return hub.getAs("volunteer-1", "volunteer-service", "/volunteers/" + volunteer + "/certificates")
                .findValuesAsText("code");
    }

    /** The caller's notification of {@code kind} whose link names {@code about}, or a missing node. */
    private JsonNode notificationOf(String username, String kind, String about) {
        for (JsonNode n : hub.getAs(username, "notification-service", "/notifications/me?size=50")
                .path("items")) {
            if (kind.equals(n.path("kind").asText()) && n.path("link").asText().contains(about)) {
                return n;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The desk's 签到码 tab shows the activity's current code of that kind as a QR code; the URL it encodes. */
    private static String venueUrl(PortalPages desk, String activityId, String kind) {
        desk.choose("codes-activity", activityId);
        desk.choose("codes-kind", kind);
        desk.click("codes-show");
        WebElement shown = desk.browser
                .waiting(PortalPages.WAIT)
                .until(d -> d.findElements(PortalPages.test("codes-shown")).stream()
                        .filter(e -> e.isDisplayed() && kind.equals(e.getAttribute("data-kind")))
                        .findFirst()
                        .orElse(null));
        assertThat(shown.getAttribute("data-activity-id")).isEqualTo(activityId);
        // The QR code is drawn: the canvas holds dark modules, not a blank box.
        Object dark = ((org.openqa.selenium.JavascriptExecutor) desk.browser.driver())
                .executeScript(
                        "const c = arguments[0]; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                                + " let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 100) n++; return n;",
                        shown.findElement(PortalPages.test("codes-qr")));
        assertThat(((Number) dark).longValue()).as("dark pixels of the QR code").isGreaterThan(1000);
        String url = shown.findElement(PortalPages.test("codes-link")).getAttribute("href");
        assertThat(url)
                .contains("/volunteer/check-in?")
                .contains("activity=" + activityId)
                .contains("kind=" + kind);
        return url;
    }

    private JsonNode signUpOf(String username, String volunteerId, String activityId) {
        for (JsonNode s : hub.getAs(username, "volunteer-service", "/volunteers/" + volunteerId + "/sign-ups")) {
            if (s.path("activityId").asText().equals(activityId)) {
                return s;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private JsonNode attendanceOf(String username, String activityId, String signUpId) {
        return hub.getAs(
                username, "volunteer-service", "/activities/" + activityId + "/sign-ups/" + signUpId + "/attendance");
    }

    /** POST answering 201 with JSON as a sample account, or the test fails with the body. */
    private JsonNode postAs(String username, String service, String path, String json) {
        HttpResponse<String> r = hub.send(
                service,
                HttpRequest.newBuilder(URI.create(hub.url(service, path)))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Authorization", hub.bearer(username))
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(r.statusCode())
                .as("POST " + service + path + " as " + username + ": " + r.body())
                .isEqualTo(201);
        return HubProcess.readTree(r.body());
    }

    private JsonNode assignment(String username, String[] match) {
        for (JsonNode a : hub.getAs(username, "volunteer-service", "/volunteers/" + match[1] + "/assignments")) {
            if (a.path("matchId").asText().equals(match[0])) {
                return a;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** A volunteer's sign-in account, made by the hub admin at the issuer as the sample town makes its own. */
    private void account(String username, String volunteerId) {
        String password = "volunteer-" + java.util.UUID.randomUUID();
        hub.remember(username, password);
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"displayName\":\"志愿者 "
                + username + "\",\"roles\":[\"volunteer\"],\"tenancy\":{\"volunteer_id\":\"" + volunteerId + "\"}}";
        HttpResponse<String> r = hub.send(
                "auth-service",
                HttpRequest.newBuilder(URI.create(hub.url("auth-service", "/accounts")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    }
}

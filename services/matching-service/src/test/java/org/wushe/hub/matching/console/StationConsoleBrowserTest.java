package org.wushe.hub.matching.console;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.wushe.hub.events.common.Availability;
import org.wushe.hub.events.common.DayOfWeek;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.WeeklySlot;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.matching.readmodel.ReadModel;
import org.wushe.hub.matching.support.HubServices;
import org.wushe.hub.matching.support.HubServices.CommunityPlace;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.place.CoarsePlaces;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.testing.Browser;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.ServiceProcess;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The station console (站点工作台) end to end, nothing mocked: this matching service on the real
 * embedded stack, community-service running from its exec jar as a child JVM, a volunteer registered
 * through the volunteer outbox, and the console in a real headless Chromium. A need posted to
 * community-service's API travels NeedPublished → Kafka → the engine → MatchProposed → the station's
 * Server-Sent Event stream → a card on the page; accepting it on the page puts MatchAccepted on
 * {@code wushe.matching.match}, which community-service consumes.
 *
 * <p>Signing in: the console signs in by OAuth2 authorization code with PKCE against the issuer named by
 * {@code /console/auth.json}; no issuer runs here (none is configured, which the page says), so each test
 * puts a station staff token ({@link TestTokens}, verified by the service like the issuer's) into the
 * tab's sessionStorage under {@value #TOKEN_KEY} as a finished sign-in leaves it, then loads the page: the
 * page must send it on every call (and in the stream's address) to see anything, and shows the station
 * and the signed-in subject from it.
 *
 * <p>It shares the Spring context of the other matching tests ({@link MatchingScenario}, nothing added):
 * a second context would join the {@code matching-service} consumer group too, take half the partitions
 * and leave each context's in-memory engine with half the volunteers. Its places are in central
 * Beijing (geohash {@code wx4g0b}), over 20 km from the other tests' town, so neither sees the
 * other's volunteers. Needs are URGENT, so they are proposed at once (no batch).
 */
class StationConsoleBrowserTest extends MatchingScenario {

    static final Duration PROPOSAL_WAIT = Duration.ofSeconds(30);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String STAFF = "sw-wang";
    /** Where the console keeps its access token (documented in console.js). */
    static final String TOKEN_KEY = "wushe.console.token";
    /** The codes of Liyuan town, Tongzhou (district 110112, street 110112104); the cell (central Beijing) of every place here. */
    static final String GEOHASH = "wx4g0b";
    private static final AtomicInteger NAMES = new AtomicInteger();

    static ServiceProcess community;
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start("The station console's browser test");
        community = HubServices.startCommunity();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (community != null) {
            community.close();
        }
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    ReadModel readModel;

    @AfterEach
    void keepWhatTheBrowserShowed(TestInfo test) {
        String name = test.getTestMethod().map(m -> m.getName()).orElse("test");
        browser.screenshot(Path.of("target", "console-" + name + "-last.png"));
        browser.saveConsoleLog(Path.of("target", "console-browser.log"));
    }

    @Test
    void aNeedPostedToCommunityServiceAppearsLiveAndIsAcceptedFromTheConsole() {
        CommunityPlace place = communityWithStation();
        UUID volunteer = registerVolunteer(place.community(), Skill.HOME_REPAIR, Skill.ELECTRICAL);
        awaitKnownToMatching(place, volunteer);

        // Without a token the page shows nothing of any station and says it cannot sign in by itself here.
        openSignedOut("/console/");
        assertThat(browser.testId("signin-message").getText()).contains("未配置登录服务").contains("No sign-in service is configured");
        assertThat(browser.testId("account").isDisplayed()).isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid^=\"proposal-\"][data-match-id]"))).isEmpty();

        // Signed in as the station's staff: the station comes from the token's station_id, the page names who is signed in.
        openConsole("/console/", staffOf(place.station()));
        assertThat(new Select(browser.testId("station-select")).getFirstSelectedOption().getText()).contains(place.stationName());
        assertThat(browser.testId("signed-in-subject").getText()).isEqualTo(STAFF);
        assertThat(browser.testId("account").getText()).contains("站点工作人员 station staff").contains("退出");
        assertThat(browser.testId("signin").isDisplayed()).isFalse();

        String title = "门锁坏了需要上门维修 Door lock broken " + NAMES.incrementAndGet();
        Instant start = tomorrowAt(10);
        JsonNode need = postNeed(place, title, "HOME_REPAIR", List.of("HOME_REPAIR"), start, start.plus(Duration.ofHours(1)));
        UUID needId = UUID.fromString(need.get("id").asText());

        WebElement card = awaitProposalCard(title);
        String matchId = card.getDomAttribute("data-match-id");
        assertThat(browser.testId("title-" + matchId).getText()).isEqualTo(title);
        assertThat(card.getText()).contains("加急 URGENT", "上门维修 Home repair", "志愿者 Volunteer", volunteer.toString().substring(0, 8));

        // The card shows the engine's explanation, component by component, in Chinese with English below.
        JsonNode proposed = matching().get("/matches/" + matchId).json();
        assertThat(proposed.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(proposed.get("needId").asText()).isEqualTo(needId.toString());
        assertThat(proposed.get("candidate").get("id").asText()).isEqualTo(volunteer.toString());
        JsonNode explanation = proposed.get("explanation");
        assertThat(explanation.size()).isPositive();
        String explained = browser.testId("explanation-" + matchId).getText();
        for (JsonNode component : explanation) {
            assertThat(explained).contains(component.get("textZh").asText().strip(), component.get("textEn").asText().strip());
        }
        int percent = (int) Math.round(proposed.get("score").asDouble() * 100);
        assertThat(browser.testId("score-" + matchId).getText()).isEqualTo(percent + "%");
        assertThat(browser.testId("window-" + matchId).getText()).contains("10:00–11:00");
        // New cards flash briefly; the screenshot shows the card at rest.
        browser.waiting(Duration.ofSeconds(10)).until(d -> !card.getDomAttribute("class").contains("fresh"));
        browser.screenshot(Path.of("target", "console.png"));

        browser.testId("accept-" + matchId).click();

        browser.waiting(WAIT).until(d -> browser.byTestId("accepted-" + matchId).isPresent()
                && browser.byTestId("proposal-" + matchId).isEmpty());
        assertThat(browser.testId("status-" + matchId).getText()).contains("已接受");
        assertThat(browser.testId("accepted-" + matchId).getText()).contains(title, STAFF);
        browser.screenshot(Path.of("target", "console-accepted.png"));

        JsonNode accepted = matching().get("/matches/" + matchId).json();
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("decidedBy").asText()).isEqualTo(STAFF);

        MatchAccepted event = only(matchEvents(UUID.fromString(matchId), has(MatchAccepted.class)), MatchAccepted.class);
        assertThat(event.getNeedId()).isEqualTo(needId);
        assertThat(event.getStationId()).isEqualTo(place.station());
        assertThat(event.getVolunteerId()).isEqualTo(volunteer);

        // community-service consumes MatchAccepted and moves its need to ACCEPTED.
        await().atMost(WAIT).untilAsserted(() -> assertThat(HubServices.needStatus(community.http(), place, needId))
                .as("need status in community-service").isEqualTo("ACCEPTED"));

        // Done: staff record the service from the accepted list.
        browser.testId("complete-" + matchId).click();
        WebElement minutes = browser.testId("complete-minutes-" + matchId);
        minutes.clear();
        minutes.sendKeys("50");
        browser.testId("complete-submit-" + matchId).click();
        browser.waiting(WAIT).until(d -> browser.testId("status-" + matchId).getText().contains("已完成"));
        assertThat(browser.byTestId("complete-" + matchId)).isEmpty();
        JsonNode completed = matching().get("/matches/" + matchId).json();
        assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.get("serviceMinutes").asInt()).isEqualTo(50);

        // The need's history, from the accepted match: every step, who took it, as text.
        await().atMost(WAIT).until(() -> matching().get("/needs/" + needId + "/history").json().get("events").size() >= 4);
        browser.testId("history-" + matchId).click();
        browser.waiting(WAIT).until(d -> browser.testId("history-list").findElements(By.cssSelector("[data-testid=history-entry]")).size() >= 4);
        WebElement panel = browser.testId("history-panel");
        assertThat(browser.testId("history-title").getText()).isEqualTo(title);
        List<String> summaries = panel.findElements(By.cssSelector("[data-testid=history-summary]")).stream().map(WebElement::getText).toList();
        assertThat(summaries.get(0)).startsWith("需求发布：上门维修");
        assertThat(summaries).anySatisfy(x -> assertThat(x).startsWith("提出匹配：志愿者 " + volunteer.toString().substring(0, 8)))
                .anySatisfy(x -> assertThat(x).startsWith("接受匹配"))
                .anySatisfy(x -> assertThat(x).startsWith("服务完成：50 分钟"));
        assertThat(panel.findElements(By.cssSelector("[data-testid=history-actor]")).stream().map(WebElement::getText).toList())
                .contains(STAFF);
        browser.screenshot(Path.of("target", "console-history.png"));
        browser.testId("history-close").click();
        assertThat(panel.isDisplayed()).isFalse();
    }

    @Test
    void aTitleHoldingMarkupIsShownAsTextAndProblemsFromTheApiAreShownInPlainWords() {
        CommunityPlace place = communityWithStation();
        // Gas safety only: this volunteer never fits the other test's home repair.
        UUID volunteer = registerVolunteer(place.community(), Skill.GAS_SAFETY);
        awaitKnownToMatching(place, volunteer);

        // The service's root sends staff on to the console, keeping the station named in the address.
        openConsole("/?station=" + place.station(), staffOf(place.station()));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/index.html?station=" + place.station());
        String title = "<script>alert(1)</script><img src=x onerror=alert(2)> 燃气管道检查 gas pipe check " + NAMES.incrementAndGet();
        Instant start = tomorrowAt(14);
        postNeed(place, title, "SAFETY_CHECK", List.of("GAS_SAFETY"), start, start.plus(Duration.ofHours(2)));

        WebElement card = awaitProposalCard(title);
        String matchId = card.getDomAttribute("data-match-id");
        assertThat(browser.testId("title-" + matchId).getText()).isEqualTo(title);
        assertThat(card.findElements(By.tagName("script"))).isEmpty();
        assertThat(card.findElements(By.tagName("img"))).isEmpty();
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

        browser.size(Browser.PHONE);
        browser.screenshot(Path.of("target", "console-phone.png"));
        browser.size(Browser.DESKTOP);

        // Decline with a note holding a phone number: the API refuses, the card says why in plain words.
        browser.testId("decline-" + matchId).click();
        new Select(browser.testId("decline-reason-" + matchId)).selectByValue("TOO_FAR");
        browser.testId("decline-note-" + matchId).sendKeys("请联系 13912345678");
        browser.testId("decline-submit-" + matchId).click();
        browser.waiting(WAIT).until(d -> browser.testId("error-" + matchId).getText().contains("备注不得包含电话或身份证号"));
        assertThat(browser.testId("error-" + matchId).getText()).contains("备注 Note");
        assertThat(matching().get("/matches/" + matchId).json().get("status").asText()).isEqualTo("PROPOSED");

        WebElement note = browser.testId("decline-note-" + matchId);
        note.clear();
        note.sendKeys("志愿者住得太远 lives too far");
        browser.testId("decline-submit-" + matchId).click();
        browser.waiting(WAIT).until(d -> browser.byTestId("proposal-" + matchId).isEmpty());
        JsonNode declined = matching().get("/matches/" + matchId).json();
        assertThat(declined.get("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.get("declineReason").asText()).isEqualTo("TOO_FAR");
        assertThat(declined.get("decidedBy").asText()).isEqualTo(STAFF);

        // 退出 Sign out: the token is gone from the tab, the page shows nothing more of the station.
        browser.testId("sign-out").click();
        browser.waiting(WAIT).until(d -> browser.testId("signin").isDisplayed());
        assertThat(browser.testId("signin-message").getText()).contains("您已退出").contains("You have signed out");
        assertThat(browser.script("return sessionStorage.getItem(arguments[0])", TOKEN_KEY)).isNull();
        assertThat(browser.testId("account").isDisplayed()).isFalse();
        assertThat(browser.testId("proposals").findElements(By.cssSelector("[data-match-id]"))).isEmpty();
        assertThat(browser.testId("live-status").getDomAttribute("data-state")).isEqualTo("idle");
    }

    @Test
    void staffOfAnotherStationAreShownTheRefusalAndNoneOfTheStationsProposals() {
        CommunityPlace place = communityWithStation();
        CommunityPlace other = communityWithStation();
        // Smartphone lessons only: this volunteer never fits the other tests' needs.
        UUID volunteer = registerVolunteer(place.community(), Skill.DIGITAL_LITERACY);
        awaitKnownToMatching(place, volunteer);
        String title = "教老人用智能手机 smartphone lessons for an elder " + NAMES.incrementAndGet();
        Instant start = tomorrowAt(16);
        JsonNode need = postNeed(place, title, "TUTORING", List.of("DIGITAL_LITERACY"), start, start.plus(Duration.ofHours(1)));
        String matchId = awaitLiveMatch(UUID.fromString(need.get("id").asText())).get("matchId").asText();

        // The other station's staff open this station's console: the service refuses, the page says why in its words.
        openSignedIn("/console/index.html?station=" + place.station(), staffOf(other.station()));
        browser.waiting(WAIT).until(d -> "denied".equals(browser.testId("live-status").getDomAttribute("data-state")));
        WebElement banner = browser.testId("banner");
        assertThat(banner.isDisplayed()).isTrue();
        assertThat(banner.getText()).contains("无权访问 Forbidden", STAFF, place.station().toString(), "只能访问本人所属");
        assertThat(browser.testId("live-status").getText()).contains("无权访问");
        assertThat(browser.byTestId("proposal-" + matchId)).isEmpty();
        assertThat(browser.testId("proposals").findElements(By.cssSelector("[data-match-id]"))).isEmpty();
        browser.screenshot(Path.of("target", "console-forbidden.png"));

        // Their own station works as usual; this station's proposal is still open for its own staff.
        new Select(browser.testId("station-select")).selectByValue(other.station().toString());
        browser.waiting(WAIT).until(d -> "live".equals(browser.testId("live-status").getDomAttribute("data-state")));
        browser.waiting(WAIT).until(d -> !browser.testId("banner").isDisplayed());
        assertThat(matching().get("/matches/" + matchId).json().get("status").asText()).isEqualTo("PROPOSED");
    }

    // ---- fixtures -----------------------------------------------------------------------------

    /** A community with a community station under a street centre, registered through community-service's API. */
    CommunityPlace communityWithStation() {
        return HubServices.communityWithStation(community.http(), "大稿村", "wx4g0bm9k");
    }

    /** A volunteer living in the community's cell, free every day 08:00–20:00 (Beijing time), through the volunteer outbox. */
    UUID registerVolunteer(UUID communityId, Skill... skills) {
        UUID volunteer = UUID.randomUUID();
        List<WeeklySlot> slots = Arrays.stream(DayOfWeek.values()).filter(d -> d != DayOfWeek.UNKNOWN)
                .map(d -> WeeklySlot.newBuilder().setDay(d).setStart(LocalTime.of(8, 0)).setEnd(LocalTime.of(20, 0)).build())
                .toList();
        Upstream.volunteer(codec).publish(Aggregate.VOLUNTEER, volunteer, VolunteerRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setVolunteerId(volunteer)
                .setCommunityId(communityId)
                .setHomeArea(CoarsePlaces.of(HubServices.DISTRICT, HubServices.STREET, communityId, null, GEOHASH))
                .setSkills(List.of(skills))
                .setAvailability(Availability.newBuilder().setWeeklySlots(slots).build())
                .build());
        return volunteer;
    }

    /** Waits until matching has read the station (for the picker) and the volunteer (for the engine). */
    void awaitKnownToMatching(CommunityPlace place, UUID volunteer) {
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> known = new java.util.ArrayList<>();
            matching().get("/stations").json().forEach(s -> known.add(s.get("stationId").asText()));
            assertThat(known).contains(place.station().toString(), place.centre().toString());
            if (volunteer != null) {
                assertThat(readModel.volunteer(volunteer)).isPresent();
            }
        });
    }

    /** Station staff of {@code station}, signed in as {@value #STAFF}. */
    static String staffOf(UUID station) {
        return TestTokens.token(STAFF, Roles.STATION_STAFF, Roles.STATION_ID, station);
    }

    /** Opens {@code path} with no token in the tab: the page shows its sign-in panel. */
    void openSignedOut(String path) {
        browser.open(url("/console/auth.json"));
        browser.script("sessionStorage.clear()");
        browser.open(url(path));
        browser.waiting(WAIT).until(d -> browser.testId("signin").isDisplayed()
                && !browser.testId("signin-message").getText().contains("Going to sign in"));
    }

    /**
     * Opens {@code path} signed in with {@code token}: first a page of the service's origin (sessionStorage
     * is per origin and tab), the token put where a finished sign-in leaves it, then the console.
     */
    void openSignedIn(String path, String token) {
        browser.open(url("/console/auth.json"));
        browser.script("sessionStorage.clear(); sessionStorage.setItem(arguments[0], arguments[1])", TOKEN_KEY, token);
        browser.open(url(path));
    }

    /** Signed in with {@code token}, once the station's stream is live. */
    void openConsole(String path, String token) {
        openSignedIn(path, token);
        browser.waiting(WAIT).until(d -> "live".equals(browser.testId("live-status").getDomAttribute("data-state")));
        assertThat(browser.testId("live-status").getText()).contains("已连接");
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    JsonNode postNeed(CommunityPlace place, String title, String category, List<String> skills, Instant start, Instant end) {
        return HubServices.postNeed(community.http(), place, title, category, "URGENT", skills, GEOHASH, start, end, null);
    }

    /** The proposal card whose title is {@code title}, once the page shows it. */
    WebElement awaitProposalCard(String title) {
        return browser.waiting(PROPOSAL_WAIT).withMessage("a proposal card titled '" + title + "' on the console")
                .until(d -> d.findElements(By.cssSelector("[data-testid^=\"proposal-\"][data-match-id]")).stream()
                        .filter(c -> c.findElement(By.cssSelector("h3")).getText().equals(title))
                        .findFirst().orElse(null));
    }

    Http matching() {
        return http();
    }

    static Instant tomorrowAt(int hour) {
        return LocalDate.now(SHANGHAI).plusDays(1).atTime(hour, 0).atZone(SHANGHAI).toInstant();
    }
}

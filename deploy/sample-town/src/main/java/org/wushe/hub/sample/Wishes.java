package org.wushe.hub.sample;

import static org.wushe.hub.sample.SampleTown.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * 居民心愿 Residents who sign in (#19 item 2): in each community a few residents of the register get an account
 * {@code resident-1…} (role {@code resident}), linked to their record by that community's staff at the issuer
 * ({@code POST /accounts/residents}, signed in as {@code community-N}: the staff checked the real name; the issuer
 * generates the password, shown once, which goes to {@value SampleAccounts#PASSWORDS_FILE} beside the other sample
 * passwords). Each resident, signed in as themself, sends a micro-wish (微心愿) or asks for help, with their consent to
 * share it with helpers (one in five without it). The community's staff accept the wishes with consent as needs
 * (source MICRO_WISH, published to the matching service like any need) and decline the others with a reason the
 * resident reads. The sample's matches are not carried through to the end by anyone within the load, so for the first
 * accepted wish of each community the community's staff record the service done (MATCHED → ACCEPTED → IN_SERVICE →
 * FULFILLED, as a community that handed over the walking frame itself would); the resident rates those, most well, some
 * with two stars or fewer, which opens a follow-up visit (回访) for the station. Everything goes through the services'
 * public APIs with the people's own tokens (authorization code with PKCE through the issuer's sign-in page).
 */
final class Wishes {

    /** Residents with an account per community (fewer where the register has fewer flagged residents). */
    static final int PER_COMMUNITY = 2;

    /** What was made, for the summary line. */
    record Made(int accounts, int wishes, int accepted, int declined, int fulfilled, int rated, int followUps) {

        String describe() {
            return String.format(
                    "%d resident accounts (resident-1…), %d wishes: %d accepted as needs, %d declined; %d fulfilled and rated "
                            + "(%d with a follow-up visit)",
                    accounts, wishes, accepted, declined, fulfilled, followUps);
        }
    }

    private record Wish(String category, String title, String description, String unit) {}

    /** What residents wish for and ask help with: no names, phones or ID numbers (the service's screen would refuse them). */
    private static final List<Wish> WISHES = List.of(
            new Wish("DAILY_GOODS", "想要一个助行器", "腿脚不便，出门买菜想有个依靠", "PIECE"),
            new Wish("DAILY_GOODS", "冬天想要一床厚棉被", null, "PIECE"),
            new Wish("DAILY_GOODS", "孩子想要一套课外读物", "三年级，喜欢科普", "SET"),
            new Wish("DAILY_GOODS", "想要一台收音机听戏", null, "PIECE"),
            new Wish("HOME_REPAIR", "厨房水龙头漏水，请人帮忙修一下", "一直滴水，关不紧", null),
            new Wish("HOME_REPAIR", "楼道灯坏了，晚上看不清台阶", null, null),
            new Wish("HAIRCUT", "想请人上门理个发", "行动不便，下不了楼", null),
            new Wish("COMPANIONSHIP", "希望有人周末来陪我聊聊天", null, null),
            new Wish("ESCORT", "下周复查，想请人陪同去医院", "需要有人帮忙挂号取药", null),
            new Wish("OTHER", "想学用手机视频通话", "想和外地的孩子视频", null),
            new Wish("MEAL_ASSISTANCE", "做饭不方便，想了解助餐服务", null, null),
            new Wish("SAFETY_CHECK", "燃气灶打火有异味，想请人查一查", null, null));

    private static final String[] COMMENTS = {"服务很及时，谢谢志愿者", "东西很实用，非常感谢", "态度很好，下次还想请他们帮忙", "解决了大问题，谢谢社区", "挺好的", null
    };
    private static final String[] LOW_COMMENTS = {"等了很久才有人来", "东西不太合用", "约好的时间没来"};
    private static final String[] DECLINE_REASONS = {"未同意向服务者公开，社区工作人员会电话联系您当面了解", "已由社区直接办理，无需发布"};

    private final SampleTown.Endpoints api;
    private final Path dir;
    private final SignIns signIns;
    private final Http http = new Http();

    private Wishes(SampleTown.Endpoints api, Path dir) {
        this.api = api;
        this.dir = dir;
        this.signIns = new SignIns(api, dir, http);
    }

    /** After the sample accounts are made ({@code community-N} among them, passwords in {@code dir}). */
    static Made load(SampleTown.State state, SampleTown.Endpoints api, Path dir, Random r) {
        return new Wishes(api, dir).load(state, r);
    }

    private record Plan(
            int community,
            int number,
            SampleTown.ResidentRef resident,
            Wish wish,
            boolean consent,
            int stars,
            String comment) {}

    private Made load(SampleTown.State state, Random r) {
        // Who, what and how it is rated: all drawn here, in order, so the same seed makes the same wishes.
        List<List<Plan>> byCommunity = new ArrayList<>();
        int n = 0;
        int draws = 0;
        for (int c = 0; c < state.communities().size(); c++) {
            final int community = c;
            List<SampleTown.ResidentRef> here = state.residents().stream()
                    .filter(p -> p.community() == community)
                    .limit(PER_COMMUNITY)
                    .toList();
            List<Plan> plans = new ArrayList<>();
            for (SampleTown.ResidentRef p : here) {
                n++;
                draws++;
                Wish w = WISHES.get(r.nextInt(WISHES.size()));
                boolean consent = draws % 5 != 0;
                double x = r.nextDouble();
                int stars = x < 0.2 ? 1 + r.nextInt(2) : x < 0.45 ? 4 : 5;
                String comment = stars <= 2
                        ? LOW_COMMENTS[r.nextInt(LOW_COMMENTS.length)]
                        : COMMENTS[r.nextInt(COMMENTS.length)];
                plans.add(new Plan(community, n, p, w, consent, stars, comment));
            }
            byCommunity.add(plans);
        }

        ExecutorService pool = Executors.newFixedThreadPool(4, t -> {
            Thread thread = new Thread(t, "sample-town-wishes");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, String> linked =
                new java.util.concurrent.ConcurrentSkipListMap<>((a, b) -> Integer.compare(number(a), number(b)));
        Map<String, String> residentOf = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger wishes = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger declined = new AtomicInteger();
        AtomicInteger fulfilled = new AtomicInteger();
        AtomicInteger rated = new AtomicInteger();
        AtomicInteger followUps = new AtomicInteger();
        try {
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (List<Plan> plans : byCommunity) {
                if (plans.isEmpty()) {
                    continue;
                }
                work.add(CompletableFuture.runAsync(
                        () -> {
                            SampleTown.CommunityRef community =
                                    state.communities().get(plans.get(0).community());
                            String staff =
                                    signIns.token("community-" + (plans.get(0).community() + 1));
                            boolean fulfilledOne = false;
                            for (Plan p : plans) {
                                String username = "resident-" + p.number();
                                JsonNode link = http.call(
                                        "POST",
                                        api.auth() + "/accounts/residents",
                                        staff,
                                        body(
                                                "username",
                                                username,
                                                "displayName",
                                                "居民 " + p.number() + " Resident",
                                                "residentId",
                                                p.resident().id(),
                                                "communityId",
                                                community.id()));
                                String password = link.path("password").asText();
                                signIns.add(username, password);
                                linked.put(username, password);
                                residentOf.put(username, p.resident().id());
                                String resident = signIns.token(username);
                                JsonNode wish = http.call(
                                        "POST",
                                        api.community() + "/residents/me/wishes",
                                        resident,
                                        body(
                                                "category",
                                                p.wish().category(),
                                                "title",
                                                p.wish().title(),
                                                "description",
                                                p.wish().description(),
                                                "consentToShare",
                                                p.consent()));
                                wishes.incrementAndGet();
                                String wishId = wish.path("id").asText();
                                if (!p.consent()) {
                                    http.call(
                                            "POST",
                                            api.community() + "/wishes/" + wishId + "/decline",
                                            staff,
                                            body("reason", DECLINE_REASONS[0]));
                                    declined.incrementAndGet();
                                    continue;
                                }
                                JsonNode decided = http.call(
                                        "POST",
                                        api.community() + "/wishes/" + wishId + "/accept",
                                        staff,
                                        body(
                                                "stationId", community.stationId(),
                                                "urgency",
                                                        p.wish().category().equals("HOME_REPAIR")
                                                                        || p.wish()
                                                                                .category()
                                                                                .equals("SAFETY_CHECK")
                                                                ? "SOON"
                                                                : "ROUTINE",
                                                "beneficiaryGroup",
                                                        p.resident().group() == null
                                                                ? "ALL_RESIDENTS"
                                                                : p.resident().group(),
                                                "quantity",
                                                        p.wish().unit() == null
                                                                ? null
                                                                : body(
                                                                        "amount",
                                                                        1,
                                                                        "unit",
                                                                        p.wish().unit())));
                                accepted.incrementAndGet();
                                if (fulfilledOne) {
                                    continue;
                                }
                                String needId = decided.path("needId").asText();
                                if (fulfil(staff, needId)) {
                                    fulfilledOne = true;
                                    fulfilled.incrementAndGet();
                                    JsonNode rating = http.call(
                                            "POST",
                                            api.community() + "/residents/me/needs/" + needId + "/rating",
                                            resident,
                                            body("stars", p.stars(), "comment", p.comment()));
                                    rated.incrementAndGet();
                                    if (!rating.path("followUp").isMissingNode()
                                            && !rating.path("followUp").isNull()) {
                                        followUps.incrementAndGet();
                                    }
                                }
                            }
                        },
                        pool));
            }
            Rest.all(work);
        } finally {
            pool.shutdownNow();
            // Whatever was linked goes to the files, even when a later step failed: those accounts exist at the issuer.
            record(linked, residentOf);
        }
        return new Made(
                linked.size(),
                wishes.get(),
                accepted.get(),
                declined.get(),
                fulfilled.get(),
                rated.get(),
                followUps.get());
    }

    /**
     * The community's staff record the accepted wish's need done, step by step from wherever it stands (the matching
     * service may have proposed it meanwhile). False when it ended otherwise (cancelled, expired) or would not move.
     */
    private boolean fulfil(String staff, String needId) {
        for (int attempt = 0; attempt < 12; attempt++) {
            String status = http.call("GET", api.community() + "/needs/" + needId, staff, null)
                    .path("status")
                    .asText();
            String next = switch (status) {
                case "PUBLISHED" -> "MATCHED";
                case "MATCHED" -> "ACCEPTED";
                case "ACCEPTED" -> "IN_SERVICE";
                case "IN_SERVICE" -> "FULFILLED";
                default -> null;
            };
            if ("FULFILLED".equals(status)) {
                return true;
            }
            if (next == null) {
                return false;
            }
            http.tryCall("POST", api.community() + "/needs/" + needId + "/status", staff, body("status", next));
        }
        return false;
    }

    private static int number(String username) {
        return Integer.parseInt(username.substring(username.lastIndexOf('-') + 1));
    }

    // ---------------------------------------------------------------- files

    static Map<String, String> readPasswords(Path file) {
        Map<String, String> out = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.strip().split(" ", 2);
                if (!line.startsWith("#") && f.length == 2 && !f[1].startsWith("(")) {
                    out.put(f[0], f[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    /** The residents' accounts beside the others: their passwords appended to the 0600 file, the accounts to accounts.txt. */
    private void record(Map<String, String> linked, Map<String, String> residentOf) {
        if (linked.isEmpty()) {
            return;
        }
        StringBuilder pw = new StringBuilder();
        StringBuilder accounts = new StringBuilder();
        linked.forEach((username, password) -> {
            pw.append(username).append(' ').append(password).append('\n');
            accounts.append(String.format(
                    "%-14s %-20s %s=%s  %s%n",
                    username,
                    "resident",
                    "resident_id",
                    residentOf.get(username),
                    "居民 " + number(username) + " Resident"));
        });
        try {
            // Appending keeps the file's mode (0600, set when SampleAccounts wrote it).
            Files.writeString(
                    dir.resolve(SampleAccounts.PASSWORDS_FILE), pw, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.writeString(dir.resolve("accounts.txt"), accounts, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the residents' accounts to " + dir, e);
        }
    }

    /**
     * JSON calls with a person's bearer token, and a person's sign-in as a browser walks it: the authorization request
     * with a PKCE challenge, the issuer's sign-in form (its CSRF field), the code back at the redirect URI, exchanged
     * with the verifier (as {@code OidcClient} of the embedded stack does, which this module does not depend on).
     */
    static final class Http {
        private static final Duration TIMEOUT = Duration.ofSeconds(30);
        private static final Pattern CSRF = Pattern.compile("name=\"(_csrf)\" value=\"([^\"]*)\"");
        private static final SecureRandom RANDOM = new SecureRandom();
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private volatile JsonNode discovery;

        JsonNode call(String method, String url, String token, Object body) {
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> r = send(method, url, token, body);
                int status = r.statusCode();
                if (status / 100 == 2) {
                    return parse(r.body());
                }
                boolean retry = status == 503
                        || status == 502
                        || (status == 409 && r.body().contains("concurrently"));
                if (!retry || attempt >= 6) {
                    throw new Rest.Refused(
                            method + " " + url + " answered " + status + ": " + abbreviate(r.body()), status);
                }
                SampleTown.sleep(200L << attempt);
            }
        }

        /** A call whose refusal is no failure (a step the matching service took first): null then. */
        JsonNode tryCall(String method, String url, String token, Object body) {
            HttpResponse<String> r = send(method, url, token, body);
            return r.statusCode() / 100 == 2 ? parse(r.body()) : null;
        }

        /**
         * As {@link #tryCall}, with the request's headers {@code name, value, …} (an Idempotency-Key): the answer as
         * sent, or null for a refusal, which {@code refused} receives (status and body) when not null.
         */
        JsonNode tryCall(
                String method,
                String url,
                String token,
                Object body,
                java.util.function.BiConsumer<Integer, String> refused,
                String... headers) {
            HttpResponse<String> r = send(method, url, token, body, headers);
            if (r.statusCode() / 100 == 2) {
                return parse(r.body());
            }
            if (refused != null) {
                refused.accept(r.statusCode(), abbreviate(r.body()));
            }
            return null;
        }

        private HttpResponse<String> send(String method, String url, String token, Object body, String... headers) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                        .timeout(TIMEOUT)
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token);
                for (int i = 0; i + 1 < headers.length; i += 2) {
                    b.header(headers[i], headers[i + 1]);
                }
                if (body == null) {
                    b.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    b.header("Content-Type", "application/json")
                            .method(
                                    method,
                                    HttpRequest.BodyPublishers.ofString(
                                            Rest.JSON.writeValueAsString(body), StandardCharsets.UTF_8));
                }
                return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + url, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        String signIn(String issuer, String clientId, String redirectUri, String username, String password) {
            HttpClient browser = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String verifier = random(32);
            String state = random(16);
            Map<String, String> query = new LinkedHashMap<>();
            query.put("response_type", "code");
            query.put("client_id", clientId);
            query.put("redirect_uri", redirectUri);
            query.put("scope", "openid profile");
            query.put("state", state);
            query.put("code_challenge", challenge(verifier));
            query.put("code_challenge_method", "S256");
            URI authorize = URI.create(endpoint(issuer, "authorization_endpoint") + "?" + form(query));
            URI login = location(get(browser, authorize), authorize);
            HttpResponse<String> page = get(browser, login);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("username", username);
            fields.put("password", password);
            Matcher csrf = CSRF.matcher(page.body());
            if (csrf.find()) {
                fields.put(csrf.group(1), csrf.group(2));
            }
            HttpResponse<String> posted = exchange(
                    browser,
                    HttpRequest.newBuilder(login)
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                            .build());
            URI next = location(posted, login);
            if (next.getQuery() != null && next.getQuery().contains("error")) {
                throw new IllegalStateException("the issuer refused " + username + "'s sign-in");
            }
            URI callback = location(get(browser, next), next);
            for (int hops = 0; !callback.toString().startsWith(redirectUri) && hops < 3; hops++) {
                callback = location(get(browser, callback), callback);
            }
            Map<String, String> answer = parse(callback.getRawQuery() == null ? "" : callback.getRawQuery(), true);
            if (!state.equals(answer.get("state")) || answer.get("code") == null) {
                throw new IllegalStateException("no code for " + username + " in " + callback);
            }
            Map<String, String> token = new LinkedHashMap<>();
            token.put("grant_type", "authorization_code");
            token.put("code", answer.get("code"));
            token.put("redirect_uri", redirectUri);
            token.put("client_id", clientId);
            token.put("code_verifier", verifier);
            HttpResponse<String> t = exchange(
                    browser,
                    HttpRequest.newBuilder(URI.create(endpoint(issuer, "token_endpoint")))
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form(token)))
                            .build());
            String access =
                    t.statusCode() == 200 ? parse(t.body()).path("access_token").asText("") : "";
            if (access.isEmpty()) {
                throw new IllegalStateException(
                        "no token for " + username + ": " + t.statusCode() + " " + abbreviate(t.body()));
            }
            return access;
        }

        private String endpoint(String issuer, String name) {
            if (discovery == null) {
                discovery = parse(get(client, URI.create(issuer + "/.well-known/openid-configuration"))
                        .body());
            }
            return discovery.path(name).asText();
        }

        private static HttpResponse<String> get(HttpClient c, URI uri) {
            return exchange(
                    c,
                    HttpRequest.newBuilder(uri)
                            .timeout(TIMEOUT)
                            .header("Accept", "text/html")
                            .GET()
                            .build());
        }

        private static HttpResponse<String> exchange(HttpClient c, HttpRequest request) {
            try {
                return c.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(request.uri().toString(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private static URI location(HttpResponse<String> r, URI base) {
            String to = r.headers()
                    .firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException(
                            "the issuer answered " + r.statusCode() + " without a redirect at " + base));
            return base.resolve(to);
        }

        private static String form(Map<String, String> fields) {
            return fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }

        private static Map<String, String> parse(String query, boolean decode) {
            Map<String, String> out = new HashMap<>();
            for (String pair : query.split("&")) {
                int i = pair.indexOf('=');
                if (i > 0) {
                    out.put(
                            pair.substring(0, i),
                            decode
                                    ? URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8)
                                    : pair.substring(i + 1));
                }
            }
            return out;
        }

        private static JsonNode parse(String body) {
            try {
                return body == null || body.isBlank() ? Rest.JSON.nullNode() : Rest.JSON.readTree(body);
            } catch (IOException e) {
                return Rest.JSON.getNodeFactory().textNode(body);
            }
        }

        private static String random(int bytes) {
            byte[] b = new byte[bytes];
            RANDOM.nextBytes(b);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        }

        private static String challenge(String verifier) {
            try {
                return Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(MessageDigest.getInstance("SHA-256")
                                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String abbreviate(String s) {
            return s.length() <= 400 ? s : s.substring(0, 400) + "…";
        }
    }
}

package org.wushe.hub.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /accounts/volunteers}: anyone signs themself up as a volunteer (志愿者自助注册) with a username, a
 * password and a display name, without a token. The account gets the role {@code volunteer} and a fresh
 * {@code volunteer_id}, which the volunteer service takes as their record's id when they register their real-name
 * details there ({@code POST /volunteers/me}). 409 naming {@code username} when it is taken (never replacing an
 * account, unlike the admin's {@code POST /accounts}); each client address may sign up a few accounts per window
 * ({@code wushe.auth.volunteer-sign-up.per-address}, {@code .window}), more is a 429; every sign-up is in the audit
 * trail ({@code VOLUNTEER_SIGNED_UP}).
 */
@RestController
public class VolunteerSignUp {

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

    /** What a person sends to sign up. */
    public record Request(String username, String password, String displayName) {}

    /** The account made: its volunteer id is what the volunteer service knows them by. */
    public record SignedUp(String username, String displayName, List<String> roles, String volunteerId) {}

    private final JdbcTemplate jdbc;
    private final AccountStore accounts;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int perAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public VolunteerSignUp(
            JdbcTemplate jdbc,
            AccountStore accounts,
            AuditTrail audit,
            TransactionTemplate tx,
            Clock clock,
            @Value("${wushe.auth.volunteer-sign-up.per-address:5}") int perAddress,
            @Value("${wushe.auth.volunteer-sign-up.window:PT1H}") Duration window) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** Only {@code POST /accounts/volunteers}, before the admin API's chain: public, no token, no session. */
    @Bean
    @Order(0)
    static SecurityFilterChain volunteerSignUpChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/accounts/volunteers"))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @PostMapping("/accounts/volunteers")
    public ResponseEntity<SignedUp> signUp(@RequestBody Request request, HttpServletRequest http) {
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            throw new AccountController.BadAccount("username", Texts.text("account.username-format"));
        }
        if (request.password() == null
                || request.password().length() < 8
                || request.password().length() > 72) {
            throw new AccountController.BadAccount("password", Texts.text("account.password-length"));
        }
        String name = request.displayName() == null || request.displayName().isBlank()
                ? request.username()
                : request.displayName().strip();
        if (name.length() > 100) {
            throw new AccountController.BadAccount("displayName", Texts.text("account.display-name-length"));
        }
        Optional<Instant> retryAt = admit(http.getRemoteAddr());
        if (retryAt.isPresent()) {
            throw new TooMany(retryAt.get());
        }
        String volunteerId = UUID.randomUUID().toString();
        Account account =
                new Account(request.username(), name, List.of("volunteer"), Map.of("volunteer_id", volunteerId), true);
        tx.executeWithoutResult(s -> {
            jdbc.execute("LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE");
            if (accounts.find(request.username()).isPresent()) {
                throw new AccountController.BadAccount(
                        "username", Texts.text("account.username-taken"), HttpStatus.CONFLICT);
            }
            accounts.save(account, request.password());
            audit.append(
                    request.username(),
                    "VOLUNTEER_SIGNED_UP",
                    request.username(),
                    AccountChanges.describe(account) + "; signed up by themself (public volunteer sign-up)",
                    null);
        });
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new SignedUp(account.username(), name, account.roles(), volunteerId));
    }

    /** Counts a sign-up from {@code address}; when the window is full, the time a next one is taken instead. */
    private Optional<Instant> admit(String address) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= perAddress) {
                return Optional.of(times.peekFirst().plus(window));
            }
            times.addLast(now);
            return Optional.empty();
        }
    }

    static final class TooMany extends RuntimeException {
        final Instant retryAt;

        TooMany(Instant retryAt) {
            super(Texts.text("sign-up.too-many", retryAt));
            this.retryAt = retryAt;
        }
    }

    @ExceptionHandler(TooMany.class)
    ResponseEntity<ProblemDetail> tooMany(TooMany e) {
        long seconds = Math.max(1, Duration.between(clock.instant(), e.retryAt).toSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(seconds))
                .body(AccountController.problemBody(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "urn:wushe:problem:too-many-requests",
                        Texts.text("problem.too-many-requests.title"),
                        "client",
                        e.getMessage()));
    }

    @ExceptionHandler(AccountController.BadAccount.class)
    ResponseEntity<ProblemDetail> bad(AccountController.BadAccount e) {
        return AccountController.problem(e.status, e.field, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return AccountController.problem(HttpStatus.BAD_REQUEST, "body", Texts.text("sign-up.body-not-json"));
    }
}

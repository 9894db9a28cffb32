package org.wushe.hub.auth;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person opens their own volunteer account (志愿者自助注册): the rules the public API ({@link VolunteerSignUp},
 * JSON) and the issuer's sign-up page ({@link VolunteerSignUpPage}, a form) both apply, in one place. The username
 * as for the admin's accounts, a password of 8 to 72 characters, a display name of at most 100 (the username when
 * none); a few sign-ups per client address per window ({@code wushe.auth.volunteer-sign-up.per-address},
 * {@code .window}), counted over both ways in; a taken username is refused (409), never replaced; the account gets
 * the role {@code volunteer} and a fresh {@code volunteer_id}; each sign-up is in the audit trail
 * ({@code VOLUNTEER_SIGNED_UP}, the actor the new username).
 *
 * <p>A volunteer closes their own account ({@link #close}, {@code DELETE /accounts/me}) after erasing their record at
 * the volunteer service: the row stays, unusable (disabled, no password, no roles, no volunteer id, no display name),
 * so that its username cannot be signed up again by someone else and taken for the same person in the services'
 * histories; its stored sign-ins are ended ({@link #revokeSignIns}), so its tokens can no longer be refreshed nor used
 * here, and a live issuer session gets no new token (the token customizer refuses a disabled account).
 */
@Service
public class VolunteerAccounts {

    private final JdbcTemplate jdbc;
    private final AccountStore accounts;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OAuth2AuthorizationService authorizations;
    private final int perAddress;
    private final Duration window;
    /** Recent sign-ups per client address (in memory, like the sign-in throttle: a restart forgets them). */
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public VolunteerAccounts(
            JdbcTemplate jdbc,
            AccountStore accounts,
            AuditTrail audit,
            TransactionTemplate tx,
            Clock clock,
            OAuth2AuthorizationService authorizations,
            @Value("${wushe.auth.volunteer-sign-up.per-address:5}") int perAddress,
            @Value("${wushe.auth.volunteer-sign-up.window:PT1H}") Duration window) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.authorizations = authorizations;
        this.perAddress = perAddress;
        this.window = window;
    }

    /**
     * Checks the username, password and display name, in that order; a {@link AccountController.BadAccount} (400)
     * naming the first field that is wrong. Counts nothing.
     */
    static void check(VolunteerSignUp.Request request) {
        if (request.username() == null
                || !AccountController.USERNAME.matcher(request.username()).matches()) {
            throw new AccountController.BadAccount("username", Texts.text("account.username-format"));
        }
        AccountController.checkPassword(request.password());
        if (displayName(request).length() > 100) {
            throw new AccountController.BadAccount("displayName", Texts.text("account.display-name-length"));
        }
    }

    private static String displayName(VolunteerSignUp.Request request) {
        return request.displayName() == null || request.displayName().isBlank()
                ? request.username()
                : request.displayName().strip();
    }

    /**
     * Opens the account of {@code request}, from the client {@code address}, arriving by {@code way} (recorded in the
     * audit trail): {@link AccountController.BadAccount} 400 for bad input (nothing counted), {@link TooMany} when the
     * address has signed up its share of the window, {@link AccountController.BadAccount} 409 naming
     * {@code username} when it is taken (nothing changed).
     */
    VolunteerSignUp.SignedUp signUp(VolunteerSignUp.Request request, String address, String way) {
        check(request);
        Optional<Instant> retryAt = admit(address);
        if (retryAt.isPresent()) {
            throw new TooMany(retryAt.get());
        }
        String name = displayName(request);
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
                    AccountChanges.describe(account) + "; signed up by themself (public volunteer sign-up, " + way
                            + ")",
                    null);
        });
        return new VolunteerSignUp.SignedUp(account.username(), name, account.roles(), volunteerId);
    }

    /**
     * Closes the account {@code username} signed in with the access token {@code token}, in one transaction:
     * {@link Revoked} (401) when the issuer no longer holds that token (already closed, or signed out),
     * {@link AccountController.Refused} (403) when the account has any role but {@code volunteer} (the admin closes
     * those); else the row made unusable and emptied of the person's name and ids, its password history and its
     * stored sign-ins ended, and {@code VOLUNTEER_ACCOUNT_CLOSED} in the audit trail (no name, no ids).
     */
    void close(String username, String token) {
        tx.executeWithoutResult(s -> {
            OAuth2Authorization held = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
            if (held == null
                    || held.getAccessToken() == null
                    || !held.getAccessToken().isActive()) {
                throw new Revoked();
            }
            jdbc.queryForList("SELECT username FROM account WHERE username = ? FOR UPDATE", username);
            Account account = accounts.find(username)
                    .orElseThrow(() -> new AccountController.Refused(
                            "Authorization", Texts.text("account.close-no-account"), "volunteer"));
            if (!account.roles().equals(List.of("volunteer"))) {
                throw new AccountController.Refused(
                        "roles",
                        Texts.text("account.close-volunteers-only", String.join(",", account.roles())),
                        "volunteer");
            }
            jdbc.update(
                    "UPDATE account SET password_hash = '{closed}', display_name = '', roles = '', tenancy = '',"
                            + " enabled = FALSE, updated_at = now() WHERE username = ?",
                    username);
            jdbc.update("DELETE FROM password_history WHERE username = ?", username);
            int revoked = revokeSignIns(username);
            audit.append(
                    username,
                    "VOLUNTEER_ACCOUNT_CLOSED",
                    username,
                    "closed by themself after erasing their volunteer record (DELETE /accounts/me); name, password,"
                            + " roles and volunteer id removed; " + revoked + " sign-in(s) ended",
                    null);
        });
    }

    /**
     * Ends what the account's sign-ins can still do: sign-ins in flight without an ID token are deleted; in the others
     * the code, the access token and the refresh token are invalidated (no refresh, no {@code DELETE /accounts/me}
     * again), while the ID token is kept valid only so that the person's browser can still sign out at the issuer
     * ({@code end_session_endpoint} takes it as {@code id_token_hint} and refuses an invalidated one). The sweep
     * ({@link Authorizations#sweep}) deletes the rows when their tokens have expired. Answers how many it ended.
     */
    private int revokeSignIns(String username) {
        int ended = jdbc.update(
                "DELETE FROM oauth2_authorization WHERE principal_name = ? AND oidc_id_token_value IS NULL", username);
        for (String id : jdbc.queryForList(
                "SELECT id FROM oauth2_authorization WHERE principal_name = ?", String.class, username)) {
            OAuth2Authorization a = authorizations.findById(id);
            if (a == null) {
                continue;
            }
            OAuth2Authorization.Builder b = OAuth2Authorization.from(a);
            for (OAuth2Authorization.Token<?> t : java.util.Arrays.asList(
                    a.getToken(org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode.class),
                    a.getAccessToken(),
                    a.getRefreshToken())) {
                if (t != null) {
                    b.invalidate(t.getToken());
                }
            }
            authorizations.save(b.build());
            ended++;
        }
        return ended;
    }

    /** The token was signed by this issuer but is no longer held by it: 401. */
    static final class Revoked extends RuntimeException {
        Revoked() {
            super(Texts.text("auth.token-revoked"));
        }
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

    /** Seconds until {@code e}'s address may sign up again (the Retry-After), at least 1. */
    long retryAfterSeconds(TooMany e) {
        return Math.max(1, Duration.between(clock.instant(), e.retryAt).toSeconds());
    }

    /** The address has signed up {@code per-address} accounts within the window: 429 naming {@code client}. */
    static final class TooMany extends RuntimeException {
        final Instant retryAt;

        TooMany(Instant retryAt) {
            super(Texts.text("sign-up.too-many", retryAt));
            this.retryAt = retryAt;
        }
    }
}

package org.wushe.hub.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /accounts}: the hub admin creates and lists the people who may sign in, with their roles and tenancy
 * ({@code POST} is idempotent by username: a second call replaces the account). Accounts that see residents, or approve
 * those that do, follow the two-person rule ({@link AccountChanges}): {@code POST} answers 202 with a request that a
 * second person approves at {@code POST /accounts/requests/{id}/approve}; the password is generated then and shown once.
 * {@code GET /accounts/audit} lists the append-only, hash-chained audit trail. Bad input is a 400 problem naming the
 * field, a refusal a 403 problem naming what was refused and who may; passwords are never returned except a generated
 * one, once, to whoever made it take effect.
 */
@RestController
@RequestMapping("/accounts")
public class AccountController {

    /** Every account's username (the volunteers' own sign-up, {@link VolunteerAccounts}, takes the same). */
    static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public record AccountRequest(
            String username,
            String password,
            String displayName,
            List<String> roles,
            Map<String, String> tenancy,
            Boolean enabled,
            String centreId) {
        public AccountRequest(
                String username,
                String password,
                String displayName,
                List<String> roles,
                Map<String, String> tenancy,
                Boolean enabled) {
            this(username, password, displayName, roles, tenancy, enabled, null);
        }
    }

    /** The audit trail and whether its hash chain holds ({@code brokenAt}: the first row that does not match, or absent). */
    public record AuditView(boolean chainIntact, Long brokenAt, List<AuditTrail.Entry> entries) {}

    private final AccountStore store;
    private final AccountChanges changes;
    private final AuditTrail audit;
    private final VolunteerAccounts volunteers;

    public AccountController(
            AccountStore store, AccountChanges changes, AuditTrail audit, VolunteerAccounts volunteers) {
        this.store = store;
        this.changes = changes;
        this.audit = audit;
        this.volunteers = volunteers;
    }

    /**
     * A volunteer closes their own sign-in account with their own token (204): only an account whose only role is
     * {@code volunteer} (else 403 naming the role); a second call with the same, now revoked, token is 401.
     */
    @DeleteMapping("/me")
    public ResponseEntity<Void> closeOwn(@AuthenticationPrincipal Jwt jwt) {
        volunteers.close(jwt.getSubject(), jwt.getTokenValue());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(VolunteerAccounts.Revoked.class)
    ResponseEntity<ProblemDetail> revoked(VolunteerAccounts.Revoked e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(problemBody(
                        HttpStatus.UNAUTHORIZED,
                        "urn:wushe:problem:unauthenticated",
                        Texts.text("problem.unauthenticated.title"),
                        "Authorization",
                        e.getMessage()));
    }

    @PostMapping
    public ResponseEntity<?> save(@RequestBody AccountRequest request, @AuthenticationPrincipal Jwt jwt) {
        Account account = validate(request);
        AccountChanges.Actor actor = actor(jwt);
        if (AccountChanges.needsSecondPerson(account.roles())) {
            if (request.password() != null) {
                throw new BadAccount("password", Texts.text("account.password-generated-later"));
            }
            String centre = request.centreId();
            if (centre != null && !TENANT.matcher(centre).matches()) {
                throw new BadAccount("centreId", Texts.text("account.centre-id-format"));
            }
            AccountChanges.RequestView view = changes.requestSave(actor, account, centre);
            return ResponseEntity.status("APPROVED".equals(view.status()) ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                    .body(view);
        }
        checkPassword(request.password());
        boolean created = changes.saveDirectly(actor, account, request.password());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(account);
    }

    /** A password of 8 to 72 characters, else 400 naming {@code password}. */
    static void checkPassword(String password) {
        if (password == null || password.length() < 8 || password.length() > 72) {
            throw new BadAccount("password", Texts.text("account.password-length"));
        }
    }

    @GetMapping
    public List<Account> all() {
        return store.all();
    }

    @GetMapping("/{username}")
    public Account one(@PathVariable String username) {
        return store.find(username)
                .orElseThrow(() -> new BadAccount("username", Texts.text("account.not-found"), HttpStatus.NOT_FOUND));
    }

    /** A generated password: at once (200, shown once) for an account without resident access, else a request (202). */
    @PostMapping("/{username}/password-reset")
    public ResponseEntity<?> reset(@PathVariable String username, @AuthenticationPrincipal Jwt jwt) {
        Object answer = changes.resetPassword(actor(jwt), username);
        return ResponseEntity.status(
                        answer instanceof AccountChanges.RequestView v && !"APPROVED".equals(v.status())
                                ? HttpStatus.ACCEPTED
                                : HttpStatus.OK)
                .body(answer);
    }

    @GetMapping("/requests")
    public List<AccountChanges.RequestView> requests(
            @RequestParam(required = false) String status, @AuthenticationPrincipal Jwt jwt) {
        if (status != null && !List.of("PENDING", "APPROVED", "REJECTED").contains(status)) {
            throw new BadAccount("status", Texts.text("request.status-unknown"));
        }
        return changes.requests(actor(jwt), status);
    }

    @PostMapping("/requests/{id}/approve")
    public AccountChanges.RequestView approve(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return changes.approve(actor(jwt), requestId(id));
    }

    @PostMapping("/requests/{id}/reject")
    public AccountChanges.RequestView reject(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return changes.reject(actor(jwt), requestId(id));
    }

    /** What community staff send to link a resident's account to the resident's record. */
    public record ResidentLinkRequest(String username, String displayName, String residentId, String communityId) {}

    /**
     * The staff of a resident's community link a sign-in account to the resident's record (201 for a new account, 200 for a
     * relinked one): the password is generated and shown once, to the staff, who hand it to the resident in person.
     */
    @PostMapping("/residents")
    public ResponseEntity<AccountChanges.ResidentLink> linkResident(
            @RequestBody ResidentLinkRequest request, @AuthenticationPrincipal Jwt jwt) {
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            throw new BadAccount("username", Texts.text("account.username-format"));
        }
        if (request.communityId() == null
                || !TENANT.matcher(request.communityId()).matches()) {
            throw new BadAccount("communityId", Texts.text("resident.community-required"));
        }
        if (request.residentId() == null
                || !TENANT.matcher(request.residentId()).matches()) {
            throw new BadAccount("residentId", Texts.text("resident.record-required"));
        }
        String name = request.displayName() == null || request.displayName().isBlank()
                ? request.username()
                : request.displayName().strip();
        if (name.length() > 100) {
            throw new BadAccount("displayName", Texts.text("account.display-name-length"));
        }
        AccountChanges.ResidentLink link = changes.linkResident(
                actor(jwt),
                AccountChanges.claim(jwt.getClaims(), Account.COMMUNITY_ID).orElse(null),
                request.username(),
                name,
                request.residentId(),
                request.communityId());
        return ResponseEntity.status(link.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(link);
    }

    /** A new, generated password for a resident's account, by the staff of the resident's community (shown once). */
    @PostMapping("/residents/{username}/password-reset")
    public Map<String, String> resetResident(@PathVariable String username, @AuthenticationPrincipal Jwt jwt) {
        return changes.resetResident(
                actor(jwt),
                AccountChanges.claim(jwt.getClaims(), Account.COMMUNITY_ID).orElse(null),
                username);
    }

    @GetMapping("/audit")
    public AuditView audit() {
        List<AuditTrail.Entry> entries = audit.all();
        long broken = AuditTrail.verify(entries);
        return new AuditView(broken < 0, broken < 0 ? null : broken, entries);
    }

    private static UUID requestId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadAccount("id", Texts.text("request.id-format"));
        }
    }

    private static AccountChanges.Actor actor(Jwt jwt) {
        Object raw = jwt.getClaims().get("roles");
        List<String> roles = raw instanceof java.util.Collection<?> c
                ? c.stream().map(Object::toString).toList()
                : List.of();
        return new AccountChanges.Actor(
                jwt.getSubject(),
                roles,
                AccountChanges.claim(jwt.getClaims(), "centre_id").orElse(null));
    }

    static Account validate(AccountRequest r) {
        if (r.username() == null || !USERNAME.matcher(r.username()).matches()) {
            throw new BadAccount("username", Texts.text("account.username-format"));
        }
        String name = r.displayName() == null || r.displayName().isBlank()
                ? r.username()
                : r.displayName().strip();
        if (name.length() > 100) {
            throw new BadAccount("displayName", Texts.text("account.display-name-length"));
        }
        if (r.roles() == null || r.roles().isEmpty()) {
            throw new BadAccount("roles", Texts.text("account.roles-required", Account.ROLES));
        }
        Map<String, String> tenancy = r.tenancy() == null ? Map.of() : r.tenancy();
        Map<String, String> kept = new LinkedHashMap<>();
        List<String> roles = new ArrayList<>();
        for (String role : r.roles()) {
            if (Account.RESIDENT.equals(role)) {
                throw new BadAccount("roles", Texts.text("account.resident-role-linked"));
            }
            if (!Account.ROLES.contains(role)) {
                throw new BadAccount("roles", Texts.text("account.role-unknown", role, Account.ROLES));
            }
            roles.add(role);
            String claim = Account.TENANCY.get(role);
            if (claim != null) {
                String tenant = tenancy.get(claim);
                if (tenant == null || !TENANT.matcher(tenant).matches()) {
                    throw new BadAccount("tenancy." + claim, Texts.text("account.tenancy-required", role, claim));
                }
                kept.put(claim, tenant);
            }
        }
        for (String claim : tenancy.keySet()) {
            if (!kept.containsKey(claim)) {
                throw new BadAccount("tenancy." + claim, Texts.text("account.tenancy-unused", claim));
            }
        }
        return new Account(r.username(), name, List.copyOf(roles), kept, r.enabled() == null || r.enabled());
    }

    static class BadAccount extends RuntimeException {
        final String field;
        final HttpStatus status;

        BadAccount(String field, String message) {
            this(field, message, HttpStatus.BAD_REQUEST);
        }

        BadAccount(String field, String message, HttpStatus status) {
            super(message);
            this.field = field;
            this.status = status;
        }
    }

    /** A 403: what was refused, and who may ({@code required}). */
    static class Refused extends RuntimeException {
        final String field;
        final String required;

        Refused(String field, String message, String required) {
            super(message);
            this.field = field;
            this.required = required;
        }
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.field + ": " + e.getMessage());
        body.setType(java.net.URI.create("urn:wushe:problem:forbidden"));
        body.setTitle(Texts.text("problem.forbidden.title"));
        body.setProperty("required", e.required);
        body.setProperty("errors", List.of(Map.of("field", e.field, "message", e.getMessage())));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
    }

    @ExceptionHandler(BadAccount.class)
    ResponseEntity<ProblemDetail> bad(BadAccount e) {
        return problem(e.status, e.field, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "body", Texts.text("account.body-not-json"));
    }

    /** The issuer's invalid-input answer: the platform's shape (type, title, detail, errors naming the field). */
    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String field, String message) {
        return ResponseEntity.status(status)
                .body(problemBody(
                        status,
                        "urn:wushe:problem:invalid-input",
                        Texts.text("problem.invalid-input.title"),
                        field,
                        message));
    }

    static ProblemDetail problemBody(HttpStatus status, String type, String title, String field, String message) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, field + ": " + message);
        body.setType(java.net.URI.create(type));
        body.setTitle(title);
        body.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return body;
    }
}

package org.wushe.hub.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Account changes under the two-person rule. An account that sees residents ({@value #STATION_STAFF},
 * {@value #COMMUNITY_STAFF}) or may approve such accounts ({@code hub_admin}, {@code centre_manager}) is created, given
 * other roles or tenancy, or given a new password only by a request of one person that a second, different person approves:
 * another hub admin, or, for station and community staff, the centre manager of the centre the request names. The
 * password of such an account is generated when the request is approved and shown once, in the approval's answer;
 * nobody chooses it, so the requester never knows it. Accounts that grant no resident access (volunteers, organizations,
 * donors, social workers) change at once as before. Every change, request and decision is appended to the audit trail.
 */
@Service
public class AccountChanges {

    static final String STATION_STAFF = "station_staff";
    static final String COMMUNITY_STAFF = "community_staff";
    /** A grid worker (网格员) keeps the register of their grid's households and residents and visits the elderly living alone. */
    static final String GRID_WORKER = "grid_worker";
    /** Roles that see residents' details (or, grid workers, which residents live where and who is cared for), or approve the accounts that do. */
    static final Set<String> SECOND_PERSON_ROLES =
            Set.of(STATION_STAFF, COMMUNITY_STAFF, GRID_WORKER, "hub_admin", "centre_manager");
    /** The approver recorded when the embedded hub's bootstrap, not a second person, approved (wushe.auth.bootstrap-approval). */
    static final String BOOTSTRAP = "bootstrap (wushe.auth.bootstrap-approval; no second person)";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A pending or decided request; {@code password} only in the answer that approved it (shown once). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequestView(
            UUID id,
            String kind,
            String username,
            String displayName,
            List<String> roles,
            Map<String, String> tenancy,
            Boolean enabled,
            String centreId,
            String requestedBy,
            Instant requestedAt,
            String status,
            String decidedBy,
            Instant decidedAt,
            String password) {
        RequestView withDecision(String status, String by, Instant at, String password) {
            return new RequestView(
                    id,
                    kind,
                    username,
                    displayName,
                    roles,
                    tenancy,
                    enabled,
                    centreId,
                    requestedBy,
                    requestedAt,
                    status,
                    by,
                    at,
                    password);
        }
    }

    /** Who acts: the token's subject, roles and centre (for a centre manager). */
    public record Actor(String subject, List<String> roles, String centreId) {
        boolean admin() {
            return roles.contains("hub_admin");
        }
    }

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final AuthProperties props;

    public AccountChanges(
            JdbcClient jdbc, AccountStore accounts, AuditTrail audit, TransactionTemplate tx, AuthProperties props) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
        this.props = props;
    }

    static boolean needsSecondPerson(List<String> roles) {
        return roles.stream().anyMatch(SECOND_PERSON_ROLES::contains);
    }

    /** Creates or changes an account that grants no resident access, at once (the password must be new to it). */
    public boolean saveDirectly(Actor actor, Account account, String password) {
        if (accounts.find(account.username()).isPresent()
                && accounts.usedBefore(account.username(), password, props.passwordHistory())) {
            throw new AccountController.BadAccount(
                    "password", Texts.text("account.password-reused", props.passwordHistory()));
        }
        return Boolean.TRUE.equals(tx.execute(s -> {
            boolean created = accounts.save(account, password);
            audit.append(
                    actor.subject(),
                    created ? "ACCOUNT_CREATED" : "ACCOUNT_CHANGED",
                    account.username(),
                    describe(account),
                    null);
            return created;
        }));
    }

    /** A request to create or change an account that needs a second person; approved at once only by the hub's bootstrap. */
    public RequestView requestSave(Actor actor, Account account, String centreId) {
        RequestView view = tx.execute(s -> {
            RequestView r = insert("SAVE", account.username(), account, centreId, actor.subject());
            audit.append(
                    actor.subject(),
                    "REQUESTED",
                    account.username(),
                    "save: " + describe(account) + centre(centreId),
                    r.id());
            return r;
        });
        return bootstrap(actor, view);
    }

    /** A new, generated password: at once for an account that grants no resident access, else a request. */
    public Object resetPassword(Actor actor, String username) {
        Account account = accounts.find(username)
                .orElseThrow(() -> new AccountController.BadAccount(
                        "username", Texts.text("account.not-found"), HttpStatus.NOT_FOUND));
        if (!needsSecondPerson(account.roles())) {
            String password = newPassword(username);
            tx.executeWithoutResult(s -> {
                accounts.setPassword(username, password);
                audit.append(
                        actor.subject(),
                        "PASSWORD_RESET",
                        username,
                        "a generated password (shown once to " + actor.subject() + ")",
                        null);
            });
            return Map.of("username", username, "password", password);
        }
        RequestView view = tx.execute(s -> {
            RequestView r = insert("RESET", username, null, null, actor.subject());
            audit.append(actor.subject(), "REQUESTED", username, "password reset", r.id());
            return r;
        });
        return bootstrap(actor, view);
    }

    /** A resident's account as linked: the password once, for the staff to hand to the resident. */
    public record ResidentLink(
            String username,
            String displayName,
            String residentId,
            String communityId,
            String password,
            boolean created) {}

    /**
     * Links a resident's account (role {@value Account#RESIDENT}, claims {@code resident_id} and {@code community_id}) to the
     * resident's record, for the staff of that community only ({@code staffOf}: the caller's {@code community_id}). The
     * staff checked the resident's real name against the record; the resident never names a record themself. At once (a
     * resident's account sees only the resident's own): a generated password, shown once. One account per resident record; a
     * username held by any other account is refused (409), so staff cannot turn someone else's account into a resident's.
     * auth-service holds no community data: the community service checks at every call that the token's resident belongs
     * to the token's community, so a link naming another community's resident opens nothing.
     */
    public ResidentLink linkResident(
            Actor actor, String staffOf, String username, String displayName, String residentId, String communityId) {
        requireStaffOf(actor, staffOf, communityId, "communityId");
        return tx.execute(s -> {
            jdbc.sql("LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE").update();
            Optional<Account> existing = accounts.find(username);
            if (existing.isPresent()
                    && !(existing.get().isResident()
                            && communityId.equals(existing.get().tenancy().get(Account.COMMUNITY_ID)))) {
                throw new AccountController.BadAccount(
                        "username", Texts.text("account.username-taken"), HttpStatus.CONFLICT);
            }
            List<String> linked = jdbc.sql(
                            "SELECT username FROM account WHERE username <> :username AND tenancy ~ :pattern")
                    .param("username", username)
                    .param("pattern", "(^|,)" + Account.RESIDENT_ID + "=" + residentId + "(,|$)")
                    .query(String.class)
                    .list();
            if (!linked.isEmpty()) {
                throw new AccountController.BadAccount(
                        "residentId", Texts.text("resident.linked-already", linked.get(0)), HttpStatus.CONFLICT);
            }
            Map<String, String> tenancy = new LinkedHashMap<>();
            tenancy.put(Account.COMMUNITY_ID, communityId);
            tenancy.put(Account.RESIDENT_ID, residentId);
            Account account = new Account(username, displayName, List.of(Account.RESIDENT), tenancy, true);
            String password = newPassword(username);
            boolean created = accounts.save(account, password);
            audit.append(
                    actor.subject(),
                    created ? "RESIDENT_LINKED" : "RESIDENT_RELINKED",
                    username,
                    describe(account)
                            + "; linked by community_staff of " + communityId
                            + " (real name checked by them); a generated password (shown once to "
                            + actor.subject() + ")",
                    null);
            return new ResidentLink(username, displayName, residentId, communityId, password, created);
        });
    }

    /** A generated password for a resident's account, by the staff of the resident's community (not the hub admin). */
    public Map<String, String> resetResident(Actor actor, String staffOf, String username) {
        Account account = accounts.find(username)
                .filter(Account::isResident)
                .orElseThrow(() -> new AccountController.BadAccount(
                        "username", Texts.text("resident.account-not-found"), HttpStatus.NOT_FOUND));
        requireStaffOf(actor, staffOf, account.tenancy().get(Account.COMMUNITY_ID), "username");
        String password = newPassword(username);
        tx.executeWithoutResult(s -> {
            accounts.setPassword(username, password);
            audit.append(
                    actor.subject(),
                    "PASSWORD_RESET",
                    username,
                    "a resident's account; a generated password (shown once to " + actor.subject()
                            + ", community_staff of " + staffOf + ")",
                    null);
        });
        return Map.of("username", username, "password", password);
    }

    private static void requireStaffOf(Actor actor, String staffOf, String communityId, String field) {
        if (!actor.roles().contains(COMMUNITY_STAFF) || staffOf == null || !staffOf.equals(communityId)) {
            String required = COMMUNITY_STAFF + " of " + communityId;
            throw new AccountController.Refused(
                    field, Texts.text("resident.staff-refused", actor.subject(), communityId, required), required);
        }
    }

    public List<RequestView> requests(Actor actor, String status) {
        List<RequestView> all = jdbc.sql("SELECT * FROM account_request "
                        + "WHERE (CAST(:status AS VARCHAR) IS NULL OR status = :status) ORDER BY requested_at, id")
                .param("status", status)
                .query(REQUEST)
                .list();
        return all.stream()
                .filter(r -> actor.admin() || centreMayDecide(actor, r))
                .toList();
    }

    public RequestView approve(Actor actor, UUID id) {
        return decide(actor, id, true);
    }

    public RequestView reject(Actor actor, UUID id) {
        return decide(actor, id, false);
    }

    private RequestView decide(Actor actor, UUID id, boolean approve) {
        return tx.execute(s -> {
            RequestView r = jdbc.sql("SELECT * FROM account_request WHERE id = :id FOR UPDATE")
                    .param("id", id)
                    .query(REQUEST)
                    .optional()
                    .orElseThrow(() -> new AccountController.BadAccount(
                            "id", Texts.text("request.not-found"), HttpStatus.NOT_FOUND));
            String mayDecide = whoMayDecide(r);
            if (actor.subject().equals(r.requestedBy())) {
                throw new AccountController.Refused(
                        "approver", Texts.text("request.own-refused", actor.subject(), mayDecide), mayDecide);
            }
            if (!actor.admin() && !centreMayDecide(actor, r)) {
                throw new AccountController.Refused(
                        "approver", Texts.text("request.decide-refused", actor.subject(), mayDecide), mayDecide);
            }
            if (!"PENDING".equals(r.status())) {
                throw new AccountController.BadAccount(
                        "status", Texts.text("request.decided-already", r.status()), HttpStatus.CONFLICT);
            }
            return apply(r, actor.subject(), approve);
        });
    }

    /** Runs inside the request's transaction: the change itself, the request's decision and the audit rows. */
    private RequestView apply(RequestView r, String decider, boolean approve) {
        Instant now = Instant.now();
        if (!approve) {
            decided(r.id(), "REJECTED", decider, now);
            audit.append(
                    decider,
                    "REJECTED",
                    r.username(),
                    r.kind().toLowerCase() + " requested by " + r.requestedBy(),
                    r.id());
            return r.withDecision("REJECTED", decider, now, null);
        }
        String password = newPassword(r.username());
        if ("SAVE".equals(r.kind())) {
            Account account = new Account(
                    r.username(), r.displayName(), r.roles(), r.tenancy(), r.enabled() == null || r.enabled());
            boolean created = accounts.save(account, password);
            audit.append(
                    decider,
                    "APPROVED",
                    r.username(),
                    "save requested by " + r.requestedBy() + ": " + describe(account)
                            + (created ? "; created" : "; changed")
                            + "; a generated password (shown once to the approver)",
                    r.id());
        } else {
            if (!accounts.setPassword(r.username(), password)) {
                throw new AccountController.BadAccount(
                        "username", Texts.text("request.account-gone"), HttpStatus.CONFLICT);
            }
            audit.append(
                    decider,
                    "APPROVED",
                    r.username(),
                    "password reset requested by " + r.requestedBy()
                            + "; a generated password (shown once to the approver)",
                    r.id());
        }
        decided(r.id(), "APPROVED", decider, now);
        return r.withDecision("APPROVED", decider, now, password);
    }

    /** The request's decision: {@code APPROVED} or {@code REJECTED}, by whom and when. */
    private void decided(UUID id, String status, String decider, Instant at) {
        jdbc.sql("UPDATE account_request SET status = :status, decided_by = :decided_by, decided_at = :decided_at "
                        + "WHERE id = :id")
                .param("status", status)
                .param("decided_by", decider)
                .param("decided_at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /** The embedded hub's bootstrap (deploy/local's sample town): the loader's own requests, approved and recorded as such. */
    private RequestView bootstrap(Actor actor, RequestView view) {
        if (!props.bootstrapApproval() || !actor.subject().equals(props.loaderClientId())) {
            return view;
        }
        return tx.execute(s -> apply(view, BOOTSTRAP, true));
    }

    private String whoMayDecide(RequestView r) {
        String admins = "hub_admin other than " + r.requestedBy();
        return r.centreId() != null && centreRolesOnly(r) ? admins + " or centre_manager of " + r.centreId() : admins;
    }

    private static boolean centreMayDecide(Actor actor, RequestView r) {
        return actor.roles().contains("centre_manager")
                && r.centreId() != null
                && r.centreId().equals(actor.centreId())
                && centreRolesOnly(r);
    }

    /** A centre manager decides on station and community staff only (never on admins or other centre managers, nor resets of those). */
    private static boolean centreRolesOnly(RequestView r) {
        return r.roles() != null
                && r.roles().stream().noneMatch(role -> role.equals("hub_admin") || role.equals("centre_manager"));
    }

    private RequestView insert(String kind, String username, Account account, String centreId, String requester) {
        UUID id = UUID.randomUUID();
        List<String> roles = account != null
                ? account.roles()
                : accounts.find(username).map(Account::roles).orElse(List.of());
        String centre = centreId;
        if (account == null) {
            // A reset goes to whoever could approve the account as it is; its centre is the one named when it was made.
            centre = jdbc
                    .sql("SELECT centre_id FROM account_request "
                            + "WHERE username = :username AND kind = 'SAVE' AND status = 'APPROVED' "
                            + "ORDER BY decided_at DESC LIMIT 1")
                    .param("username", username)
                    .query(String.class)
                    .list()
                    .stream()
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
        }
        jdbc.sql("INSERT INTO account_request (id, kind, username, display_name, roles, tenancy, enabled, centre_id, "
                        + "requested_by) VALUES (:id, :kind, :username, :display_name, :roles, :tenancy, :enabled, "
                        + ":centre_id, :requested_by)")
                .param("id", id)
                .param("kind", kind)
                .param("username", username)
                .param("display_name", account == null ? null : account.displayName())
                .param("roles", String.join(",", roles))
                .param("tenancy", account == null ? null : tenancy(account.tenancy()))
                .param("enabled", account == null ? null : (Boolean) account.enabled())
                .param("centre_id", centre)
                .param("requested_by", requester)
                .update();
        return jdbc.sql("SELECT * FROM account_request WHERE id = :id")
                .param("id", id)
                .query(REQUEST)
                .single();
    }

    /** A new random password (96 bits, URL-safe), never one the account had (it could not be, but the check is cheap). */
    private String newPassword(String username) {
        for (; ; ) {
            byte[] bytes = new byte[12];
            RANDOM.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!accounts.usedBefore(username, password, props.passwordHistory())) {
                return password;
            }
        }
    }

    static String describe(Account a) {
        return "roles=" + String.join(",", a.roles()) + " tenancy=" + tenancy(a.tenancy()) + " enabled=" + a.enabled()
                + " name=" + a.displayName();
    }

    private static String centre(String centreId) {
        return centreId == null ? "" : " centre=" + centreId;
    }

    private static String tenancy(Map<String, String> tenancy) {
        return tenancy.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .collect(Collectors.joining(","));
    }

    private static final RowMapper<RequestView> REQUEST = (rs, i) -> {
        Map<String, String> tenancy = new LinkedHashMap<>();
        String stored = rs.getString("tenancy");
        if (stored != null) {
            for (String pair : stored.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    tenancy.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        String roles = rs.getString("roles");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new RequestView(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("username"),
                rs.getString("display_name"),
                roles == null
                        ? List.of()
                        : Arrays.stream(roles.split(","))
                                .filter(r -> !r.isBlank())
                                .toList(),
                tenancy,
                (Boolean) rs.getObject("enabled"),
                rs.getString("centre_id"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("status"),
                rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(),
                null);
    };

    static Optional<String> claim(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }
}

package org.wushe.hub.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /accounts}: the hub admin creates and lists the people who may sign in, with their roles and
 * tenancy ({@code POST} is idempotent by username: a second call replaces the account). Bad input is a
 * 400 problem naming the field; passwords are never returned.
 */
@RestController
@RequestMapping("/accounts")
public class AccountController {

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public record AccountRequest(String username, String password, String displayName, List<String> roles, Map<String, String> tenancy,
                                 Boolean enabled) {
    }

    private final AccountStore store;

    public AccountController(AccountStore store) {
        this.store = store;
    }

    @PostMapping
    public ResponseEntity<Account> save(@RequestBody AccountRequest request) {
        Account account = validate(request);
        boolean created = store.save(account, request.password());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(account);
    }

    @GetMapping
    public List<Account> all() {
        return store.all();
    }

    @GetMapping("/{username}")
    public Account one(@PathVariable String username) {
        return store.find(username).orElseThrow(() -> new BadAccount("username", "no such account 无此账号", HttpStatus.NOT_FOUND));
    }

    static Account validate(AccountRequest r) {
        if (r.username() == null || !USERNAME.matcher(r.username()).matches()) {
            throw new BadAccount("username", "1 to 64 letters, digits or . _ @ - 用户名格式不正确");
        }
        if (r.password() == null || r.password().length() < 8 || r.password().length() > 72) {
            throw new BadAccount("password", "8 to 72 characters 密码长度须为8至72位");
        }
        String name = r.displayName() == null || r.displayName().isBlank() ? r.username() : r.displayName().strip();
        if (name.length() > 100) {
            throw new BadAccount("displayName", "at most 100 characters 显示名称过长");
        }
        if (r.roles() == null || r.roles().isEmpty()) {
            throw new BadAccount("roles", "at least one of " + Account.ROLES + " 至少一个角色");
        }
        Map<String, String> tenancy = r.tenancy() == null ? Map.of() : r.tenancy();
        Map<String, String> kept = new LinkedHashMap<>();
        List<String> roles = new ArrayList<>();
        for (String role : r.roles()) {
            if (!Account.ROLES.contains(role)) {
                throw new BadAccount("roles", "unknown role '" + role + "'; known: " + Account.ROLES + " 未知角色");
            }
            roles.add(role);
            String claim = Account.TENANCY.get(role);
            if (claim != null) {
                String tenant = tenancy.get(claim);
                if (tenant == null || !TENANT.matcher(tenant).matches()) {
                    throw new BadAccount("tenancy." + claim, "role " + role + " needs " + claim + " (an id) 该角色须指定所属单位");
                }
                kept.put(claim, tenant);
            }
        }
        for (String claim : tenancy.keySet()) {
            if (!kept.containsKey(claim)) {
                throw new BadAccount("tenancy." + claim, "no role of this account uses " + claim + " 与角色不符");
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

    @ExceptionHandler(BadAccount.class)
    ResponseEntity<ProblemDetail> bad(BadAccount e) {
        return problem(e.status, e.field, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "body", "send a JSON account 请求体不是有效的JSON账号");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String field, String message) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, field + ": " + message);
        body.setType(java.net.URI.create("urn:wushe:problem:invalid-input"));
        body.setTitle("输入有误 Invalid input");
        body.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.status(status).body(body);
    }
}

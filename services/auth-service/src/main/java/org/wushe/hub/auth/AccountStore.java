package org.wushe.hub.auth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** The accounts, in this service's own schema; also the sign-in's {@link UserDetailsService}. */
@Repository
public class AccountStore implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    public AccountStore(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Creates the account or replaces its password, name, roles and tenancy; true when it was new. */
    public boolean save(Account account, String password) {
        String hash = passwords.encode(password);
        remember(account.username(), hash);
        Map<String, Object> values = new LinkedHashMap<>(); // the same six values for the update and the insert
        values.put("username", account.username());
        values.put("password_hash", hash);
        values.put("display_name", account.displayName());
        values.put("roles", String.join(",", account.roles()));
        values.put("tenancy", tenancy(account.tenancy()));
        values.put("enabled", account.enabled());

        int updated = jdbc.sql("UPDATE account SET password_hash = :password_hash, display_name = :display_name, "
                        + "roles = :roles, tenancy = :tenancy, enabled = :enabled, updated_at = now() "
                        + "WHERE username = :username")
                .params(values)
                .update();
        if (updated == 1) {
            return false;
        }
        jdbc.sql("INSERT INTO account (username, password_hash, display_name, roles, tenancy, enabled) "
                        + "VALUES (:username, :password_hash, :display_name, :roles, :tenancy, :enabled) "
                        + "ON CONFLICT (username) DO NOTHING")
                .params(values)
                .update();
        return true;
    }

    /** A new password for an existing account; false when there is no such account. */
    public boolean setPassword(String username, String password) {
        String hash = passwords.encode(password);
        boolean done = jdbc.sql(
                                "UPDATE account SET password_hash = :password_hash, updated_at = now() WHERE username = :username")
                        .param("password_hash", hash)
                        .param("username", username)
                        .update()
                == 1;
        if (done) {
            remember(username, hash);
        }
        return done;
    }

    /** True when {@code password} is the account's current one or any of its last {@code last} passwords. */
    public boolean usedBefore(String username, String password, int last) {
        List<String> hashes = jdbc.sql(
                        "SELECT password_hash FROM password_history WHERE username = :username ORDER BY set_at DESC LIMIT :last")
                .param("username", username)
                .param("last", Math.max(1, last))
                .query(String.class)
                .list();
        List<String> current = passwordHash(username);
        return java.util.stream.Stream.concat(current.stream(), hashes.stream())
                .anyMatch(h -> passwords.matches(password, h));
    }

    /** True when the account exists and {@code password} is its password. */
    public boolean hasPassword(String username, String password) {
        return passwordHash(username).stream().anyMatch(h -> passwords.matches(password, h));
    }

    /** The account's password hash; none when there is no such account. */
    private List<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM account WHERE username = :username")
                .param("username", username)
                .query(String.class)
                .list();
    }

    private void remember(String username, String hash) {
        jdbc.sql("INSERT INTO password_history (username, password_hash) VALUES (:username, :password_hash)")
                .param("username", username)
                .param("password_hash", hash)
                .update();
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT * FROM account WHERE username = :username") // the primary key: one row at most
                .param("username", username)
                .query(ACCOUNT)
                .optional();
    }

    public List<Account> all() {
        return jdbc.sql("SELECT * FROM account ORDER BY username")
                .query(ACCOUNT)
                .list();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT * FROM account WHERE username = :username")
                .param("username", username)
                .query((rs, i) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .disabled(!rs.getBoolean("enabled"))
                        .authorities(Arrays.stream(rs.getString("roles").split(","))
                                .filter(r -> !r.isBlank())
                                .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                                .toList())
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    private static final RowMapper<Account> ACCOUNT = (rs, i) -> new Account(
            rs.getString("username"),
            rs.getString("display_name"),
            Arrays.stream(rs.getString("roles").split(","))
                    .filter(r -> !r.isBlank())
                    .toList(),
            tenancy(rs.getString("tenancy")),
            rs.getBoolean("enabled"));

    private static String tenancy(Map<String, String> tenancy) {
        return tenancy.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .collect(Collectors.joining(","));
    }

    private static Map<String, String> tenancy(String stored) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : stored.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return map;
    }
}

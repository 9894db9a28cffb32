package org.wushe.hub.auth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
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

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    public AccountStore(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Creates the account or replaces its password, name, roles and tenancy; true when it was new. */
    public boolean save(Account account, String password) {
        String hash = passwords.encode(password);
        remember(account.username(), hash);
        int updated = jdbc.update(
                "UPDATE account SET password_hash = ?, display_name = ?, roles = ?, tenancy = ?, enabled = ?, updated_at = now() "
                        + "WHERE username = ?",
                hash,
                account.displayName(),
                String.join(",", account.roles()),
                tenancy(account.tenancy()),
                account.enabled(),
                account.username());
        if (updated == 1) {
            return false;
        }
        jdbc.update(
                "INSERT INTO account (username, password_hash, display_name, roles, tenancy, enabled) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (username) DO NOTHING",
                account.username(),
                hash,
                account.displayName(),
                String.join(",", account.roles()),
                tenancy(account.tenancy()),
                account.enabled());
        return true;
    }

    /** A new password for an existing account; false when there is no such account. */
    public boolean setPassword(String username, String password) {
        String hash = passwords.encode(password);
        boolean done = jdbc.update(
                        "UPDATE account SET password_hash = ?, updated_at = now() WHERE username = ?", hash, username)
                == 1;
        if (done) {
            remember(username, hash);
        }
        return done;
    }

    /** True when {@code password} is the account's current one or any of its last {@code last} passwords. */
    public boolean usedBefore(String username, String password, int last) {
        List<String> hashes = jdbc.queryForList(
                "SELECT password_hash FROM password_history WHERE username = ? ORDER BY set_at DESC LIMIT ?",
                String.class,
                username,
                Math.max(1, last));
        List<String> current =
                jdbc.queryForList("SELECT password_hash FROM account WHERE username = ?", String.class, username);
        return java.util.stream.Stream.concat(current.stream(), hashes.stream())
                .anyMatch(h -> passwords.matches(password, h));
    }

    /** True when the account exists and {@code password} is its password. */
    public boolean hasPassword(String username, String password) {
        return jdbc
                .queryForList("SELECT password_hash FROM account WHERE username = ?", String.class, username)
                .stream()
                .anyMatch(h -> passwords.matches(password, h));
    }

    private void remember(String username, String hash) {
        jdbc.update("INSERT INTO password_history (username, password_hash) VALUES (?, ?)", username, hash);
    }

    public Optional<Account> find(String username) {
        return jdbc.query("SELECT * FROM account WHERE username = ?", ACCOUNT, username).stream()
                .findFirst();
    }

    public List<Account> all() {
        return jdbc.query("SELECT * FROM account ORDER BY username", ACCOUNT);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc
                .query(
                        "SELECT * FROM account WHERE username = ?",
                        (rs, i) -> User.withUsername(rs.getString("username"))
                                .password(rs.getString("password_hash"))
                                .disabled(!rs.getBoolean("enabled"))
                                .authorities(Arrays.stream(rs.getString("roles").split(","))
                                        .filter(r -> !r.isBlank())
                                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                                        .toList())
                                .build(),
                        username)
                .stream()
                .findFirst()
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

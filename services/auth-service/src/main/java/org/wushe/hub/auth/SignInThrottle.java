package org.wushe.hub.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sign-in throttling at the issuer: failed sign-ins are counted per username and per client address over a sliding
 * window of {@code wushe.auth.sign-in.lockout}; at {@code max-failures} (username) or {@code max-failures-per-ip}
 * (address) the username or address is locked for that long, and while locked the form does not even check the
 * password. A successful sign-in clears the username's count. Kept in memory: a restart of the issuer forgets it.
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final Clock clock;
    private final AuthProperties.SignIn settings;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    public SignInThrottle(Clock clock, AuthProperties props) {
        this.clock = clock;
        this.settings = props.signIn();
    }

    /** Until when this username or this address is locked, or null when neither is. */
    public Instant lockedUntil(String username, String address) {
        Instant now = clock.instant();
        Instant user = current(userKey(username), now);
        Instant ip = current(ipKey(address), now);
        if (user == null) {
            return ip;
        }
        return ip == null || user.isAfter(ip) ? user : ip;
    }

    /** Counts a failed sign-in; true when it locked the username or the address. */
    public boolean failed(String username, String address) {
        Instant now = clock.instant();
        boolean locked = count(userKey(username), settings.maxFailures(), now);
        locked |= count(ipKey(address), settings.maxFailuresPerIp(), now);
        if (locked) {
            log.warn("Sign-in locked for {} min: {} from {}", settings.lockout().toMinutes(), username, address);
        }
        return locked;
    }

    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    public Duration lockout() {
        return settings.lockout();
    }

    private boolean count(String key, int max, Instant now) {
        if (failures.size() > 10_000) {
            // Many usernames tried once: forget the counts older than the window, so guessing names cannot fill memory.
            failures.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || !times.peekLast().isAfter(now.minus(settings.lockout()));
                }
            });
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(settings.lockout()))) {
                times.removeFirst();
            }
            if (times.size() >= max) {
                lockedUntil.put(key, now.plus(settings.lockout()));
                times.clear();
                return true;
            }
        }
        return false;
    }

    private Instant current(String key, Instant now) {
        Instant until = lockedUntil.get(key);
        if (until != null && !until.isAfter(now)) {
            lockedUntil.remove(key, until);
            return null;
        }
        return until;
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String ipKey(String address) {
        return "ip:" + address;
    }
}

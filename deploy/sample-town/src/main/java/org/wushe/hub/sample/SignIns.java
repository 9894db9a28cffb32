package org.wushe.hub.sample;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sample people's bearer tokens for one load: each person signs in once, as a browser does (the issuer's sign-in
 * page, {@link Wishes.Http#signIn}), with their password from the town's passwords file, and the token is kept.
 */
final class SignIns {

    private final SampleTown.Endpoints api;
    private final Wishes.Http http;
    private final Path passwordsFile;
    private final Map<String, String> passwords;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** The people of the passwords file in {@code dir} (the town's directory), signing in through {@code http}. */
    SignIns(SampleTown.Endpoints api, Path dir, Wishes.Http http) {
        this.api = api;
        this.http = http;
        this.passwordsFile = dir.resolve(SampleAccounts.PASSWORDS_FILE);
        this.passwords = Wishes.readPasswords(passwordsFile);
    }

    /** Someone whose account was made after the file was read. */
    void add(String username, String password) {
        passwords.put(username, password);
    }

    /** {@code username}'s token, signed in at the first call. */
    String token(String username) {
        String password = passwords.get(username);
        if (password == null) {
            throw new IllegalStateException("no password for " + username + " in " + passwordsFile);
        }
        return tokens.computeIfAbsent(
                username, u -> http.signIn(api.auth(), "wushe-console", api.matching() + "/console/", u, password));
    }
}

package org.wushe.hub.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real RS256 JWTs for the services under test, signed with a key pair made once per test JVM. They are
 * access tokens as the hub's issuer makes them (header {@code typ} {@value #ACCESS_TOKEN_TYPE}, {@code aud} holding
 * {@value #AUDIENCE}), and the services verify them as production verifies the issuer's tokens (signature, expiry,
 * type, audience, then roles and tenancy claims), with {@code spring.security.oauth2.resourceserver.jwt.public-key-location} pointing at
 * {@link #publicKeyPem()}; {@link TestStack#register} and {@link ServiceProcess} set it. The embedded
 * hub's tests use tokens from the real authorization server instead (auth-service).
 *
 * <pre>{@code
 * String li = TestTokens.token("staff-li", List.of(Roles.STATION_STAFF), Map.of("station_id", station));
 * http.get("/stations/" + station + "/proposals", TestTokens.AUTHORIZATION, TestTokens.bearer(li));
 * }</pre>
 */
public final class TestTokens {

    public static final String AUTHORIZATION = "Authorization";
    public static final String ADMIN_SUBJECT = "test-admin";
    /** The JWT header {@code typ} of an access token (RFC 9068), which the services require. */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";
    /** The hub's API audience, which the services require in {@code aud}. */
    public static final String AUDIENCE = "wushe-hub";
    /** The client an ID token of {@link #idToken} is for. */
    public static final String CLIENT = "wushe-portal";

    private static final Duration LIFETIME = Duration.ofHours(12);

    private static KeyPair keys;
    private static Path publicKeyFile;

    private TestTokens() {}

    /** A token for {@code subject} with {@code roles} and tenancy {@code claims} (e.g. {@code station_id}). */
    public static String token(String subject, List<String> roles, Map<String, ?> claims) {
        return sign(subject, roles, claims, Instant.now().plus(LIFETIME));
    }

    /** A token for {@code subject} with one role held for one tenant: {@code token("li", "station_staff", "station_id", id)}. */
    public static String token(String subject, String role, String claim, Object tenant) {
        return token(subject, List.of(role), Map.of(claim, tenant.toString()));
    }

    /** The hub admin ({@code hub_admin}) acting as {@value #ADMIN_SUBJECT}. */
    public static String admin() {
        return admin(ADMIN_SUBJECT);
    }

    /** The hub admin acting as {@code subject}, whose name goes into the events' actor header. */
    public static String admin(String subject) {
        return token(subject, List.of("hub_admin"), Map.of());
    }

    /** A token that expired a minute ago. */
    public static String expired(String subject) {
        return sign(subject, List.of("hub_admin"), Map.of(), Instant.now().minusSeconds(60));
    }

    /**
     * An OpenID Connect ID token for {@code subject} from the same signer, with the same roles: header {@code typ} JWT,
     * {@code aud} the client only. The services refuse it (401): it says who signed in, not what they may do.
     */
    public static String idToken(String subject, List<String> roles, Map<String, ?> claims) {
        return sign(
                keys(),
                new JOSEObjectType("JWT"),
                List.of(CLIENT),
                subject,
                roles,
                claims,
                Instant.now().plus(LIFETIME));
    }

    /** An access token (type {@value #ACCESS_TOKEN_TYPE}) whose {@code aud} does not name the hub: refused (401). */
    public static String otherAudience(String subject, List<String> roles, Map<String, ?> claims) {
        return sign(
                keys(),
                new JOSEObjectType(ACCESS_TOKEN_TYPE),
                List.of("some-other-api"),
                subject,
                roles,
                claims,
                Instant.now().plus(LIFETIME));
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String foreign(String subject) {
        return sign(
                newKeys(),
                subject,
                List.of("hub_admin"),
                Map.of(),
                Instant.now().plus(LIFETIME));
    }

    /**
     * Adds {@code headers} (name, value, name, value…) to a request, and the bearer {@code token} unless they
     * carry an Authorization header of their own (an empty one: no token at all); a null token sends none.
     * What every test HTTP client of the hub does with its default token.
     */
    public static java.net.http.HttpRequest.Builder withHeaders(
            java.net.http.HttpRequest.Builder request, String token, String... headers) {
        boolean authorization = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(AUTHORIZATION)) {
                authorization = true;
                if (headers[i + 1] == null || headers[i + 1].isEmpty()) {
                    continue;
                }
            }
            request.header(headers[i], headers[i + 1]);
        }
        if (!authorization && token != null) {
            request.header(AUTHORIZATION, bearer(token));
        }
        return request;
    }

    /** "Bearer …" for the Authorization header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The PEM file of the public key, written once per test JVM under {@code target/}. */
    public static synchronized Path publicKeyPem() {
        if (publicKeyFile == null) {
            RSAPublicKey key = (RSAPublicKey) keys().getPublic();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            try {
                Path file = Path.of(
                                "target", "test-jwt-" + ProcessHandle.current().pid() + ".pem")
                        .toAbsolutePath();
                Files.createDirectories(file.getParent());
                Files.writeString(file, pem);
                publicKeyFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    /** The Spring property a service verifies these tokens with, as a resource location. */
    public static String publicKeyLocation() {
        return "file:" + publicKeyPem();
    }

    private static synchronized KeyPair keys() {
        if (keys == null) {
            keys = newKeys();
        }
        return keys;
    }

    private static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String subject, List<String> roles, Map<String, ?> claims, Instant expiry) {
        return sign(keys(), subject, roles, claims, expiry);
    }

    private static String sign(
            KeyPair pair, String subject, List<String> roles, Map<String, ?> claims, Instant expiry) {
        return sign(pair, new JOSEObjectType(ACCESS_TOKEN_TYPE), List.of(AUDIENCE), subject, roles, claims, expiry);
    }

    private static String sign(
            KeyPair pair,
            JOSEObjectType type,
            List<String> audience,
            String subject,
            List<String> roles,
            Map<String, ?> claims,
            Instant expiry) {
        Map<String, Object> all = new LinkedHashMap<>(claims);
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("wushe-test-issuer")
                .audience(audience)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiry.minus(LIFETIME)))
                .notBeforeTime(Date.from(expiry.minus(LIFETIME)))
                .expirationTime(Date.from(expiry))
                .claim("roles", List.copyOf(roles));
        all.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(type)
                        .keyID("wushe-test")
                        .build(),
                set.build());
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) pair.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}

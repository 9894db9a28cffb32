package org.wushe.hub.auth;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Where the issuer keeps sign-ins in flight and the tokens it issued: table {@code oauth2_authorization} in this
 * service's schema (V3), not the framework's default in-memory store. That store iterates a plain map while other
 * requests add to it, so when many people signed in at once the token endpoint could fail with a
 * ConcurrentModificationException (a 500: the sample town's grid workers saw it), and a restart of the issuer lost
 * every sign-in in flight. Two issuer instances can share this table.
 *
 * <p>{@link #sweep()} deletes what can no longer be used, every {@code wushe.auth.authorization-sweep} (default 10
 * min): authorizations whose every token has expired, and sign-ins left unfinished for a day.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class Authorizations {

    private static final Logger log = LoggerFactory.getLogger(Authorizations.class);

    /** A sign-in that got no code or token within this long was abandoned (a closed browser tab, say). */
    static final Duration UNFINISHED = Duration.ofDays(1);

    private final JdbcClient jdbc;

    public Authorizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    /** Deletes the authorizations nobody can use any more; answers how many. */
    @Scheduled(
            fixedDelayString = "${wushe.auth.authorization-sweep:PT10M}",
            initialDelayString = "${wushe.auth.authorization-sweep:PT10M}")
    public int sweep() {
        int deleted = jdbc.sql("""
                        DELETE FROM oauth2_authorization
                         WHERE GREATEST(authorization_code_expires_at, access_token_expires_at,
                                        oidc_id_token_expires_at, refresh_token_expires_at) < now()
                            OR (authorization_code_value IS NULL AND access_token_value IS NULL
                                AND refresh_token_value IS NULL AND created_at < now() - make_interval(secs => :unfinished))
                        """).param("unfinished", UNFINISHED.toSeconds()).update();
        if (deleted > 0) {
            log.info("Swept {} expired or abandoned sign-ins 已清理过期登录", deleted);
        }
        return deleted;
    }
}

package org.wushe.hub.portal;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * The portal's one client registration ({@value #ID}), read from the issuer's discovery document the first time
 * it is needed rather than at start: the portal starts beside the issuer (in the embedded hub, at the same
 * moment) and does not fail when the issuer answers a few seconds later. A failed discovery is tried again on
 * the next request; a good one is kept.
 */
final class IssuerRegistrations implements ClientRegistrationRepository {

    static final String ID = "wushe";
    private static final Logger log = LoggerFactory.getLogger(IssuerRegistrations.class);

    private final PortalProperties props;
    private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

    IssuerRegistrations(PortalProperties props) {
        this.props = props;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration.get();
        if (known != null) {
            return known;
        }
        ClientRegistration discovered = ClientRegistrations.fromIssuerLocation(
                        props.issuer().toString())
                .registrationId(ID)
                .clientId(props.clientId())
                .clientSecret(props.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
                .userNameAttributeName("sub")
                .clientName("五社联动门户 Wushe portal")
                .build();
        if (registration.compareAndSet(null, discovered)) {
            log.info("Signing in at {} as client {}", props.issuer(), props.clientId());
        }
        return registration.get();
    }
}

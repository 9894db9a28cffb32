package org.wushe.hub.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /accounts/volunteers}: anyone signs themself up as a volunteer (志愿者自助注册) with a username, a
 * password and a display name, without a token. The account gets the role {@code volunteer} and a fresh
 * {@code volunteer_id}, which the volunteer service takes as their record's id when they register their real-name
 * details there ({@code POST /volunteers/me}). 409 naming {@code username} when it is taken (never replacing an
 * account, unlike the admin's {@code POST /accounts}); each client address may sign up a few accounts per window
 * ({@code wushe.auth.volunteer-sign-up.per-address}, {@code .window}), more is a 429; every sign-up is in the audit
 * trail ({@code VOLUNTEER_SIGNED_UP}). The rules are {@link VolunteerAccounts}', which the issuer's sign-up page
 * ({@link VolunteerSignUpPage}) applies too.
 */
@RestController
public class VolunteerSignUp {

    /** What a person sends to sign up. */
    public record Request(String username, String password, String displayName) {}

    /** The account made: its volunteer id is what the volunteer service knows them by. */
    public record SignedUp(String username, String displayName, List<String> roles, String volunteerId) {}

    private final VolunteerAccounts volunteers;

    public VolunteerSignUp(VolunteerAccounts volunteers) {
        this.volunteers = volunteers;
    }

    /** Only {@code POST /accounts/volunteers}, before the admin API's chain: public, no token, no session. */
    @Bean
    @Order(0)
    static SecurityFilterChain volunteerSignUpChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/accounts/volunteers"))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @PostMapping("/accounts/volunteers")
    public ResponseEntity<SignedUp> signUp(@RequestBody Request request, HttpServletRequest http) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(volunteers.signUp(request, http.getRemoteAddr(), "POST /accounts/volunteers"));
    }

    @ExceptionHandler(VolunteerAccounts.TooMany.class)
    ResponseEntity<ProblemDetail> tooMany(VolunteerAccounts.TooMany e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(volunteers.retryAfterSeconds(e)))
                .body(AccountController.problemBody(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "urn:wushe:problem:too-many-requests",
                        Texts.text("problem.too-many-requests.title"),
                        "client",
                        e.getMessage()));
    }

    @ExceptionHandler(AccountController.BadAccount.class)
    ResponseEntity<ProblemDetail> bad(AccountController.BadAccount e) {
        return AccountController.problem(e.status, e.field, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return AccountController.problem(HttpStatus.BAD_REQUEST, "body", Texts.text("sign-up.body-not-json"));
    }
}

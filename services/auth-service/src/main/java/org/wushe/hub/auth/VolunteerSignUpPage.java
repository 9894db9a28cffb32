package org.wushe.hub.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.hub.platform.core.Language;

/**
 * The volunteers' sign-up page (志愿者注册), linked from the sign-in page and made like it: a phone's width, Chinese
 * first with English beside (English alone for Accept-Language: en), texts from {@link Texts}. A username, a display
 * name, the password twice; the form posts (CSRF-protected) in the same session as the sign-in page, so an
 * authorization request that sent the person to sign in is still waiting when they have signed up and signed in.
 * The rules are {@link VolunteerAccounts}' (those of {@code POST /accounts/volunteers}). Signed up: to
 * {@code /login?registered}, which says so and fills in the username. Refused: the form again with 400 (bad input),
 * 409 (the username is taken) or 429 (too many sign-ups from the address), the message beside the field it names,
 * the username and display name as typed (never the password), everything escaped.
 */
@Controller
public class VolunteerSignUpPage {

    /** The session attribute holding the username just signed up, for the sign-in page to fill in. */
    static final String SIGNED_UP = VolunteerSignUpPage.class.getName() + ".username";

    private static final String PATH = "/volunteer-sign-up";

    private final VolunteerAccounts volunteers;

    public VolunteerSignUpPage(VolunteerAccounts volunteers) {
        this.volunteers = volunteers;
    }

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> form(HttpServletRequest request) {
        return page(request, HttpStatus.OK, "", "", null, null);
    }

    @PostMapping(value = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> signUp(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordAgain,
            HttpServletRequest request) {
        VolunteerSignUp.Request asked = new VolunteerSignUp.Request(username, password, displayName);
        try {
            VolunteerAccounts.check(asked);
            if (password == null || !password.equals(passwordAgain)) {
                throw new AccountController.BadAccount("passwordAgain", Texts.text("sign-up.passwords-differ"));
            }
            VolunteerSignUp.SignedUp made =
                    volunteers.signUp(asked, request.getRemoteAddr(), "the sign-up page " + PATH);
            request.getSession().setAttribute(SIGNED_UP, made.username());
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(request.getContextPath() + "/login?registered"))
                    .build();
        } catch (AccountController.BadAccount e) {
            return page(request, e.status, username, displayName, e.field, e.getMessage());
        } catch (VolunteerAccounts.TooMany e) {
            ResponseEntity<String> again =
                    page(request, HttpStatus.TOO_MANY_REQUESTS, username, displayName, "client", e.getMessage());
            return ResponseEntity.status(again.getStatusCode())
                    .headers(again.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(volunteers.retryAfterSeconds(e)))
                    .body(again.getBody());
        }
    }

    /** The username this session has just signed up (read once), or null. */
    static String signedUp(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SIGNED_UP) instanceof String username)) {
            return null;
        }
        session.removeAttribute(SIGNED_UP);
        return username;
    }

    /** The form, with what was typed (never the password) and {@code message} beside {@code field} (null: none). */
    private static ResponseEntity<String> page(
            HttpServletRequest request,
            HttpStatus status,
            String username,
            String displayName,
            String field,
            String message) {
        Language language = Texts.language(request);
        String body = """
                %s<form method="post" action="volunteer-sign-up">
                <label for="username">%s</label><input id="username" name="username" autocomplete="username" required maxlength="64" aria-describedby="username-hint%s"%s value="%s">
                <p class="hint" id="username-hint">%s</p>%s
                <label for="displayName">%s</label><input id="displayName" name="displayName" autocomplete="name" maxlength="100" aria-describedby="displayName-hint%s"%s value="%s">
                <p class="hint" id="displayName-hint">%s</p>%s
                <label for="password">%s</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="72" aria-describedby="password-hint%s"%s>
                <p class="hint" id="password-hint">%s</p>%s
                <label for="passwordAgain">%s</label><input id="passwordAgain" name="passwordAgain" type="password" autocomplete="new-password" required maxlength="72"%s%s>
                %s
                %s
                <button type="submit">%s</button></form>
                <p class="note">%s</p>
                <p class="link"><a id="sign-in-link" href="login">%s</a></p>
                """.formatted(
                        "client".equals(field) ? error("client", message) : "",
                        html(Texts.text(language, "login.username")),
                        describedBy("username", field),
                        invalid("username", field),
                        html(username),
                        html(Texts.text(language, "sign-up.username-hint")),
                        fieldError("username", field, message),
                        html(Texts.text(language, "sign-up.display-name")),
                        describedBy("displayName", field),
                        invalid("displayName", field),
                        html(displayName),
                        html(Texts.text(language, "sign-up.display-name-hint")),
                        fieldError("displayName", field, message),
                        html(Texts.text(language, "login.password")),
                        describedBy("password", field),
                        invalid("password", field),
                        html(Texts.text(language, "account.password-length")),
                        fieldError("password", field, message),
                        html(Texts.text(language, "sign-up.password-again")),
                        "passwordAgain".equals(field) ? " aria-describedby=\"passwordAgain-error\"" : "",
                        invalid("passwordAgain", field),
                        fieldError("passwordAgain", field, message),
                        LoginPage.csrfField(request),
                        html(Texts.text(language, "sign-up.submit")),
                        html(Texts.text(language, "sign-up.note")),
                        html(Texts.text(language, "sign-up.sign-in")));
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(LoginPage.page(language, "sign-up.title", body));
    }

    private static String html(String text) {
        return text == null ? "" : LoginPage.html(text);
    }

    private static String invalid(String name, String field) {
        return name.equals(field) ? " aria-invalid=\"true\"" : "";
    }

    private static String describedBy(String name, String field) {
        return name.equals(field) ? " " + name + "-error" : "";
    }

    private static String fieldError(String name, String field, String message) {
        return name.equals(field) ? "\n" + error(name, message) : "";
    }

    /** A refusal: beside its field ({@code id="<field>-error"}), or above the form for the client address. */
    private static String error(String field, String message) {
        return "<p class=\"error field-error\" id=\"" + field + "-error\" role=\"alert\" data-field=\"" + field + "\">"
                + html(message) + "</p>";
    }
}

package org.wushe.hub.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;
import org.wushe.hub.platform.core.Language;

/**
 * The sign-in page, Chinese first with English beside (English alone for Accept-Language: en); texts from {@link Texts}.
 * It links to the volunteers' sign-up page ({@link VolunteerSignUpPage}), which comes back here with
 * {@code ?registered}: a note, and the new username filled in.
 */
@Controller
public class LoginPage {

    private final SignInThrottle throttle;

    public LoginPage(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String login(HttpServletRequest request) {
        boolean failed = request.getParameter("error") != null;
        boolean locked = request.getParameter("locked") != null;
        long minutes = Math.max(1, throttle.lockout().toMinutes());
        boolean out = request.getParameter("logout") != null;
        boolean registered = request.getParameter("registered") != null;
        String username = registered ? VolunteerSignUpPage.signedUp(request) : null;
        Language language = Texts.language(request);
        return page(language, "login.title", """
                %s%s%s
                <form method="post" action="login">
                <label for="username">%s</label><input id="username" name="username" autocomplete="username" required%s>
                <label for="password">%s</label><input id="password" name="password" type="password" autocomplete="current-password" required%s>
                %s
                <button type="submit">%s</button></form>
                <p class="note">%s</p>
                <p class="link"><a id="sign-up-link" href="volunteer-sign-up">%s</a></p>
                """.formatted(
                locked
                        ? "<p class=\"error\" role=\"alert\">" + html(Texts.text(language, "login.locked", minutes))
                                + "</p>"
                        : failed
                                ? "<p class=\"error\" role=\"alert\">" + html(Texts.text(language, "login.failed"))
                                        + "</p>"
                                : "",
                out ? "<p class=\"note\">" + html(Texts.text(language, "login.signed-out")) + "</p>" : "",
                registered
                        ? "<p class=\"done\" role=\"status\">" + html(Texts.text(language, "login.registered")) + "</p>"
                        : "",
                html(Texts.text(language, "login.username")),
                username == null ? " autofocus" : " value=\"" + html(username) + "\"",
                html(Texts.text(language, "login.password")),
                username == null ? "" : " autofocus",
                csrfField(request),
                html(Texts.text(language, "login.submit")),
                html(Texts.text(language, "login.note")),
                html(Texts.text(language, "login.sign-up"))));
    }

    /**
     * One of the issuer's pages, as a phone shows it: the language's {@code lang}, the title ({@code titleCode}) as
     * the heading (Chinese with its English in small type beside it, or English alone), then {@code body} (HTML,
     * escaped by the caller).
     */
    static String page(Language language, String titleCode, String body) {
        return """
                <!doctype html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f4f6f8;margin:0}
                main{max-width:22rem;margin:10vh auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
                h1{font-size:1.3rem;margin:0 0 1rem}label{display:block;margin:.8rem 0 .2rem}input{width:100%%;padding:.5rem;box-sizing:border-box}
                button{margin-top:1.2rem;width:100%%;padding:.6rem;background:#c0392b;color:#fff;border:0;border-radius:4px;font-size:1rem}
                .error{color:#c0392b}.note,.hint{color:#555;font-size:.85rem}.hint,.field-error{margin:.2rem 0 0}
                .done{color:#1e7e34}.link{text-align:center;margin:1rem 0 0}a{color:#1a5fb4}</style></head>
                <body><main><h1>%s</h1>
                %s</main></body></html>
                """.formatted(
                        language == Language.EN ? "en" : "zh-CN",
                        html(Texts.text(language, titleCode)),
                        language == Language.EN
                                ? html(Texts.text(language, titleCode))
                                : html(Texts.only(language, titleCode)) + " <small>"
                                        + html(Texts.only(Language.EN, titleCode)) + "</small>",
                        body);
    }

    /** The form's hidden CSRF field, with the token of the request's session. */
    static String csrfField(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return "<input type=\"hidden\" name=\"%s\" value=\"%s\">"
                .formatted(
                        csrf == null ? "_csrf" : HtmlUtils.htmlEscape(csrf.getParameterName()),
                        csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()));
    }

    static String html(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

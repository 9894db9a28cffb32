package org.wushe.hub.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;
import org.wushe.hub.platform.core.Language;

/** The sign-in page, Chinese first with English beside (English alone for Accept-Language: en); texts from {@link Texts}. */
@Controller
public class LoginPage {

    private final SignInThrottle throttle;

    public LoginPage(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String login(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean failed = request.getParameter("error") != null;
        boolean locked = request.getParameter("locked") != null;
        long minutes = Math.max(1, throttle.lockout().toMinutes());
        boolean out = request.getParameter("logout") != null;
        Language language = Texts.language(request);
        return """
                <!doctype html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f4f6f8;margin:0}
                main{max-width:22rem;margin:10vh auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
                h1{font-size:1.3rem;margin:0 0 1rem}label{display:block;margin:.8rem 0 .2rem}input{width:100%%;padding:.5rem;box-sizing:border-box}
                button{margin-top:1.2rem;width:100%%;padding:.6rem;background:#c0392b;color:#fff;border:0;border-radius:4px;font-size:1rem}
                .error{color:#c0392b}.note{color:#555;font-size:.85rem}</style></head>
                <body><main><h1>%s</h1>
                %s%s
                <form method="post" action="login">
                <label for="username">%s</label><input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">%s</label><input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">%s</button></form>
                <p class="note">%s</p>
                </main></body></html>
                """.formatted(
                        language == Language.EN ? "en" : "zh-CN",
                        html(Texts.text(language, "login.title")),
                        language == Language.EN
                                ? html(Texts.text(language, "login.title"))
                                : html(Texts.only(language, "login.title")) + " <small>"
                                        + html(Texts.only(Language.EN, "login.title")) + "</small>",
                        locked
                                ? "<p class=\"error\" role=\"alert\">"
                                        + html(Texts.text(language, "login.locked", minutes)) + "</p>"
                                : failed
                                        ? "<p class=\"error\" role=\"alert\">"
                                                + html(Texts.text(language, "login.failed")) + "</p>"
                                        : "",
                        out ? "<p class=\"note\">" + html(Texts.text(language, "login.signed-out")) + "</p>" : "",
                        html(Texts.text(language, "login.username")),
                        html(Texts.text(language, "login.password")),
                        csrf == null ? "_csrf" : HtmlUtils.htmlEscape(csrf.getParameterName()),
                        csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()),
                        html(Texts.text(language, "login.submit")),
                        html(Texts.text(language, "login.note")));
    }

    private static String html(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

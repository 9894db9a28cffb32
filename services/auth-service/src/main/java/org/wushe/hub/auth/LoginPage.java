package org.wushe.hub.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The sign-in page, Chinese first with English beside. */
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
        return """
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>五社联动 登录 · Wushe Hub sign-in</title>
                <style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f4f6f8;margin:0}
                main{max-width:22rem;margin:10vh auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
                h1{font-size:1.3rem;margin:0 0 1rem}label{display:block;margin:.8rem 0 .2rem}input{width:100%%;padding:.5rem;box-sizing:border-box}
                button{margin-top:1.2rem;width:100%%;padding:.6rem;background:#c0392b;color:#fff;border:0;border-radius:4px;font-size:1rem}
                .error{color:#c0392b}.note{color:#555;font-size:.85rem}</style></head>
                <body><main><h1>五社联动 登录 <small>Wushe Hub sign-in</small></h1>
                %s%s
                <form method="post" action="login">
                <label for="username">账号 Username</label><input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">密码 Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">登录 Sign in</button></form>
                <p class="note">站点、社区、社会组织、志愿者与中心账号由平台管理员开通。Accounts are opened by the hub admin.</p>
                </main></body></html>
                """.formatted(
                locked
                        ? ("<p class=\"error\" role=\"alert\">登录失败次数过多，已暂时锁定，请 " + minutes + " 分钟后再试。"
                                + " Too many failed sign-ins: locked for " + minutes + " minutes, try again later.</p>")
                        : failed ? "<p class=\"error\" role=\"alert\">账号或密码错误 Wrong username or password</p>" : "",
                out ? "<p class=\"note\">已退出 Signed out</p>" : "",
                csrf == null ? "_csrf" : HtmlUtils.htmlEscape(csrf.getParameterName()),
                csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()));
    }
}

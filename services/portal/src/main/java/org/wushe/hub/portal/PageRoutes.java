package org.wushe.hub.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The workspaces are routes of one page (the Vue app's history mode): a reload or a shared link of
 * {@code /community/import} gets {@code index.html}, which then shows that workspace.
 */
@Controller
class PageRoutes {

    @GetMapping({
        "/community",
        "/community/**",
        "/provider",
        "/provider/**",
        "/volunteer",
        "/volunteer/**",
        "/worker",
        "/worker/**",
        "/station",
        "/station/**",
        "/centre",
        "/centre/**",
        "/grid",
        "/grid/**",
        "/resident",
        "/resident/**",
        "/admin",
        "/admin/**"
    })
    String workspace() {
        return "forward:/index.html";
    }

    /** Submits the sign-out form to the issuer ({@link IssuerSignOut}); a file of the portal's own, as the CSP asks. */
    @GetMapping(value = "/signout.js", produces = "text/javascript")
    @org.springframework.web.bind.annotation.ResponseBody
    String signOutScript() {
        return IssuerSignOut.SCRIPT;
    }
}

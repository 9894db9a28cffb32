package org.wushe.hub.volunteer.certificate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.HtmlUtils;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * The public verification page a certificate's QR opens ({@code <portal>/verify/<code>}, which the portal routes
 * here): a small page made on the server, every value HTML-escaped, no script, Chinese first with the English beside
 * it; the same facts as {@code GET /certificates/{code}/verification}.
 */
@Controller
@Tag(name = "certificates")
class VerifyPage {

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final CertificateService service;

    VerifyPage(CertificateService service) {
        this.service = service;
    }

    @GetMapping(value = "/verify/{code}", produces = "text/html")
    @SecurityRequirements
    @Operation(summary = "证明核验页 The public verification page (HTML, no sign-in): 404 page for an unknown code")
    ResponseEntity<String> page(@PathVariable String code) {
        String body;
        HttpStatus status = HttpStatus.OK;
        try {
            body = found(service.verify(code));
        } catch (InvalidInputException notFound) {
            status = HttpStatus.valueOf(notFound.status());
            body = "<p class=\"bad\">" + both("certificate.page.not-found") + "</p>";
        }
        String html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + both("certificate.page.title") + "</title><style>"
                + "body{font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#222}"
                + "h1{font-size:1.3rem;color:#b22}dt{color:#666;margin-top:.6rem}dd{margin:0;font-size:1.1rem}"
                + ".ok{color:#161}.bad{color:#b22}</style></head><body><h1>" + both("certificate.page.title") + "</h1>"
                + body + "</body></html>";
        return ResponseEntity.status(status)
                .contentType(HTML)
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff")
                .body(html);
    }

    private static String found(CertificateService.Verification v) {
        StringBuilder dl = new StringBuilder("<p class=\"ok\">" + both("certificate.page.valid") + "</p><dl>");
        row(dl, "certificate.label.name", v.maskedName() == null ? both("certificate.page.erased") : v.maskedName());
        row(dl, "certificate.label.hours", v.hours() + " " + Messages.text(Language.ZH, "certificate.unit.hours"));
        row(
                dl,
                "certificate.label.records",
                v.serviceRecords() + " " + Messages.text(Language.ZH, "certificate.unit.records"));
        row(dl, "certificate.label.stars", CertificatePdf.stars(v.stars()));
        row(
                dl,
                "certificate.label.period",
                (v.periodFrom() == null
                                ? both("certificate.period.first")
                                : v.periodFrom().toString()) + " 至 to "
                        + (v.periodTo() == null ? v.issuedOn() : v.periodTo()));
        row(dl, "certificate.label.issuer", v.issuedBy());
        row(dl, "certificate.label.issued-on", v.issuedOn().toString());
        row(dl, "certificate.label.code", v.code());
        return dl.append("</dl>").toString();
    }

    private static void row(StringBuilder dl, String label, String value) {
        dl.append("<dt>")
                .append(both(label))
                .append("</dt><dd>")
                .append(HtmlUtils.htmlEscape(value, "UTF-8"))
                .append("</dd>");
    }

    private static String both(String code) {
        return HtmlUtils.htmlEscape(
                Messages.only(Locale.SIMPLIFIED_CHINESE, code) + " " + Messages.only(Locale.ENGLISH, code), "UTF-8");
    }
}

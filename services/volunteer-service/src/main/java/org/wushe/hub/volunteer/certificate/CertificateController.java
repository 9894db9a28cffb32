package org.wushe.hub.volunteer.certificate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
        name = "certificates",
        description =
                "志愿服务记录证明 Volunteer service record certificates: a PDF with a verification code and QR that anyone "
                        + "can check (masked name, hours, issuer)")
public class CertificateController {

    private final CertificateService service;

    public CertificateController(CertificateService service) {
        this.service = service;
    }

    /**
     * The period of a certificate; either end or both may be left out.
     *
     * @param from the first day of service counted, YYYY-MM-DD (default: from the first record)
     * @param to   the last day of service counted, YYYY-MM-DD, not before {@code from} nor after today (default: today)
     */
    public record IssueCertificate(
            @Size(max = 20) String from, @Size(max = 20) String to) {}

    @PostMapping("/volunteers/{id}/certificates")
    @Operation(
            summary = "出具志愿服务记录证明 Issue a volunteer service record certificate: the volunteer themself (issuer HUB) or "
                    + "staff of a station they serve (issuer STATION, that station); not the hub admin. The hours from the "
                    + "hours ledger, records counted as the hours export counts them, the star held now; a random 12-character "
                    + "verification code; publishes CertificateIssued (no name) and writes the volunteer's access log. 403 "
                    + "naming id for anyone else, 400 naming from or to for a date that is not one, in the future or to "
                    + "before from; 503 naming wushe.volunteer.certificate.font when the CJK font is missing.")
    public ResponseEntity<Certificate> issue(@PathVariable UUID id, @RequestBody(required = false) IssueCertificate r) {
        IssueCertificate period = r == null ? new IssueCertificate(null, null) : r;
        Certificate c = service.issue(id, period.from(), period.to());
        return ResponseEntity.created(URI.create("/volunteers/" + id + "/certificates/" + c.code() + ".pdf"))
                .body(c);
    }

    @GetMapping("/volunteers/{id}/certificates")
    @Operation(
            summary =
                    "The volunteer's certificates, newest first (the volunteer, staff of a station they serve, the hub admin)")
    public List<Certificate> list(@PathVariable UUID id) {
        return service.of(id);
    }

    @GetMapping("/volunteers/{id}/certificates/{code}.pdf")
    @Operation(
            summary =
                    "The certificate as an A4 PDF, Chinese first with English beside it: the full name, the ID number "
                            + "masked (110***********1234), hours, records, star, period, issuer, date, the code and a QR of the "
                            + "public verification address. The volunteer themself, or staff of a station they serve stating a "
                            + "reason; every PDF is written to the volunteer's access log.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PDF_VALUE,
                            schema = @Schema(type = "string", format = "binary")))
    public ResponseEntity<byte[]> pdf(
            @PathVariable UUID id,
            @PathVariable String code,
            @Parameter(description = "why staff open the volunteer's name and ID number (written to the access log)")
                    @RequestParam(required = false)
                    String reason) {
        CertificateService.Pdf pdf = service.pdf(id, code, reason);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(
                                        "志愿服务记录证明-certificate-"
                                                + pdf.certificate().code() + ".pdf",
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(pdf.bytes());
    }

    @GetMapping("/certificates/{code}/verification")
    @SecurityRequirements
    @Operation(
            summary =
                    "核验证明 Verify a certificate, without signing in: the masked name (张*明), hours, records, star, period, "
                            + "issuer and the day of issue; nothing else. 404 naming code for a code never issued. The page for "
                            + "people is GET /verify/{code} (through the portal).")
    public CertificateService.Verification verify(@PathVariable String code) {
        return service.verify(code);
    }
}

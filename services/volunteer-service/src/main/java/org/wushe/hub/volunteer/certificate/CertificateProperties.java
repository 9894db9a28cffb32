package org.wushe.hub.volunteer.certificate;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the volunteer service record certificate ({@code wushe.volunteer.certificate.*}).
 *
 * @param font          the CJK TrueType collection embedded in the PDF: Debian's {@code fonts-wqy-microhei}
 *                      ({@code .ci/install-browser} installs it)
 * @param verifyBaseUrl where people open the public verification page: the portal, which routes
 *                      {@code /verify/{code}} here; the QR on the certificate encodes {@code <verifyBaseUrl>/verify/<code>}
 */
@ConfigurationProperties("wushe.volunteer.certificate")
public record CertificateProperties(
        @DefaultValue(CertificateProperties.DEFAULT_FONT) Path font,
        @DefaultValue("http://localhost:8090") URI verifyBaseUrl) {

    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    public static final String FONT_SETTING = "wushe.volunteer.certificate.font";

    /** The address the QR encodes and the certificate prints. */
    public String verifyUrl(String code) {
        String base = verifyBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/verify/" + code;
    }
}

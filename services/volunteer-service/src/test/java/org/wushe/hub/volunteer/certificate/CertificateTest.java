package org.wushe.hub.volunteer.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.volunteer.CertificateIssued;
import org.wushe.hub.events.volunteer.CertificateIssuer;
import org.wushe.hub.platform.core.IdNumbers;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 item 6, the volunteer service record certificate (志愿服务记录证明), over real HTTP with signed tokens on the
 * real stack: issued by the volunteer or the staff of a station they serve, with the ledger's hours and the star held;
 * the PDF (read back with PDFBox) states the name, the masked ID number, the hours and the code, and its QR (rendered at
 * 150 dpi and decoded with ZXing) opens the public verification; anyone may verify a code and sees the masked name and
 * the totals only; CertificateIssued carries no personal data; every opening of the name is in the access log; refusals
 * name the field. With {@code -Dwushe.screenshots.update=true} page 1 is written to {@code docs/volunteer/certificate.png}.
 */
class CertificateTest extends ServiceScenario {

    private static final String NAME = "张晓明";

    private String staff(UUID station) {
        return TestTokens.token("staff-" + station, Roles.STATION_STAFF, Roles.STATION_ID, station);
    }

    private static String volunteerToken(UUID v) {
        return TestTokens.token("vol-" + v, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, v);
    }

    private static String idNumber(LocalDate birth) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 =
                "110105" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", random.nextInt(1000));
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private record Registered(UUID id, String idNumber, String phone) {}

    private Registered register(UUID station, String name) {
        String idNumber = idNumber(LocalDate.of(1986, 4, 12));
        Map<String, Object> body = registration(name, false, false);
        body.put("idNumber", idNumber);
        body.remove("youngOld");
        Http.Response r = http().as(staff(station)).post("/volunteers", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Registered(UUID.fromString(r.json().get("id").asText()), idNumber, (String) body.get("phone"));
    }

    private void log(UUID station, UUID volunteer, int minutes, LocalDate servedOn) {
        Http.Response r = http().as(staff(station))
                .post(
                        "/volunteers/" + volunteer + "/hours",
                        Map.of("minutes", minutes, "servedOn", servedOn.toString(), "stationId", station.toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private Http.Response issue(String token, UUID volunteer, Map<String, Object> period) {
        return http().as(token).post("/volunteers/" + volunteer + "/certificates", period);
    }

    private Http.Binary pdf(String token, UUID volunteer, String code, String reason) {
        String query = reason == null ? "" : "?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8);
        return http().as(token).getBytes("/volunteers/" + volunteer + "/certificates/" + code + ".pdf" + query);
    }

    private long accessLogged(UUID volunteer, String actor, String reasonContains) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM volunteer_access WHERE volunteer_id = ? AND action = 'CERTIFICATE' AND actor = ? "
                        + "AND reason LIKE ?",
                Long.class,
                volunteer,
                actor,
                "%" + reasonContains + "%");
    }

    private static String decodeQr(BufferedImage page) throws Exception {
        Result r = new MultiFormatReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))));
        return r.getText();
    }

    @Test
    void theVolunteersOwnCertificateAsAPdfWithItsQrAndThePublicVerification() throws Exception {
        UUID station = UUID.randomUUID();
        Registered v = register(station, NAME);
        log(station, v.id(), 90, today().minusDays(3));
        log(station, v.id(), 60, today().minusDays(1));
        String self = volunteerToken(v.id());

        Http.Response issued = issue(self, v.id(), Map.of());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        JsonNode c = issued.json();
        String code = c.get("code").asText();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{12}");
        assertThat(issued.header("Location")).hasValue("/volunteers/" + v.id() + "/certificates/" + code + ".pdf");
        // The hours are the ledger's, the star the one the volunteer holds.
        Http.Response hours = http().as(self).get("/volunteers/" + v.id() + "/hours");
        assertThat(c.get("totalMinutes").asLong())
                .isEqualTo(hours.json().get("totalMinutes").asLong())
                .isEqualTo(150);
        assertThat(c.get("serviceRecords").asInt()).isEqualTo(2);
        Http.Response me = http().as(self).get("/volunteers/" + v.id());
        assertThat(c.get("stars").asInt())
                .isEqualTo(me.json().get("star").get("stars").asInt());
        assertThat(c.get("issuer").asText()).isEqualTo("HUB");
        assertThat(c.get("maskedName").asText()).isEqualTo("张*明");
        assertThat(c.has("stationId")).isFalse();

        Http.Binary pdf = pdf(self, v.id(), code, null);
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.raw().headers().firstValue("Content-Type")).hasValue("application/pdf");
        String maskedId =
                v.idNumber().substring(0, 3) + "*".repeat(11) + v.idNumber().substring(14);
        String verifyUrl = "http://localhost:8090/verify/" + code;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDPage page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("志愿服务记录证明")
                    .contains("Volunteer Service Record Certificate")
                    .contains(NAME)
                    .contains(maskedId)
                    .contains("2.5")
                    .contains(code)
                    .contains(verifyUrl)
                    .doesNotContain(v.idNumber())
                    .doesNotContain(v.phone());
            // The CJK font is embedded (a subset of the collection's WenQuanYi Micro Hei).
            List<PDFont> fonts = new java.util.ArrayList<>();
            for (org.apache.pdfbox.cos.COSName n : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(n));
            }
            assertThat(fonts).anySatisfy(f -> {
                assertThat(f).isInstanceOf(PDType0Font.class);
                assertThat(f.isEmbedded()).isTrue();
                assertThat(f.getName()).contains("WenQuanYi");
            });
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            assertThat(decodeQr(image)).isEqualTo(verifyUrl);
            if (Boolean.getBoolean("wushe.screenshots.update")) {
                Path docs = Path.of(System.getProperty("basedir", "."))
                        .resolve("../../docs/volunteer")
                        .normalize();
                Files.createDirectories(docs);
                ImageIO.write(image, "png", docs.resolve("certificate.png").toFile());
            }
        }
        // Issuing and the PDF opened the sealed name: both in the volunteer's access log.
        assertThat(accessLogged(v.id(), "vol-" + v.id(), code)).isEqualTo(1);
        assertThat(accessLogged(v.id(), "vol-" + v.id(), "本人下载")).isEqualTo(1);

        // Anyone verifies the code, without a token: the masked name and the totals only.
        for (String typed : List.of(code, code.toLowerCase(java.util.Locale.ROOT))) {
            Http.Response verified = http().anonymous().get("/certificates/" + typed + "/verification");
            assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
            JsonNode body = verified.json();
            assertThat(body.get("maskedName").asText()).isEqualTo("张*明");
            assertThat(body.get("hours").asText()).isEqualTo("2.5");
            assertThat(body.get("serviceRecords").asInt()).isEqualTo(2);
            assertThat(body.get("issuer").asText()).isEqualTo("HUB");
            assertThat(body.get("issuedBy").asText()).contains("Wushe Hub");
            assertThat(body.get("issuedOn").asText()).isEqualTo(today().toString());
            assertThat(verified.body())
                    .doesNotContain(NAME)
                    .doesNotContain(v.idNumber())
                    .doesNotContain(v.idNumber().substring(14))
                    .doesNotContain(v.phone())
                    .doesNotContain(v.id().toString());
        }
        Http.Response page = http().anonymous().get("/verify/" + code);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body())
                .contains("张*明")
                .contains("2.5")
                .contains("五社联动枢纽")
                .doesNotContain(NAME)
                .doesNotContain(v.idNumber())
                .doesNotContain("<script");

        // CertificateIssued: the ids, the code and the totals, no personal data.
        List<ConsumerRecord<String, byte[]>> records = recordsOf(v.id(), has(CertificateIssued.class, 1));
        List<SpecificRecord> events = records.stream()
                .<SpecificRecord>map(r -> codec.decode(r.value()))
                .toList();
        CertificateIssued event = only(events, CertificateIssued.class).get(0);
        assertThat(event.getVerificationCode()).isEqualTo(code);
        assertThat(event.getVolunteerId()).isEqualTo(v.id());
        assertThat(event.getTotalMinutes()).isEqualTo(150);
        assertThat(event.getServiceRecords()).isEqualTo(2);
        assertThat(event.getIssuer()).isEqualTo(CertificateIssuer.HUB);
        assertThat(event.getStationId()).isNull();
        assertThat(event.getPeriodFrom()).isNull();
        for (ConsumerRecord<String, byte[]> r : records) {
            String raw = new String(r.value(), StandardCharsets.UTF_8);
            assertThat(raw).doesNotContain(NAME).doesNotContain("张*明").doesNotContain(v.idNumber());
            assertThat(raw).doesNotContain(v.phone());
        }
        assertThat(event.toString()).doesNotContain(NAME).doesNotContain(v.idNumber());

        // The list shows the certificate to the volunteer.
        Http.Response list = http().as(self).get("/volunteers/" + v.id() + "/certificates");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get(0).get("code").asText()).isEqualTo(code);
    }

    @Test
    void aStationIssuesOverAPeriodAndStaffStateWhyTheyOpenThePdf() throws Exception {
        UUID station = UUID.randomUUID();
        Registered v = register(station, "欧阳晓明");
        log(station, v.id(), 120, today().minusDays(6));
        log(station, v.id(), 45, today().minusDays(2));
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", today().minusDays(4).toString());
        period.put("to", today().toString());

        Http.Response issued = issue(staff(station), v.id(), period);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        JsonNode c = issued.json();
        String code = c.get("code").asText();
        assertThat(c.get("issuer").asText()).isEqualTo("STATION");
        assertThat(c.get("stationId").asText()).isEqualTo(station.toString());
        assertThat(c.get("totalMinutes").asLong()).isEqualTo(45);
        assertThat(c.get("serviceRecords").asInt()).isEqualTo(1);
        assertThat(c.get("periodFrom").asText()).isEqualTo(today().minusDays(4).toString());
        assertThat(c.get("maskedName").asText()).isEqualTo("欧**明");

        Http.Binary noReason = pdf(staff(station), v.id(), code, null);
        assertThat(noReason.status()).as(noReason.text()).isEqualTo(400);
        assertThat(noReason.text()).contains("\"field\":\"reason\"");
        String reason = "志愿者评优材料 award file";
        Http.Binary pdf = pdf(staff(station), v.id(), code, reason);
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("欧阳晓明").contains("0.75").contains(code).contains(station.toString());
        }
        assertThat(accessLogged(v.id(), "staff-" + station, reason)).isEqualTo(1);

        Http.Response verified = http().anonymous().get("/certificates/" + code + "/verification");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("issuer").asText()).isEqualTo("STATION");
        assertThat(verified.json().get("hours").asText()).isEqualTo("0.75");
        assertThat(verified.json().get("periodTo").asText()).isEqualTo(today().toString());
    }

    @Test
    void refusalsNameTheFieldAndUnknownCodesAreNotFound() {
        UUID station = UUID.randomUUID();
        Registered v = register(station, "孙丽");
        Registered other = register(UUID.randomUUID(), "周强");
        log(station, v.id(), 60, today());
        String self = volunteerToken(v.id());

        Http.Response anotherVolunteer = issue(volunteerToken(other.id()), v.id(), Map.of());
        assertThat(anotherVolunteer.status()).as(anotherVolunteer.toString()).isEqualTo(403);
        assertThat(anotherVolunteer.problemField()).isEqualTo("id");
        Http.Response otherStation = issue(staff(UUID.randomUUID()), v.id(), Map.of());
        assertThat(otherStation.status()).as(otherStation.toString()).isEqualTo(403);
        assertThat(otherStation.problemField()).isEqualTo("id");
        Http.Response admin = issue(TestTokens.admin(), v.id(), Map.of());
        assertThat(admin.status()).as(admin.toString()).isEqualTo(403);
        assertThat(http().anonymous()
                        .post("/volunteers/" + v.id() + "/certificates", Map.of())
                        .status())
                .isEqualTo(401);

        Map<Map<String, Object>, String> badPeriods = new LinkedHashMap<>();
        badPeriods.put(Map.of("from", "2026-13-01"), "from");
        badPeriods.put(Map.of("to", "yesterday"), "to");
        badPeriods.put(Map.of("from", today().plusDays(1).toString()), "from");
        badPeriods.put(Map.of("to", today().plusDays(1).toString()), "to");
        badPeriods.put(
                Map.of("from", today().toString(), "to", today().minusDays(1).toString()), "to");
        for (Map.Entry<Map<String, Object>, String> bad : badPeriods.entrySet()) {
            Http.Response r = issue(self, v.id(), bad.getKey());
            assertThat(r.status()).as(bad.getKey() + " " + r).isEqualTo(400);
            assertThat(r.problemField()).as(bad.getKey().toString()).isEqualTo(bad.getValue());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM certificate WHERE volunteer_id = ?", Long.class, v.id()))
                .isZero();

        Http.Response ok = issue(self, v.id(), Map.of());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        String code = ok.json().get("code").asText();
        Http.Binary foreignPdf = pdf(volunteerToken(other.id()), v.id(), code, null);
        assertThat(foreignPdf.status()).as(foreignPdf.text()).isEqualTo(403);
        assertThat(foreignPdf.text()).contains("\"field\":\"id\"");
        Http.Response foreignList =
                http().as(volunteerToken(other.id())).get("/volunteers/" + v.id() + "/certificates");
        assertThat(foreignList.status()).as(foreignList.toString()).isEqualTo(403);
        assertThat(pdf(self, v.id(), "0000000000ZZ", null).status()).isEqualTo(404);

        String unknown = code.startsWith("0") ? "1" + code.substring(1) : "0" + code.substring(1);
        Http.Response notFound = http().anonymous().get("/certificates/" + unknown + "/verification");
        assertThat(notFound.status()).as(notFound.toString()).isEqualTo(404);
        assertThat(notFound.problemField()).isEqualTo("code");
        assertThat(notFound.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(http().anonymous()
                        .get("/certificates/not-a-code/verification")
                        .status())
                .isEqualTo(404);
        Http.Response page = http().anonymous().get("/verify/" + unknown);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("未找到").doesNotContain("孙");
    }
}

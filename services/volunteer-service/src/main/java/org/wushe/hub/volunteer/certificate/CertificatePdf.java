package org.wushe.hub.volunteer.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * The certificate as one A4 page of PDF (Apache PDFBox): Chinese first with the English beside it, the CJK font
 * ({@code wushe.volunteer.certificate.font}, a TrueType collection) embedded as a subset, and the QR of the public
 * verification address drawn as filled squares (vector, no image).
 */
@Component
class CertificatePdf {

    private static final Logger log = LoggerFactory.getLogger(CertificatePdf.class);

    /** The font in the collection the text is set in (wqy-microhei.ttc also holds a monospaced one). */
    static final String FONT_NAME = "WenQuanYiMicroHei";

    private static final float MARGIN = 64;
    private static final float QR_SIZE = 132;

    /** What the page states, besides the certificate's own totals. */
    record Details(String name, String maskedIdNumber, String issuer, String verifyUrl) {}

    private final CertificateProperties properties;

    CertificatePdf(CertificateProperties properties) {
        this.properties = properties;
    }

    /** A missing font is said at startup (the rest of the service works without it), naming the setting. */
    @EventListener(ApplicationReadyEvent.class)
    void checkFont() {
        if (!Files.isReadable(properties.font())) {
            log.error(fontMissing());
        }
    }

    /** 503 naming the setting when the font file is missing: no certificate can be made without it. */
    void requireFont() {
        if (!Files.isReadable(properties.font())) {
            throw new InvalidInputException(CertificateProperties.FONT_SETTING, fontMissing(), 503);
        }
    }

    private String fontMissing() {
        return Messages.text("certificate.font-missing", properties.font(), CertificateProperties.FONT_SETTING);
    }

    byte[] render(Certificate c, Details d, ZoneId zone) {
        requireFont();
        try (TrueTypeCollection collection =
                        new TrueTypeCollection(properties.font().toFile());
                PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, font(collection), true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(zh("certificate.title") + " " + en("certificate.title") + " " + c.code());
            info.setCreator("Wushe Hub volunteer-service");
            float width = page.getMediaBox().getWidth();
            float top = page.getMediaBox().getHeight();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                frame(cs, width, top);
                centred(cs, font, 26, zh("certificate.title"), width, top - 110);
                centred(cs, font, 13, en("certificate.title"), width, top - 134);
                String hours = c.hours().toPlainString();
                String period = period(c, zone);
                float y = top - 190;
                for (String line : List.of(
                        zh(
                                "certificate.statement",
                                d.name(),
                                period(c, zone, Locale.SIMPLIFIED_CHINESE),
                                hours,
                                c.serviceRecords()),
                        en(
                                "certificate.statement",
                                d.name(),
                                period(c, zone, Locale.ENGLISH),
                                hours,
                                c.serviceRecords()))) {
                    for (String wrapped : wrap(font, 11.5f, line, width - 2 * MARGIN)) {
                        text(cs, font, 11.5f, wrapped, MARGIN, y);
                        y -= 18;
                    }
                    y -= 6;
                }
                y -= 10;
                String none = Messages.text(Language.ZH, "certificate.none");
                Map<String, String> rows = new java.util.LinkedHashMap<>();
                rows.put("certificate.label.name", d.name());
                rows.put("certificate.label.id-number", d.maskedIdNumber() == null ? none : d.maskedIdNumber());
                rows.put("certificate.label.hours", hours + " " + Messages.text(Language.ZH, "certificate.unit.hours"));
                rows.put(
                        "certificate.label.records",
                        c.serviceRecords() + " " + Messages.text(Language.ZH, "certificate.unit.records"));
                rows.put("certificate.label.stars", stars(c.stars()));
                rows.put("certificate.label.period", period);
                rows.put("certificate.label.issuer", d.issuer());
                rows.put(
                        "certificate.label.issued-on",
                        LocalDate.ofInstant(c.issuedAt(), zone).toString());
                rows.put("certificate.label.code", c.code());
                for (Map.Entry<String, String> row : rows.entrySet()) {
                    text(cs, font, 11, zh(row.getKey()) + " " + en(row.getKey()), MARGIN, y);
                    text(cs, font, 12, row.getValue(), MARGIN + 190, y);
                    y -= 24;
                }
                float qrX = width - MARGIN - QR_SIZE;
                float qrY = 120;
                qr(cs, d.verifyUrl(), qrX, qrY, QR_SIZE);
                text(cs, font, 10, zh("certificate.scan") + " " + en("certificate.scan"), MARGIN, qrY + QR_SIZE - 20);
                text(cs, font, 9, d.verifyUrl(), MARGIN, qrY + QR_SIZE - 38);
                for (String wrapped : wrap(
                        font,
                        9,
                        zh("certificate.verify-note") + " " + en("certificate.verify-note"),
                        qrX - MARGIN - 16)) {
                    text(cs, font, 9, wrapped, MARGIN, qrY + QR_SIZE - 58);
                    qrY -= 14;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "certificate " + c.code() + " could not be made with the font " + properties.font() + " ("
                            + CertificateProperties.FONT_SETTING + "): " + e.getMessage(),
                    e);
        }
    }

    private static TrueTypeFont font(TrueTypeCollection collection) throws IOException {
        TrueTypeFont named = collection.getFontByName(FONT_NAME);
        if (named != null) {
            return named;
        }
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        collection.processAllFonts(f -> first.compareAndSet(null, f));
        if (first.get() == null) {
            throw new IOException("the collection holds no font");
        }
        return first.get();
    }

    /** The period in one language: "首条记录起至 2026-12-07", "2026-01-01 to 2026-06-30". */
    static String period(Certificate c, ZoneId zone, Locale language) {
        String to = (c.periodTo() == null ? LocalDate.ofInstant(c.issuedAt(), zone) : c.periodTo()).toString();
        return c.periodFrom() == null
                ? Messages.only(language, "certificate.period.open", to)
                : Messages.only(
                        language, "certificate.period.between", c.periodFrom().toString(), to);
    }

    static String period(Certificate c, ZoneId zone) {
        String from = c.periodFrom() == null
                ? Messages.only(Locale.SIMPLIFIED_CHINESE, "certificate.period.first") + " "
                        + Messages.only(Locale.ENGLISH, "certificate.period.first")
                : c.periodFrom().toString();
        String to = (c.periodTo() == null ? LocalDate.ofInstant(c.issuedAt(), zone) : c.periodTo()).toString();
        return from + " 至 to " + to;
    }

    static String stars(int stars) {
        return Messages.text(Language.ZH, "certificate.stars", stars);
    }

    private static String zh(String code, Object... args) {
        return Messages.only(Locale.SIMPLIFIED_CHINESE, code, args);
    }

    private static String en(String code, Object... args) {
        return Messages.only(Locale.ENGLISH, code, args);
    }

    private static void frame(PDPageContentStream cs, float width, float top) throws IOException {
        cs.setStrokingColor(0.70f, 0.12f, 0.12f);
        cs.setLineWidth(2.5f);
        cs.addRect(32, 32, width - 64, top - 64);
        cs.stroke();
        cs.setLineWidth(0.8f);
        cs.addRect(40, 40, width - 80, top - 80);
        cs.stroke();
        cs.setStrokingColor(0f, 0f, 0f);
    }

    private static void text(PDPageContentStream cs, PDType0Font font, float size, String s, float x, float y)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    private static void centred(PDPageContentStream cs, PDType0Font font, float size, String s, float width, float y)
            throws IOException {
        float w = font.getStringWidth(s) / 1000 * size;
        text(cs, font, size, s, (width - w) / 2, y);
    }

    /** Lines of at most {@code max} points: at spaces for English, anywhere for Chinese. */
    static List<String> wrap(PDType0Font font, float size, String s, float max) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        int lastSpace = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            line.appendCodePoint(cp);
            if (cp == ' ') {
                lastSpace = line.length() - 1;
            }
            if (font.getStringWidth(line.toString()) / 1000 * size > max) {
                int cut = lastSpace > 0 ? lastSpace : line.length() - Character.charCount(cp);
                lines.add(line.substring(0, cut).stripTrailing());
                String rest = line.substring(cut).stripLeading();
                line = new StringBuilder(rest);
                lastSpace = -1;
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The QR of {@code content} as filled squares, one per dark module, with the quiet zone ZXing leaves. */
    static void qr(PDPageContentStream cs, String content, float x, float y, float size) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode " + content + " as a QR code", e);
        }
        float cell = size / m.getWidth();
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    cs.addRect(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        cs.fill();
    }
}

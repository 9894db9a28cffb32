package org.wushe.hub.volunteer.activity;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.privacy.DataKeys;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.VolunteerProperties;

/**
 * The venue's check-in and check-out codes (签到码/签退码): a compact token, base64url of 62 bytes (version, activity,
 * position or none, kind, issued and expiry instants, a random nonce) and of their HMAC-SHA256, shown at the venue as a
 * QR code for a few minutes. Only this service, holding the key, makes one that verifies: a changed byte or another
 * key's code is forged. The key comes from {@code wushe.volunteer.activities.venue-code-key} or, locally, from a file
 * generated once into {@code <data-dir>/volunteer/venue-code.key} readable by its owner only (the platform's
 * {@link DataKeys}, as the key of volunteers' details).
 */
@Component
public class VenueCodes {

    static final String FIELD = "code";
    private static final byte VERSION = 1;
    private static final int PAYLOAD = 1 + 16 + 16 + 1 + 8 + 8 + 12;
    private static final int MAC = 32;
    private static final UUID NONE = new UUID(0, 0);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public VenueCodes(ActivityProperties rules, VolunteerProperties settings) {
        String base64 = DataKeys.key(
                rules.venueCodeKey(),
                settings.dataDir().resolve("volunteer").resolve("venue-code.key"),
                "WUSHE_VOLUNTEER_ACTIVITIES_VENUE_CODE_KEY");
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length < 32) {
            throw new IllegalArgumentException(
                    "wushe.volunteer.activities.venue-code-key must be at least 32 bytes (base64), not "
                            + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** What a verified code says. {@code positionId} null: any position of the activity. */
    public record Claims(
            UUID activityId,
            UUID positionId,
            Attendance.Kind kind,
            Instant issuedAt,
            Instant expiresAt,
            String nonce) {}

    /** A new code for the activity (and position, if given) and kind, valid from {@code now} until {@code expiresAt}. */
    public String issue(UUID activityId, UUID positionId, Attendance.Kind kind, Instant now, Instant expiresAt) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        ByteBuffer b = ByteBuffer.allocate(PAYLOAD);
        b.put(VERSION);
        put(b, activityId);
        put(b, positionId == null ? NONE : positionId);
        b.put((byte) (kind.ordinal() + 1));
        b.putLong(now.toEpochMilli());
        b.putLong(expiresAt.toEpochMilli());
        b.put(nonce);
        byte[] payload = b.array();
        return B64.encodeToString(payload) + "." + B64.encodeToString(mac(payload));
    }

    /** The claims of a code this service signed; 400 naming {@code code} when it is malformed or its signature is not ours. */
    public Claims verify(String code) {
        if (code == null || code.isBlank() || code.length() > 200) {
            throw forged(Messages.text("venue-code.not-a-code"));
        }
        int dot = code.indexOf('.');
        if (dot < 0) {
            throw forged(Messages.text("venue-code.not-a-code"));
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = D64.decode(code.substring(0, dot).strip());
            mac = D64.decode(code.substring(dot + 1).strip());
        } catch (IllegalArgumentException e) {
            throw forged(Messages.text("venue-code.not-a-code"));
        }
        if (payload.length != PAYLOAD || mac.length != MAC || !MessageDigest.isEqual(mac, mac(payload))) {
            throw forged(Messages.text("venue-code.forged"));
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        if (b.get() != VERSION) {
            throw forged(Messages.text("venue-code.unknown-version"));
        }
        UUID activity = uuid(b);
        UUID position = uuid(b);
        int kind = b.get() - 1;
        if (kind < 0 || kind >= Attendance.Kind.values().length) {
            throw forged("has an unknown kind");
        }
        Instant issued = Instant.ofEpochMilli(b.getLong());
        Instant expires = Instant.ofEpochMilli(b.getLong());
        byte[] nonce = new byte[12];
        b.get(nonce);
        return new Claims(
                activity,
                NONE.equals(position) ? null : position,
                Attendance.Kind.values()[kind],
                issued,
                expires,
                B64.encodeToString(nonce));
    }

    /** The code as a PNG QR code, {@code size} pixels square. */
    public byte[] png(String code, int size) {
        try {
            Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
            hints.put(EncodeHintType.MARGIN, 2);
            BitMatrix m = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, size, size, hints);
            BufferedImage image = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    image.setRGB(x, y, m.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("cannot draw the venue code as a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return hmac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static InvalidInputException forged(String message) {
        return new InvalidInputException(FIELD, message, 400);
    }

    private static void put(ByteBuffer b, UUID id) {
        b.putLong(id.getMostSignificantBits());
        b.putLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(ByteBuffer b) {
        return new UUID(b.getLong(), b.getLong());
    }
}

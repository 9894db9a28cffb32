package org.wushe.hub.volunteer.volunteer;

import java.util.UUID;
import org.wushe.hub.platform.privacy.FieldCipher;

/**
 * Seals and opens a volunteer's personal details (name, phone, ID number, hardship flag, certificate numbers) with the
 * platform's {@link FieldCipher}: each value bound to {@code volunteer/<id>/<field>}, so it cannot be moved to another
 * volunteer or column; the phone also has a keyed hash, which keeps it unique without being readable.
 */
public final class VolunteerDetailsCipher {

    /** The purpose the keys are derived for: this service's own keys, even from a secret shared by mistake. */
    public static final String PURPOSE = "wushe-volunteer-details";

    private final FieldCipher cipher;

    public VolunteerDetailsCipher(FieldCipher cipher) {
        this.cipher = cipher;
    }

    public byte[] sealName(UUID id, String name) {
        return cipher.encrypt(name, context(id, "name"));
    }

    public String openName(UUID id, byte[] sealed) {
        return cipher.decryptText(sealed, context(id, "name"));
    }

    public byte[] sealPhone(UUID id, String phone) {
        return cipher.encrypt(phone, context(id, "phone"));
    }

    public String openPhone(UUID id, byte[] sealed) {
        return cipher.decryptText(sealed, context(id, "phone"));
    }

    public byte[] phoneHash(String phone) {
        return phone == null ? null : cipher.lookupHash(phone.strip());
    }

    public byte[] sealIdNumber(UUID id, String idNumber) {
        return cipher.encrypt(idNumber, context(id, "id_number"));
    }

    public String openIdNumber(UUID id, byte[] sealed) {
        return cipher.decryptText(sealed, context(id, "id_number"));
    }

    /** A keyed hash of the ID number: unique among volunteers without being readable. */
    public byte[] idNumberHash(String idNumber) {
        return idNumber == null ? null : cipher.lookupHash("id_number/" + idNumber);
    }

    public byte[] sealGuardianName(UUID id, String name) {
        return cipher.encrypt(name, context(id, "guardian_name"));
    }

    public byte[] sealGuardianPhone(UUID id, String phone) {
        return cipher.encrypt(phone, context(id, "guardian_phone"));
    }

    public byte[] sealHardship(UUID id, boolean inHardship) {
        return cipher.encrypt(Boolean.toString(inHardship), context(id, "in_hardship"));
    }

    public boolean openHardship(UUID id, byte[] sealed) {
        String value = cipher.decryptText(sealed, context(id, "in_hardship"));
        if (!"true".equals(value) && !"false".equals(value)) {
            throw new IllegalStateException("volunteer " + id + ": the sealed hardship flag is neither true nor false");
        }
        return Boolean.parseBoolean(value);
    }

    /** A certificate number recorded with a qualification, bound to the volunteer and the grant. */
    public byte[] sealCertificate(UUID id, UUID grantId, String number) {
        return cipher.encrypt(number, context(id, "certificate/" + grantId));
    }

    public String openCertificate(UUID id, UUID grantId, byte[] sealed) {
        return cipher.decryptText(sealed, context(id, "certificate/" + grantId));
    }

    private static String context(UUID id, String field) {
        return "volunteer/" + id + "/" + field;
    }
}

package org.wushe.hub.socialworker.common;

import java.util.regex.Pattern;

import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Residents' phone and ID numbers belong to the community service (PIPL); this service knows a resident
 * only as {@code residentRef}. Texts staff write here — case notes, visit notes, group and need titles —
 * are refused when they carry a mainland mobile or landline number or an ID number, so none is stored
 * or published by mistake. Names cannot be recognised reliably; the note fields say so in the API.
 */
public final class PersonalDataScreen {

    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d(?:[ -]?\\d{4}){2}(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}-\\d{7,8}(?!\\d)");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?![\\dXx])");

    private PersonalDataScreen() {
    }

    /** @throws InvalidInputException 400 naming {@code field} when the text holds a phone or ID number */
    public static String screen(String field, String text) {
        if (text == null) {
            return null;
        }
        if (ID_NUMBER.matcher(text).find()) {
            throw new InvalidInputException(field, "must not contain an ID number: residents are known here only by residentRef 请勿填写身份证号");
        }
        if (MOBILE.matcher(text).find() || LANDLINE.matcher(text).find()) {
            throw new InvalidInputException(field, "must not contain a phone number: it stays in the community service 请勿填写电话号码");
        }
        return text.strip();
    }
}

package org.wushe.hub.community.need;

import java.util.Optional;
import org.wushe.hub.platform.privacy.PersonalDataScreen;

/**
 * A need's title is public (it travels in events to every service), so it must not carry personal
 * data. This screen catches what can be recognized by shape, through the platform's one
 * {@link PersonalDataScreen}: phone and ID numbers, full-width or separated ({@code １３９ １２３４ ５６７８},
 * {@code 1-3-9…}) too. The need service also checks the title against the linked resident's own name and
 * phone, for those who may see the resident.
 */
public final class TitleScreen {

    private TitleScreen() {}

    /** Why the title may not be published, or empty when it passes. Never repeats what it found. */
    public static Optional<String> problem(String title) {
        return PersonalDataScreen.find(title).map(f -> switch (f) {
            case ID_NUMBER -> "must not contain an ID number (personal data stays in the resident record) 标题不得含身份证号";
            case PHONE -> "must not contain a phone number (personal data stays in the resident record) 标题不得含电话号码";
        });
    }
}

package org.wushe.hub.volunteer.volunteer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.volunteer.availability.Availability;

/**
 * Self-registration of a volunteer (志愿者注册).
 *
 * @param name         how the volunteer is called at the station; stays in this service
 * @param phone        mainland mobile number, optional; stays in this service
 * @param idNumber     resident ID number (身份证号码), optional for staff registering; sealed, stays in this service;
 *                     the age and young-old flag are read from it
 * @param communityId  community the volunteer registers with
 * @param organizationId volunteer organization (志愿服务组织) the volunteer belongs to, if any
 * @param youngOld     a young-old volunteer (低龄老人): double points; absent means no; with an ID number it follows
 *                     from the birth date and may only be absent or agree
 * @param inHardship   the volunteer is in hardship (困境人群): double points; absent means no
 */
public record RegisterVolunteer(
        @NotBlank @Size(max = 30) String name,

        @Pattern(regexp = "1[3-9]\\d{9}", message = "{volunteer.phone-format}")
        String phone,

        @Size(max = 18) String idNumber,
        UUID communityId,
        UUID organizationId,
        @NotNull @Valid HomeArea homeArea,
        @Size(max = MAX_SKILLS) List<@NotNull Skill> skills,

        @Size(max = MAX_LANGUAGES)
        List<@NotNull @Pattern(regexp = LANGUAGE_TAG, message = LANGUAGE_TAG_MESSAGE) String> languages,

        Boolean youngOld,
        Boolean inHardship,
        @Valid Availability availability) {

    /** At most this many skills, at registration and when the volunteer changes them. */
    public static final int MAX_SKILLS = 20;
    /** At most this many languages besides Mandarin. */
    public static final int MAX_LANGUAGES = 10;

    static final String LANGUAGE_TAG = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*";
    static final String LANGUAGE_TAG_MESSAGE = "{volunteer.language-tag}";
}

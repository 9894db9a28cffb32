package org.wushe.hub.volunteer.volunteer.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.volunteer.availability.Availability;
import org.wushe.hub.volunteer.volunteer.HomeArea;
import org.wushe.hub.volunteer.volunteer.RegisterVolunteer;

/**
 * A volunteer registering themself (志愿者实名注册) with their real-name details: name, resident ID number and
 * phone, all three sealed and kept in this service. The age and the young-old flag are read from the ID number;
 * the hardship flag is set by staff, never by the volunteer.
 *
 * @param name        real name (真实姓名)
 * @param idNumber    18-character resident ID number (居民身份证号码)
 * @param phone       mainland mobile number
 * @param communityId the home community (所属社区) the volunteer registers with
 */
public record SelfRegistration(
        @NotBlank @Size(max = 30) String name,
        @NotBlank @Size(max = 18) String idNumber,

        @NotBlank @Pattern(regexp = "1[3-9]\\d{9}", message = "{volunteer.phone-format}")
        String phone,

        @NotNull UUID communityId,
        UUID organizationId,
        @NotNull @Valid HomeArea homeArea,
        @Size(max = RegisterVolunteer.MAX_SKILLS) List<@NotNull Skill> skills,

        @Size(max = RegisterVolunteer.MAX_LANGUAGES)
        List<
                        @NotNull
                        @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", message = "{volunteer.language-tag}")
                        String>
                languages,

        @Valid Availability availability) {

    /** The same as the staff's registration, without flags: young-old follows from the ID number. */
    public RegisterVolunteer asRegistration() {
        return new RegisterVolunteer(
                name,
                phone,
                idNumber,
                communityId,
                organizationId,
                homeArea,
                skills,
                languages,
                null,
                null,
                availability);
    }
}

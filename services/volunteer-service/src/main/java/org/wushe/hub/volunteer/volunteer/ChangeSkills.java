package org.wushe.hub.volunteer.volunteer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.wushe.hub.events.common.Skill;

/**
 * A volunteer's own change of their skills (我的技能), replacing them as a whole, and optionally of the
 * languages they speak besides Mandarin (absent: unchanged). The same limits as at registration.
 *
 * @param skills    every skill the volunteer has from now on (an empty list: none)
 * @param languages BCP 47 tags; {@code null} keeps the languages as they are
 */
public record ChangeSkills(
        @NotNull @Size(max = RegisterVolunteer.MAX_SKILLS) List<@NotNull Skill> skills,

        @Size(max = RegisterVolunteer.MAX_LANGUAGES)
        List<
                        @NotNull
                        @Pattern(
                                regexp = RegisterVolunteer.LANGUAGE_TAG,
                                message = RegisterVolunteer.LANGUAGE_TAG_MESSAGE)
                        String>
                languages) {}

package org.wushe.hub.notification.preference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.notification.outbox.Recipient;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * The caller's own choices: a volunteer's (their {@value Roles#VOLUNTEER_ID}), or their station's as its staff
 * ({@value Roles#STATION_ID}); one holding both says which with {@code for=volunteer|station} (default: volunteer).
 */
@RestController
@RequestMapping("/notifications/me/preferences")
@Tag(name = "preferences", description = "What reaches me on which channel 通知设置")
public class PreferenceController {

    private final Preferences preferences;

    public PreferenceController(Preferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(
            summary = "My notification settings 我的通知设置",
            description = "E-mail address (its read is logged), language (zh-CN: Chinese with English beside it; en), "
                    + "and per kind whether it reaches me in the inbox and by e-mail (on by default; e-mail only once an "
                    + "address is set).")
    public Preferences.Settings get(@RequestParam(name = "for", required = false) String recipientKind) {
        return preferences.of(recipient(recipientKind), "own notification settings 本人查看通知设置");
    }

    @PutMapping
    @Operation(
            summary = "Change my notification settings 修改通知设置",
            description = "Replaces the e-mail address (empty or null: none) and the language; changes the kinds "
                    + "listed (a flag left out stays). Kinds: ASSIGNMENT, SIGN_UP_DECISION, ACTIVITY_REMINDER, "
                    + "CERTIFICATE_READY, PROPOSAL_DEADLINE.")
    public Preferences.Settings put(
            @RequestParam(name = "for", required = false) String recipientKind,
            @RequestBody Preferences.Settings body) {
        return preferences.change(recipient(recipientKind), body, "own notification settings 本人修改通知设置");
    }

    private static Recipient recipient(String kind) {
        Caller caller = Caller.current().orElseThrow();
        List<Recipient> mine = Recipient.of(caller);
        if (kind != null && !Recipient.VOLUNTEER.equals(kind) && !Recipient.STATION.equals(kind)) {
            throw new InvalidInputException(
                    "for", Messages.text("preference.for-unknown", Recipient.VOLUNTEER, Recipient.STATION));
        }
        return mine.stream()
                .filter(r -> kind == null || r.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new ForbiddenException(
                        "for",
                        Messages.text("preference.no-recipient", caller.describeText()),
                        Roles.VOLUNTEER + " | " + Roles.STATION_STAFF));
    }
}

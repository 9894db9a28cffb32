package org.wushe.hub.volunteer.volunteer.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.volunteer.volunteer.VolunteerService;
import org.wushe.hub.volunteer.volunteer.VolunteerView;

/** A volunteer's own record, by the volunteer id their token carries (the account service gives it at sign-up). */
@RestController
@RequestMapping("/volunteers/me")
@Tag(name = "volunteers", description = "志愿者 Volunteers: self-registration, profile, flags that change points")
public class SelfRegistrationController {

    private final VolunteerService service;

    public SelfRegistrationController(VolunteerService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(
            summary = "The signed-in volunteer registers themself (志愿者实名注册) with name, ID number and phone (sealed, "
                    + "never published), under the volunteer id of their token; 409 when they are registered already; "
                    + "publishes VolunteerRegistered without personal data")
    public ResponseEntity<VolunteerView> register(@Valid @RequestBody SelfRegistration request) {
        VolunteerView v = service.registerSelf(request.asRegistration());
        return ResponseEntity.created(URI.create("/volunteers/" + v.id())).body(v);
    }

    @GetMapping
    @Operation(
            summary = "The signed-in volunteer's own record with their details; the read is logged in their access log")
    public VolunteerView me() {
        return service.readSelf();
    }
}

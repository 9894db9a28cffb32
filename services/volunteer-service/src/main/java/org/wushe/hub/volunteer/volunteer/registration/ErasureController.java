package org.wushe.hub.volunteer.volunteer.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.volunteer.volunteer.VolunteerService;

@RestController
@Tag(name = "volunteers", description = "志愿者 Volunteers: self-registration, profile, flags that change points")
public class ErasureController {

    private final VolunteerService service;

    public ErasureController(VolunteerService service) {
        this.service = service;
    }

    @DeleteMapping("/volunteers/me")
    @Operation(
            summary = "The signed-in volunteer erases their account (注销): name, ID number, phone, hardship flag and a "
                    + "guardian's consent destroyed, no longer found, listed or signed up for what has not started; their hours "
                    + "and points stay as anonymous totals; 204, 404 when not registered")
    public ResponseEntity<Void> eraseSelf() {
        service.eraseSelf();
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/volunteers/{id}")
    @Operation(summary = "The hub admin erases a volunteer's account, as the volunteer would (204)")
    public ResponseEntity<Void> erase(@PathVariable UUID id) {
        service.erase(id);
        return ResponseEntity.noContent().build();
    }
}

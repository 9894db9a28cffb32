package org.wushe.hub.volunteer.qualification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Qualifications (资质): the catalogue, and the qualifications each volunteer holds. Who may: reading the catalogue
 * any valid token; adding to it centre managers and station staff; a volunteer's list the volunteer themself or the
 * staff of a station they serve; recording one obtained elsewhere the staff of a station the volunteer serves, never
 * the volunteer themself. Each refusal is a 403 problem naming the field.
 */
@RestController
@Tag(
        name = "qualifications",
        description =
                "培训与资质 Qualifications: the catalogue, granted by trainings or recorded by staff, required by positions")
public class QualificationController {

    private final QualificationService service;

    public QualificationController(QualificationService service) {
        this.service = service;
    }

    @GetMapping("/qualifications")
    @Operation(
            summary = "The qualification catalogue (资质目录): code, Chinese and English name, validity in months",
            description = "Any valid token. Positions require these codes; a TRAINING activity grants one of them.")
    public List<Qualification> catalogue() {
        return service.catalogue();
    }

    @GetMapping("/qualifications/{code}")
    @Operation(summary = "One qualification of the catalogue (404 naming code when there is none)")
    public Qualification get(@PathVariable String code) {
        return service.find(code);
    }

    @PostMapping("/qualifications")
    @Operation(
            summary = "Add a qualification to the catalogue (新增资质)",
            description = "Centre managers and station staff (403 naming roles otherwise). code like FIRST_AID (400 "
                    + "naming code when malformed, 409 when taken); names screened for phone and ID numbers; "
                    + "validityMonths 1–600.")
    public ResponseEntity<Qualification> create(@Valid @RequestBody QualificationService.NewQualification request) {
        Qualification q = service.create(request);
        return ResponseEntity.created(URI.create("/qualifications/" + q.code())).body(q);
    }

    @GetMapping("/volunteers/{id}/qualifications")
    @Operation(
            summary = "A volunteer's qualifications with their validity, the latest valid first (志愿者资质)",
            description = "The volunteer themself, or the staff of a station they serve (403 naming id otherwise). "
                    + "valid: not expired now. The certificate number of a recorded one is never shown.")
    public List<QualificationService.Held> of(@PathVariable UUID id) {
        return service.of(id);
    }

    @PostMapping("/volunteers/{id}/qualifications")
    @Operation(
            summary = "Record a qualification obtained elsewhere (登记外部资质)",
            description = "The staff of a station the volunteer serves, never the volunteer themself (403 naming id). "
                    + "code of the catalogue (400 naming code), grantedAt not in the future and not expired (400 "
                    + "naming grantedAt); valid until grantedAt + the catalogue's validity. The certificate number is "
                    + "kept sealed. → QualificationGranted (source RECORDED, no certificate number).")
    public ResponseEntity<QualificationService.Held> record(
            @PathVariable UUID id, @Valid @RequestBody QualificationService.Recorded request) {
        QualificationService.Held h = service.record(id, request);
        return ResponseEntity.status(HttpStatus.CREATED).body(h);
    }
}

package org.wushe.hub.volunteer.donor;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Donors known from the resource service, as the other features read them (they do not read this one's tables). */
@Service
public class DonorService {

    private final DonorRepository donors;

    public DonorService(DonorRepository donors) {
        this.donors = donors;
    }

    public Optional<Donor> find(UUID id) {
        return donors.find(id);
    }
}

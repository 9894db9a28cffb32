package org.wushe.hub.community.grid;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Grids as the other features read them (they do not read this one's tables). */
@Service
public class GridService {

    private final GridRepository grids;

    public GridService(GridRepository grids) {
        this.grids = grids;
    }

    public Optional<Grid> find(UUID id) {
        return grids.find(id);
    }

    public Optional<Grid> findByName(UUID communityId, String name) {
        return grids.findByName(communityId, name);
    }
}

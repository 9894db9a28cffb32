package org.wushe.hub.matching.readmodel;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * On while the read model is replayed from the topics: the consumers rebuild tables but make no
 * proposal, and the deadline watch and the batch do not run, since the engine's memory is in flux and
 * every need was decided on already. Needs left OPEN meanwhile are matched when the replay ends.
 */
@Component
public class Replaying {

    private final AtomicBoolean on = new AtomicBoolean();

    public boolean isOn() {
        return on.get();
    }

    public void set(boolean value) {
        on.set(value);
    }
}

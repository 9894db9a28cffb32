package org.wushe.hub.platform.actor;

import org.springframework.core.task.TaskDecorator;

/** Scheduled jobs act as the service itself: {@code system:<service>} (unless the task sets someone else). */
public class ActorTaskDecorator implements TaskDecorator {

    private final String actor;

    public ActorTaskDecorator(String serviceName) {
        this.actor = Actor.system(serviceName);
    }

    @Override
    public Runnable decorate(Runnable task) {
        return () -> Actor.run(actor, task);
    }

    public String actor() {
        return actor;
    }
}

package org.wushe.hub.notification;

import org.wushe.hub.testing.ServiceStructureTest;

/**
 * This service's shape, from its classes alone (seconds, no stack): no cycle between its feature packages,
 * no feature using another's repository, consumers named …Inbound, events built in …Events classes, and the
 * module diagram in README.md as Spring Modulith draws it ({@code -Dwushe.structure.write=true} refreshes it).
 */
class StructureTest extends ServiceStructureTest {

    StructureTest() {
        super(NotificationServiceApplication.class);
    }
}

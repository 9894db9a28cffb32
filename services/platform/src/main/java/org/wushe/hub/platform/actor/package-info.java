/** Who acts: the {@link org.wushe.hub.platform.actor.Actor} context carried into every outbox event. */
package org.wushe.hub.platform.actor;

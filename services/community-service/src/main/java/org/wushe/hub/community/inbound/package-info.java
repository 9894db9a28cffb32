/**
 * What the community service consumes from the hub, each binding idempotent by event id (the platform
 * records it in the transaction of the change): the match saga ({@code wushe.matching.match}) moves needs
 * along their life, and social workers' visits ({@code wushe.socialworker.worker}) raise needs.
 */
package org.wushe.hub.community.inbound;

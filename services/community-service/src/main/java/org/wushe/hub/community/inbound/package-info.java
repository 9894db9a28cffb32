/**
 * What the community service consumes from the hub, each binding idempotent by event id (the platform
 * records it in the transaction of the change): the match saga ({@code wushe.matching.match}) moves needs
 * along their life, social workers' visits ({@code wushe.socialworker.worker}) raise needs, and social
 * workers' registrations and assignments (the same topic, a consumer group of their own) say which station
 * each social worker is at now.
 */
package org.wushe.hub.community.inbound;

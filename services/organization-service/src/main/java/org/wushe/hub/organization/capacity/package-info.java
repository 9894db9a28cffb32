/**
 * Service capacity (服务能力) that social organizations offer to the matching engine, like any offer:
 * category, skills, people per session, weekly slots within a period, coarse place, communities served;
 * ServiceCapacityOffered (whole, with a revision, again on each change) and ServiceCapacityWithdrawn.
 */
package org.wushe.hub.organization.capacity;

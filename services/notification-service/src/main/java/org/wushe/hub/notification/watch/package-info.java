/**
 * What the hub's events tell this service, and the schedulers that watch time: from {@code wushe.matching.match},
 * new assignments (MatchAccepted) and proposals waiting for their station (MatchProposed until accepted, declined
 * or escalated: a warning once when the deadline is near); from {@code wushe.volunteer.volunteer}, sign-up
 * decisions, certificates issued, and the activities and sign-ups behind the day-before reminder. Events carry ids,
 * times and numbers only; an older event read late never undoes a newer one (their occurredAt).
 */
package org.wushe.hub.notification.watch;

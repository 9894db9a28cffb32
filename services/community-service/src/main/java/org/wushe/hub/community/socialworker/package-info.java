/**
 * Which station each social worker (社工) is assigned to now, as social-worker-service announces it on
 * {@code wushe.socialworker.worker} (SocialWorkerRegistered with its station, SocialWorkerAssigned for every change;
 * consumed by {@code inbound.AssignmentInbound}). A social worker's token names the worker ({@code social_worker_id}),
 * not a station: this is what says whose follow-up visits (回访) they may list and record. The newest event wins.
 */
package org.wushe.hub.community.socialworker;

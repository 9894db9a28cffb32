/**
 * Needs and their matches as compact facts for centre reports (中心报表): per need its station, its source and when it
 * was published, first proposed, first accepted, fulfilled or closed; per match its station. Kept from
 * NeedPublished/NeedClosed on {@code wushe.community.need} and MatchProposed/Accepted/Completed on
 * {@code wushe.matching.match}; the community and matching services own them. Residents' own events on the need topic
 * (WishSubmitted, ServiceRated, FollowUpRecorded) are kept as {@link org.wushe.hub.socialworker.needs.ResidentFacts}.
 */
package org.wushe.hub.socialworker.needs;

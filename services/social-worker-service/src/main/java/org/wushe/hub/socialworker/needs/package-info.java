/**
 * Needs and their matches as compact facts for centre reports (中心报表): per need its station and when it
 * was published, first proposed, first accepted, fulfilled or closed; per match its station. Kept from
 * NeedPublished/NeedClosed on {@code wushe.community.need} and MatchProposed/Accepted/Completed on
 * {@code wushe.matching.match}; the community and matching services own them.
 */
package org.wushe.hub.socialworker.needs;

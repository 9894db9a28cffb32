/**
 * Volunteers recruited (志愿者招募), counted for station reports from VolunteerRegistered on
 * {@code wushe.volunteer.volunteer}. The event names no station, so a volunteer counts for the stations
 * that serve the community they registered with, or else the community of their coarse home area.
 */
package org.wushe.hub.socialworker.volunteers;

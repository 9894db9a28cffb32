/**
 * Volunteers as stations and centres report them, from {@code wushe.volunteer.volunteer}: volunteers
 * recruited (志愿者招募) from VolunteerRegistered — the event names no station, so a volunteer counts for
 * the stations that serve the community they registered with, or else the community of their coarse
 * home area — and the hours (ServiceHoursCredited) and points (PointsAwarded) of centre reports.
 */
package org.wushe.hub.socialworker.volunteers;

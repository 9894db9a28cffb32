/**
 * Phone visits (电话探访) and home visits (入户探访) with their outcome; the notes stay here. A visit that
 * finds a need raises it as an event (VisitRaisedNeed) for the community service to publish, not as
 * a call; VisitRecorded feeds the station's visit figures.
 */
package org.wushe.hub.socialworker.visit;

/**
 * Stations and centres as the community service announces them (StationRegistered on
 * {@code wushe.community.station}): a read model, so that workers are assigned to stations that exist
 * and reports know which communities a station serves and which stations a centre leads.
 */
package org.wushe.hub.socialworker.station;

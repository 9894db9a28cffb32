/** The station hierarchy: district guidance centre, street/town centre, community stations (e.g. 一中心七平台); StationRegistered. */
package org.wushe.hub.community.station;

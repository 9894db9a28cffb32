/**
 * The figures stations and centres publish for a period (工作报表): phone and home visits, case clients,
 * groups run, volunteers recruited, social workers and their certification rate (持证率), volunteer activities held,
 * trainings, participants, attendances and hours, for a station alone or a centre with the stations below it.
 */
package org.wushe.hub.socialworker.report;

/**
 * Grid work (网格) as centre reports count it, from {@code wushe.community.grid}: patrol rounds (PatrolRecorded),
 * hazards found (HazardReported), care visits on time, late and overdue (CareVisitDue). The events name the grid and
 * its community, not a station: the work counts for the stations serving the community, as volunteers recruited do.
 * The community service owns the rounds, findings and care plans; nothing personal is kept here.
 */
package org.wushe.hub.socialworker.grid;

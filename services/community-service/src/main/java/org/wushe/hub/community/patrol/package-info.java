/** Patrol rounds (巡检) of a grid: the households visited, what was checked (gas, fire, wiring, living conditions), findings that raise needs (source GRID_REPORT) through the need feature, reviewed by community staff or published at once when urgent; PatrolRecorded and HazardReported through the outbox. */
package org.wushe.hub.community.patrol;

/** Grids (网格): a grid worker's block of buildings; the finest coarse place a need may name. Not announced on its own. GridAccess: tenancy by grid (grid_worker with grid_id) for the grid's work. */
package org.wushe.hub.community.grid;

/** Grids (网格): a grid worker's block of buildings; the finest coarse place a need may name. Not announced on its own. */
package org.wushe.hub.community.grid;

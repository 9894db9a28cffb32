/** The grid's register (网格台账): compounds (小区), buildings (楼栋), households (户) and which resident records live in each (ids only; the personal data stays in the resident register). Kept by the grid's grid worker and the community's staff. */
package org.wushe.hub.community.household;

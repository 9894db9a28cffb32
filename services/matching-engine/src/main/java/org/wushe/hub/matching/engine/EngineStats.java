package org.wushe.hub.matching.engine;

/**
 * What the read model holds.
 *
 * @param volunteers           volunteers kept
 * @param unplacedVolunteers   of them, those without a position (not in the geo index)
 * @param offers               offers and capacities kept
 * @param holds                live holds
 * @param indexCells           non-empty geohash cells over all buckets of the index
 * @param indexEntries         entries in those cells (a volunteer is in one bucket per skill, plus the all-volunteers bucket)
 * @param availabilityPatterns distinct weekly availability patterns (volunteers share them)
 */
public record EngineStats(
        int volunteers,
        int unplacedVolunteers,
        int offers,
        int holds,
        int indexCells,
        long indexEntries,
        int availabilityPatterns) {}

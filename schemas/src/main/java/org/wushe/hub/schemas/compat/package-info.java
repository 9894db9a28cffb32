/**
 * Build-time guard of the schema history: {@link org.wushe.hub.schemas.compat.CompatibilityChecker}
 * fails the build when a schema breaks BACKWARD_TRANSITIVE compatibility or a change was not
 * recorded, and {@link org.wushe.hub.schemas.compat.HistoryIndexWriter} lists the history files
 * for the jar. Both run from the module's pom at {@code process-classes}.
 */
package org.wushe.hub.schemas.compat;

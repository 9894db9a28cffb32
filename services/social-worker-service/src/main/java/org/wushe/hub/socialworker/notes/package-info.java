/**
 * Notes about residents — case notes, visit notes, group session notes — sealed at rest with the platform's
 * {@link org.wushe.hub.platform.privacy.FieldCipher} (each value bound to its row and column), opened only for
 * a reader who states a reason, and every opening written to {@code note_access} (who, whose notes, which,
 * why). Plaintext rows of earlier versions are sealed at start-up ({@link org.wushe.hub.socialworker.notes.PlaintextNotes}).
 */
package org.wushe.hub.socialworker.notes;

/** Residents: the only personal data in the hub, sealed with AES-GCM, seen only by the staff of their community or of a station serving it (not the hub admin), read with a reason, every read logged. Others see the residentRef pseudonym. */
package org.wushe.hub.community.resident;

/** Residents: the only personal data in the hub, sealed with AES-GCM, read only with an actor and a reason, every read logged. Others see the residentRef pseudonym. */
package org.wushe.hub.community.resident;

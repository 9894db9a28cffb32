/**
 * Personal data at rest and its reads: {@link org.wushe.hub.platform.privacy.FieldCipher} (AES-256-GCM per
 * value, bound to its place), {@link org.wushe.hub.platform.privacy.DataKeys} (the key from configuration or
 * a local 0600 file) and {@link org.wushe.hub.platform.privacy.ReadReasons} (the stated reason a service logs
 * with each read). Each service keeps its own access-log table. {@link org.wushe.hub.platform.privacy.PersonalDataScreen}:
 * the one screen keeping phone and ID numbers (full-width, separated) out of published text.
 */
package org.wushe.hub.platform.privacy;

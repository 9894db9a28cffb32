/**
 * Group work (小组工作): a group a social worker runs for a beneficiary group (e.g. a mutual-aid group of
 * elderly living alone over six sessions) and each session held, with a participant count only;
 * GroupSessionHeld.
 */
package org.wushe.hub.socialworker.group;

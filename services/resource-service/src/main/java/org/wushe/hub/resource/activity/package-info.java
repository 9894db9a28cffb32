/**
 * The inbound adapter of an activity's venue: wushe.volunteer.volunteer's activity events into the stock domain (the
 * venue's window reserved, moved or given back, see {@code stock.ActivityVenues}).
 */
package org.wushe.hub.resource.activity;

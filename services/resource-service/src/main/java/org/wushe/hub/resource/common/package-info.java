/** Value types shared by the features: coarse places, time windows, weekly slots, and how they are stored. */
package org.wushe.hub.resource.common;

/** The Open Referral HSDS 3.0 export of the hub's charitable resources, read by a city's resource directory. */
package org.wushe.hub.resource.directory;

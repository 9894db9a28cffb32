/** Offers of goods, services, funds and venues. Publishes ResourceOffered on wushe.resource.offer. */
package org.wushe.hub.resource.offer;

/** Donors (捐赠方): the institutions that give. Publishes DonorRegistered on wushe.resource.donor. */
package org.wushe.hub.resource.donor;

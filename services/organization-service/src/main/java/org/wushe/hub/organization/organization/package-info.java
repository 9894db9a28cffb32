/** Social organizations (社会组织): registered (登记) or filed (备案), their kind, home community and coarse area; OrganizationRegistered. */
package org.wushe.hub.organization.organization;

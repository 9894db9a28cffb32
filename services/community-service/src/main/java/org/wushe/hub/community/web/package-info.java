/** Web edges shared by the features: who asks (X-Wushe-Actor) and problem responses the platform leaves unnamed. */
package org.wushe.hub.community.web;

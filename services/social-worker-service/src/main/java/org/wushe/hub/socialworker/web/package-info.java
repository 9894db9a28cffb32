/** Web edges shared by the features: problem responses the platform leaves unnamed. */
package org.wushe.hub.socialworker.web;

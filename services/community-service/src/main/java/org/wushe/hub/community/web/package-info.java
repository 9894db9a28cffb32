/** Web edges shared by the features: who may call what (path rules), who asks (the token's subject) and problem responses the platform leaves unnamed. */
package org.wushe.hub.community.web;

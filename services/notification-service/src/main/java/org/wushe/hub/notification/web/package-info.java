/** Web edges shared by the features: who may call what (path rules). */
package org.wushe.hub.notification.web;

/** What the features share: coarse places, the calendar of Asia/Shanghai, the rule that UNKNOWN is never a choice. */
package org.wushe.hub.organization.common;

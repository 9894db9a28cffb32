/** What the features share: coarse places, the calendar of Asia/Shanghai, screens for personal data, UNKNOWN is never a choice. */
package org.wushe.hub.socialworker.common;

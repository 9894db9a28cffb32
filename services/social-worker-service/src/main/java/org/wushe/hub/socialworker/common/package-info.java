/** What the features share: the calendar of Asia/Shanghai, screens for personal data. Coarse places and the UNKNOWN-is-never-a-choice rule live in the platform ({@code org.wushe.hub.platform.place}, {@code org.wushe.hub.platform.web.Known}). */
package org.wushe.hub.socialworker.common;

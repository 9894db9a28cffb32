/**
 * Social workers (社会工作者): certificate (助理社会工作师 assistant, 社会工作师 intermediate, 高级 senior, or none) and its
 * date, full-time or part-time, station assignment, supervisor (督导); SocialWorkerRegistered,
 * SocialWorkerCertified, SocialWorkerAssigned.
 */
package org.wushe.hub.socialworker.worker;

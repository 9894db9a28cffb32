/**
 * Volunteer activities (活动) as station and centre reports count them, from {@code wushe.volunteer.volunteer}:
 * per activity its publisher, the community where it takes place, its kind (a training or not), its start and
 * whether it was cancelled (ActivityPublished, ActivityChanged, ActivityCancelled); per sign-up checked out its
 * volunteer and credited minutes (VolunteerCheckedOut, the latest correction winning). The volunteer service owns
 * activities and attendances; only ids, kinds, times and minutes are kept here.
 */
package org.wushe.hub.socialworker.activities;

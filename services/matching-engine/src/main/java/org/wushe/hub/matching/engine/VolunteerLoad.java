package org.wushe.hub.matching.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What a volunteer is doing: live holds (with the windows they book) and service completed recently. Kept apart
 * from {@link Volunteer} so that it survives a replaced profile and may arrive before it. Changed only under the
 * engine's write lock; the read methods change nothing, so concurrent searches may call them.
 */
final class VolunteerLoad {

    int active;
    final List<Window> booked = new ArrayList<>(2);
    private final List<long[]> completed = new ArrayList<>(2);

    /** Records completed service and forgets what fell out of the window before {@code now}. */
    void complete(long atMillis, int minutes, long now, long windowMillis) {
        completed.add(new long[] {atMillis, minutes});
        forget(now, windowMillis);
    }

    void forget(long now, long windowMillis) {
        completed.removeIf(c -> c[0] < now - windowMillis);
    }

    /** Minutes completed in [now - window, now]. */
    int recentMinutes(long now, long windowMillis) {
        long sum = 0;
        for (long[] c : completed) {
            if (c[0] >= now - windowMillis && c[0] <= now) {
                sum += c[1];
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    long bookedMinutes() {
        long sum = 0;
        for (Window w : booked) {
            sum += w.lengthMillis() / 60_000;
        }
        return sum;
    }

    boolean overlapsBooked(Window w) {
        for (Window b : booked) {
            if (b.overlaps(w)) {
                return true;
            }
        }
        return false;
    }

    boolean isIdle() {
        return active == 0 && booked.isEmpty() && completed.isEmpty();
    }
}

package org.bianmin.staff;

import java.time.Instant;

/** A person away from the post from {@code from} (inclusive) until {@code until} (exclusive). */
public record Absence(long id, String staff, AbsenceKind kind, Instant from, Instant until, String note,
                      String recordedBy, Instant recordedAt) {

    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }
}

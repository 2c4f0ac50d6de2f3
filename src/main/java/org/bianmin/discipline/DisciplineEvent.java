package org.bianmin.discipline;

import java.time.Instant;

/** One recorded attendance or discipline event. */
public record DisciplineEvent(long id, String staff, String window, DisciplineType type, Instant occurredAt, String note,
                              String recordedBy, Instant recordedAt) {
}

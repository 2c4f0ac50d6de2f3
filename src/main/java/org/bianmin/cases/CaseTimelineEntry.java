package org.bianmin.cases;

import java.time.OffsetDateTime;

/**
 * A line of the case file's timeline: when, what ({@code type} a code, {@code label} in Chinese),
 * who (id and name), the note entered, and a link (a notice to reprint).
 */
public record CaseTimelineEntry(OffsetDateTime at, String type, String label, String by, String byName, String note,
                                String link) {
}

package org.bianmin.sla;

import java.time.Instant;

/** When a case (or a timed step) starts, when it is due, and when its assignee is warned. */
public record SlaPlan(Instant start, Instant deadline, Instant warnAt) {
}

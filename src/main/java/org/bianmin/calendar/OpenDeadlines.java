package org.bianmin.calendar;

import java.time.Instant;
import java.util.Optional;

/** The deadlines of open cases, as far as the calendar needs them (implemented by the cases feature). */
public interface OpenDeadlines {

    /** The latest deadline of a case that is still open. */
    Optional<Instant> latest();

    /** How many open cases have their deadline in the year (in the centre's zone). */
    long inYear(int year);
}

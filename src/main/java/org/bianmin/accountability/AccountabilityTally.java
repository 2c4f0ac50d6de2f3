package org.bianmin.accountability;

import java.time.YearMonth;
import java.util.function.IntSupplier;
import org.bianmin.locks.CreateOnce;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code accountability_tally}: the records of a trigger that count for a person in a month. Its
 * row is locked until the caller's transaction ends, so parallel jobs on one or several nodes take
 * their occurrence numbers one after another; a missing row is created once ({@link CreateOnce})
 * from a count of the records.
 */
@Repository
public class AccountabilityTally {

    private final NamedParameterJdbcTemplate jdbc;
    private final CreateOnce createOnce;

    public AccountabilityTally(NamedParameterJdbcTemplate jdbc, CreateOnce createOnce) {
        this.jdbc = jdbc;
        this.createOnce = createOnce;
    }

    /** Locks the person's tally of the trigger for the month and returns how many records count so far. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int lock(String staff, String triggerType, YearMonth month, IntSupplier countOfRecords) {
        MapSqlParameterSource key = key(staff, triggerType, month);
        if (jdbc.update(LOCK, key) == 0) {
            createOnce.insert(() -> jdbc.update("insert into accountability_tally (staff, trigger_type, period, counted)"
                    + " values (:staff, :type, :period, :counted)", key.addValue("counted", countOfRecords.getAsInt())));
            jdbc.update(LOCK, key);
        }
        Integer counted = jdbc.queryForObject("select counted from accountability_tally"
                + " where staff = :staff and trigger_type = :type and period = :period", key, Integer.class);
        return counted == null ? 0 : counted;
    }

    /** One more (a record proposed) or one fewer (a record dismissed); the caller holds the lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(String staff, String triggerType, YearMonth month, int change) {
        jdbc.update("update accountability_tally set counted = counted + :change"
                + " where staff = :staff and trigger_type = :type and period = :period", key(staff, triggerType, month)
                .addValue("change", change));
    }

    private static final String LOCK = "update accountability_tally set counted = counted"
            + " where staff = :staff and trigger_type = :type and period = :period";

    private static MapSqlParameterSource key(String staff, String triggerType, YearMonth month) {
        return new MapSqlParameterSource("staff", staff).addValue("type", triggerType).addValue("period", month.toString());
    }
}

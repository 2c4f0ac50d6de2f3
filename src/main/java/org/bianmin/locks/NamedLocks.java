package org.bianmin.locks;

import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lock by name in the database, held until the caller's transaction ends: the way to keep a
 * count-then-insert right when timer jobs run in parallel on one node or on several nodes of one
 * database. Portable (H2, PostgreSQL): the row of the name is created once ({@link CreateOnce}),
 * then updated — the row lock serialises the callers.
 */
@Component
public class NamedLocks {

    private final NamedParameterJdbcTemplate jdbc;
    private final CreateOnce createOnce;

    public NamedLocks(NamedParameterJdbcTemplate jdbc, CreateOnce createOnce) {
        this.jdbc = jdbc;
        this.createOnce = createOnce;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String name) {
        Map<String, String> parameters = Map.of("name", name);
        if (jdbc.update("update named_lock set acquired = acquired + 1 where name = :name", parameters) == 1) {
            return;
        }
        createOnce.insert(() -> jdbc.update("insert into named_lock (name, acquired) values (:name, 0)", parameters));
        jdbc.update("update named_lock set acquired = acquired + 1 where name = :name", parameters);
    }
}

package org.bianmin.locks;

import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lock by name in the database, held until the caller's transaction ends: the way to keep a
 * count-then-insert right when timer jobs run in parallel on one node or on several nodes of one
 * database. Portable (H2, PostgreSQL): the row of the name is created once in a transaction of its
 * own (a concurrent creator's duplicate key must not abort the caller's transaction on PostgreSQL),
 * then updated — the row lock serialises the callers.
 */
@Component
public class NamedLocks {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public NamedLocks(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String name) {
        Map<String, String> parameters = Map.of("name", name);
        if (jdbc.update("update named_lock set acquired = acquired + 1 where name = :name", parameters) == 1) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> {
            try {
                jdbc.update("insert into named_lock (name, acquired) values (:name, 0)", parameters);
            } catch (DuplicateKeyException createdMeanwhile) {
                status.setRollbackOnly();
            }
        });
        jdbc.update("update named_lock set acquired = acquired + 1 where name = :name", parameters);
    }
}

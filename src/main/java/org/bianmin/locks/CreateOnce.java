package org.bianmin.locks;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inserts a row that several transactions may create at the same moment, in a transaction of its
 * own: a concurrent creator's duplicate key then ends only that transaction, not the caller's
 * (PostgreSQL aborts a transaction at its first error). The caller then locks the row that exists.
 */
@Component
public class CreateOnce {

    private final TransactionTemplate ownTransaction;

    public CreateOnce(PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs the insert; a row created meanwhile by another transaction is as good. */
    public void insert(Runnable insert) {
        ownTransaction.executeWithoutResult(status -> {
            try {
                insert.run();
            } catch (DuplicateKeyException createdMeanwhile) {
                status.setRollbackOnly();
            }
        });
    }
}

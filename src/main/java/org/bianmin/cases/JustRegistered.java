package org.bianmin.cases;

import java.util.List;
import java.util.Optional;
import org.bianmin.notices.Notice;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The case the current transaction has just registered, with the notices it issued, for the steps
 * of its process that run in the same transaction as it enters its work (转入办理, the work's
 * variables, its first task's card): they would otherwise read back the row and the notices just
 * written. Registration changes nothing of the case after it remembers it, and only a case's process
 * steps ask for it, so it never hides a change; it is gone when the transaction ends.
 */
@Component
public class JustRegistered {

    /** What registration wrote of the case: its row and its notices, in the order they were issued. */
    public record Case(CaseRecord record, List<Notice> notices) {
    }

    public void remember(CaseRecord record, List<Notice> notices) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // no transaction to scope it to: the steps read the case as usual
        }
        if (TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.unbindResource(this);
        } else {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JustRegistered.this);
                }
            });
        }
        TransactionSynchronizationManager.bindResource(this, new Case(record, List.copyOf(notices)));
    }

    /** The case registered in this transaction under {@code caseNumber}, if it is the one. */
    public Optional<Case> find(String caseNumber) {
        return TransactionSynchronizationManager.getResource(this) instanceof Case c && c.record().caseNumber().equals(caseNumber)
                ? Optional.of(c) : Optional.empty();
    }
}

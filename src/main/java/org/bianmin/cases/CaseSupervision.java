package org.bianmin.cases;

import java.util.List;

/**
 * The 督办单 of a case, as the supervision feature lists them in the case file: supervision depends
 * on cases, so the case file asks through this interface rather than the other way round.
 */
public interface CaseSupervision {

    /** The case's orders, oldest first, in the form a person reads them (names, labels, both texts). */
    List<?> orders(String caseNumber);
}

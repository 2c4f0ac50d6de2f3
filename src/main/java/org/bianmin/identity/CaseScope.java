package org.bianmin.identity;

/** Whether a caller belongs to a case, for {@link Action.Scope#CASE} actions (implemented by the cases feature). */
public interface CaseScope {

    /** Refuses with 404 for an unknown case and 403 when the user does not belong to it. */
    void require(CurrentUser user, Action action, String caseNumber);
}

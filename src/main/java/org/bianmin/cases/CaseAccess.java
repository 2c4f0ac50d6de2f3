package org.bianmin.cases;

import java.util.List;
import org.bianmin.identity.Action;
import org.bianmin.identity.CaseScope;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whether a user belongs to a case: supervisors, directors and administrators belong to every
 * case; a clerk to the cases of his window or department, of the window where they were registered,
 * and to those he registered. The people of a case act on it and see its personal data in clear;
 * everybody else sees it masked and read-only.
 */
@Component
public class CaseAccess implements CaseScope {

    private final CaseRepository cases;
    private final IdentityService identity;

    public CaseAccess(CaseRepository cases, IdentityService identity) {
        this.cases = cases;
        this.identity = identity;
    }

    public boolean belongs(CurrentUser user, CaseRecord c) {
        if (user.isWatcher() || user.isIn(Groups.CAMUNDA_ADMIN) || user.id().equals(c.registeredBy())) {
            return true;
        }
        if (user.groups().contains(c.window()) || user.groups().contains(c.department())) {
            return true;
        }
        List<String> intakeWindows = identity.createGroupQuery().groupMember(c.registeredBy()).list().stream()
                .map(Group::getId).filter(id -> id.startsWith(Groups.WINDOW_PREFIX)).toList();
        return intakeWindows.stream().anyMatch(user.groups()::contains);
    }

    /**
     * In a delegate: the same check for the user Tasklist authenticated (a start form that names a
     * case). Without an engine authentication the work was started by Bianmin after the API checked it.
     */
    public void requireOfEngineUser(Action action, String caseNumber) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            require(CurrentUser.ofEngine(identity, authentication.getUserId()), action, caseNumber);
        }
    }

    /** The case, or 404. */
    public CaseRecord find(String caseNumber) {
        return cases.find(caseNumber).orElseThrow(() -> SupplementService.unknownCase(caseNumber));
    }

    /**
     * The role check, then the case (404 if unknown), then — for a case-scoped action — whether the
     * user belongs to it: all before the request body is looked at (see AuthorizationInterceptor).
     */
    @Override
    public void require(CurrentUser user, Action action, String caseNumber) {
        user.require(action);
        CaseRecord c = find(caseNumber);
        if (action.scope() == Action.Scope.CASE && !belongs(user, c)) {
            throw ApiException.forbidden("只能办理本窗口、本部门或本人登记的案件(" + action.label() + ") / only the people of the case's "
                    + "window or department, or who registered it, may do this");
        }
    }
}

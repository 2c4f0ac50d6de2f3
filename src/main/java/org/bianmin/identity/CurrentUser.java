package org.bianmin.identity;

import java.util.Arrays;
import java.util.List;
import org.bianmin.web.ApiException;

/** The authenticated caller of an {@code /api} request. */
public record CurrentUser(String id, List<String> groups) {

    public static final String REQUEST_ATTRIBUTE = CurrentUser.class.getName();

    public CurrentUser {
        groups = List.copyOf(groups);
    }

    /**
     * The user a process step acts for (the engine's authentication in a Tasklist request, or the
     * user a process variable names), with the groups the engine knows for them.
     */
    public static CurrentUser ofEngine(org.camunda.bpm.engine.IdentityService identity, String userId) {
        org.camunda.bpm.engine.impl.identity.Authentication authentication = identity.getCurrentAuthentication();
        List<String> groups = authentication != null && userId.equals(authentication.getUserId()) && authentication.getGroupIds() != null
                ? authentication.getGroupIds()
                : identity.createGroupQuery().groupMember(userId).list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList();
        return new CurrentUser(userId, groups);
    }

    public boolean isIn(String group) {
        return groups.contains(group) || groups.contains(Groups.CAMUNDA_ADMIN);
    }

    public boolean isInAny(String... candidates) {
        return Arrays.stream(candidates).anyMatch(this::isIn);
    }

    /** Refuses with 403 unless the user's groups allow the action (administrators pass everywhere). */
    public void require(Action action) {
        if (!action.allows(this)) {
            throw ApiException.forbidden("无权" + action.label() + " / not allowed: " + action.name().toLowerCase()
                    .replace('_', ' '));
        }
    }

    /** Whether the user acts as a supervisor, director or administrator, not as a clerk. */
    public boolean isWatcher() {
        return isInAny(Groups.SUPERVISORS, Groups.DIRECTORS);
    }

    /** Refuses with 403 unless the user is in one of the groups (administrators pass everywhere). */
    public void require(String... candidates) {
        if (!isInAny(candidates)) {
            throw ApiException.forbidden("无权执行此操作, 需要以下用户组之一 / not allowed, requires one of the groups: "
                    + String.join(", ", candidates));
        }
    }
}
